import "reflect-metadata";
import { Type as Transformed } from "class-transformer";
import { IsDate, IsInt, IsOptional, IsString } from "class-validator";
import { Type } from "typebox";
import * as v from "valibot";
import { z } from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SQLiteDriver } from "../../drivers/sqlite/index.js";
import { Auto, Key, model, ModelCollection, ModelError, Ommi, ValidationError, when } from "../../src/index.js";

const born = new Date("2000-01-02T03:04:05.678Z");

class Person {
  @IsOptional() @IsInt() @Key() @Auto() id?: number;
  @IsString() name!: string;
  @IsOptional() @IsString() nickname?: string;
  @IsDate() born!: Date;

  greet(): string {
    return `Hello, ${this.name}`;
  }
}

describe("adapters through SQLite", () => {
  let collection: ModelCollection;
  let db: Ommi;
  beforeEach(async () => {
    collection = new ModelCollection();
    db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  });
  afterEach(() => db.close());

  it("stores class-validator models and reads them back as instances", async () => {
    const People = model(Person, { collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(People, { name: "Ann", born }).raiseOnErrors();
    await db.find(People.name.eq("Ann")).update({ nickname: "A" }).raiseOnErrors();
    const ann = await db.find(People.nickname.eq("A")).one().value;
    expect(ann).toBeInstanceOf(Person);
    expect(ann.greet()).toBe("Hello, Ann");
    expect(ann).toMatchObject({ id: 1, name: "Ann", nickname: "A", born });
  });

  it("stores TypeBox models, dates included, and refuses what TypeBox refuses", async () => {
    const DateType = Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date, () => "must be a Date");
    const Event = model(Type.Object({ id: Type.Optional(Type.Integer()), at: DateType, seats: Type.Union([Type.Integer(), Type.Null()]) }), {
      name: "Event",
      collection,
      fields: { id: [Key, Auto] },
    });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Event, { at: born, seats: null }).raiseOnErrors();
    expect(await db.find(Event.seats.isNull()).all().value).toEqual([{ id: 1, at: born, seats: null }]);
    const refused = await db.add(Event, { at: "yesterday" as unknown as Date, seats: 1 });
    expect(refused.ok || refused.error).toBeInstanceOf(ValidationError);
    expect(await db.find(Event).count().value).toBe(1);
  });

  it("stores Valibot's output", async () => {
    const Note = model(v.object({ id: v.optional(v.pipe(v.number(), v.integer())), text: v.pipe(v.string(), v.trim()), kind: v.optional(v.picklist(["memo", "todo"]), "memo") }), {
      name: "Note",
      collection,
      fields: { id: [Key, Auto] },
    });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Note, { text: "  hello " }).raiseOnErrors();
    expect(await db.find(Note.kind.eq("memo")).all().value).toEqual([{ id: 1, text: "hello", kind: "memo" }]);
  });

  it("stores the null a Valibot nullish default gives, and reads it back as null (it was a NOT NULL column)", async () => {
    const Note = model(v.object({ id: v.string(), text: v.nullish(v.string(), null), label: v.nullable(v.string(), () => null) }), { name: "Note", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Note, [{ id: "left out", label: null }, { id: "null", text: null, label: null }, { id: "given", text: "t", label: "l" }]).raiseOnErrors();
    expect(await db.find(when(Note).sort(Note.id.asc())).all().value).toEqual([
      { id: "given", text: "t", label: "l" },
      { id: "left out", text: null, label: null },
      { id: "null", text: null, label: null },
    ]);
    expect(await db.find(Note.text.isNull()).count().value).toBe(2);
  });

  it("stores the null a Zod default gives", async () => {
    const Note = model(z.object({ id: z.string(), text: z.string().nullish().default(null), caught: z.string().catch(null as never) }), { name: "Note", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Note, { id: "a", caught: 5 as never }).raiseOnErrors();
    expect(await db.find(Note).all().value).toEqual([{ id: "a", text: null, caught: null }]);
  });

  it("refuses a class whose property only class-transformer describes, before any table exists", () => {
    class Logo {
      @IsString() url!: string;
    }
    class Shop {
      @IsInt() id!: number;
      @Transformed(() => Logo) logo?: Logo;
    }
    expect(() => model(Shop, { collection })).toThrow(ModelError);
    expect(() => model(Shop, { collection })).toThrow(/^Shop\.logo: /);
  });

  it("stores nothing of a row with a key that is not a field, for the libraries that would have dropped it", async () => {
    const People = model(Person, { collection });
    const Event = model(Type.Object({ id: Type.Integer(), title: Type.String() }), { name: "Event", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    const person = await db.add(People, { name: "Ann", born, nickname: "A", age: 3 } as unknown as Person);
    const event = await db.add(Event, { id: 1, title: "Launch", note: "lost" } as never);
    for (const refused of [person, event]) expect(refused.ok || refused.error).toBeInstanceOf(ValidationError);
    expect([await db.find(People).count().value, await db.find(Event).count().value]).toEqual([0, 0]);
  });
});
