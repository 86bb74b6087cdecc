import { IsDate, IsInt, IsOptional, IsString } from "class-validator";
import { Type, type Static } from "typebox";
import * as v from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import { model, type InputOf, type RowOf, type SchemaTypes } from "../../src/index.js";

describe("valibot types", () => {
  const schema = v.object({
    id: v.optional(v.pipe(v.number(), v.integer())),
    name: v.string(),
    role: v.optional(v.picklist(["admin", "user"]), "user"),
    born: v.nullable(v.date()),
  });
  const User = model(schema, { name: "User" });

  it("rows are Valibot's output type with their key, inputs its input type", () => {
    expectTypeOf<RowOf<typeof User>>().branded.toEqualTypeOf<Omit<v.InferOutput<typeof schema>, "id"> & { id: number }>();
    expectTypeOf<InputOf<typeof User>>().toEqualTypeOf<v.InferInput<typeof schema>>();
  });

  it("gets no types from TypeBox's member of SchemaTypes", () => {
    expectTypeOf<SchemaTypes<typeof schema>["typebox"]>().toBeNever();
  });

  it("types field refs by the field's value", () => {
    User.name.eq("Alice");
    User.role.in(["admin"]);
    User.born.lt(new Date());
    // @ts-expect-error a name is a string
    User.name.eq(1);
    // @ts-expect-error "guest" is not a role
    User.role.eq("guest");
    // @ts-expect-error a date field compares with dates
    User.born.lt("2020-01-01");
  });
});

describe("typebox types", () => {
  const schema = Type.Object({
    id: Type.Optional(Type.Integer()),
    title: Type.String(),
    seats: Type.Union([Type.Integer(), Type.Null()]),
    kind: Type.Union([Type.Literal("talk"), Type.Literal("workshop")]),
  });
  const Event = model(schema, { name: "Event" });

  it("rows are TypeBox's Static type with their key, inputs its Static type", () => {
    expectTypeOf<RowOf<typeof Event>>().branded.toEqualTypeOf<Omit<Static<typeof schema>, "id"> & { id: number }>();
    expectTypeOf<InputOf<typeof Event>>().toEqualTypeOf<Static<typeof schema>>();
  });

  it("types field refs by the field's value", () => {
    Event.title.startsWith("Intro");
    Event.seats.eq(null);
    Event.kind.eq("talk");
    // @ts-expect-error seats are numbers
    Event.seats.gt("10");
    // @ts-expect-error "party" is not a kind
    Event.kind.eq("party");
  });
});

describe("class-validator types", () => {
  class Person {
    @IsOptional() @IsInt() id?: number;
    @IsString() name!: string;
    @IsDate() born!: Date;

    greet(): string {
      return this.name;
    }
  }
  const People = model(Person);

  it("rows are instances of the class with their key; inputs its data fields or an instance", () => {
    expectTypeOf<RowOf<typeof People>>().toEqualTypeOf<Person & { id: number }>();
    expectTypeOf<InputOf<typeof People>>().toEqualTypeOf<{ id?: number; name: string; born: Date } | Person>();
  });

  it("has refs for data fields only, typed by the field's value", () => {
    People.born.gte(new Date());
    // @ts-expect-error a name is a string
    People.name.eq(3);
    // @ts-expect-error methods are not fields
    void People.greet;
  });
});
