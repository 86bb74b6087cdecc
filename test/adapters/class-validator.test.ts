import "reflect-metadata";
import { Exclude, Expose, Transform, Type } from "class-transformer";
import {
  Equals, IsBoolean, IsDate, IsDefined, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min,
  MinLength, ValidateIf, ValidateNested, ValidatePromise, ValidationError as ClassValidatorError,
} from "class-validator";
import { describe, expect, it } from "vitest";
import { Auto, Index, Key, metaOf, model, ModelCollection, ModelError, ReferenceTo, StoreAs, Unique, ValidationError } from "../../src/index.js";
import { addThroughOmmi, fieldsOf, validate, validatePatch } from "./helpers.js";

enum Color { Red = "red", Blue = "blue" }
enum Level { Low = 1, High = 2 }

const required = { optional: false, nullable: false };
const inCollection = () => ({ collection: new ModelCollection() });

class Person {
  @IsOptional() @IsInt() @Key() @Auto() id?: number;
  @IsString() @MinLength(2) @StoreAs("full_name") name!: string;
  @IsInt() @Min(0) age!: number;
  @IsOptional() @IsEmail() email?: string;

  greet(): string {
    return `Hello, ${this.name}`;
  }
}

describe("class-validator: reading fields", () => {
  it("maps decorators to Ommi field types", () => {
    class Everything {
      @IsInt() id!: number;
      @IsString() name!: string;
      @IsNumber() score!: number;
      @IsBoolean() active!: boolean;
      @IsDate() born!: Date;
      @IsEmail() email!: string;
      @Min(0) @Max(1) ratio!: number;
      @IsNumber() @IsInt() @Min(1) count!: number;
    }
    expect(fieldsOf(model(Everything, inCollection()))).toEqual({
      id: { type: "integer", ...required },
      name: { type: "string", ...required },
      score: { type: "float", ...required },
      active: { type: "boolean", ...required },
      born: { type: "date", ...required },
      email: { type: "string", ...required },
      ratio: { type: "float", ...required },
      count: { type: "integer", ...required },
    });
  });

  it("stores IsEnum, IsIn and Equals as their base type with their values", () => {
    class Choices {
      @IsInt() id!: number;
      @IsEnum(Color) color!: Color;
      @IsEnum(Level) level!: Level;
      @IsIn(["s", "m", "l"]) size!: string;
      @IsString() @IsIn(["a", "b"]) @IsIn(["b", "c"]) overlap!: string;
      @Equals(3) three!: number;
    }
    expect(fieldsOf(model(Choices, inCollection()))).toEqual({
      id: { type: "integer", ...required },
      color: { type: "string", ...required, values: ["red", "blue"] },
      level: { type: "integer", ...required, values: [1, 2] },
      size: { type: "string", ...required, values: ["s", "m", "l"] },
      overlap: { type: "string", ...required, values: ["b"] },
      three: { type: "integer", ...required, values: [3] },
    });
  });

  it("reads IsOptional and ValidateIf as optional (never nullable: null is stored as absent)", () => {
    class Conditional {
      @IsInt() id!: number;
      @ValidateIf((row: Conditional) => row.id > 0) @IsString() note?: string;
    }
    expect(fieldsOf(model(Person, inCollection())).email).toEqual({ type: "string", optional: true, nullable: false });
    expect(fieldsOf(model(Conditional, inCollection())).note).toEqual({ type: "string", optional: true, nullable: false });
  });

  it("names the model after the class unless told otherwise", () => {
    expect(metaOf(model(Person, inCollection())).name).toBe("Person");
    expect(metaOf(model(Person, { ...inCollection(), name: "People" })).name).toBe("People");
  });

  it("applies Ommi's decorators: Key, Auto, StoreAs and ReferenceTo", () => {
    const collection = new ModelCollection();
    const People = model(Person, { collection });
    class Pet {
      @IsInt() id!: number;
      @IsInt() @ReferenceTo(() => People.id) ownerId!: number;
    }
    const pets = metaOf(model(Pet, { collection }));
    const people = metaOf(People);
    expect(people.keys.map((key) => key.name)).toEqual(["id"]);
    expect(people.field("id")).toMatchObject({ key: true, auto: true });
    expect(people.field("name")?.column).toBe("full_name");
    expect(pets.field("ownerId")?.reference).toBe(people.field("id"));
  });

  it("reads the fields of the classes a class extends, theirs first", () => {
    class Base {
      @IsInt() id!: number;
    }
    class Derived extends Base {
      @IsString() title!: string;
    }
    expect(Object.keys(fieldsOf(model(Derived, inCollection())))).toEqual(["id", "title"]);
  });

  it("falls back to design:type where TypeScript emitted it", () => {
    class Designed {
      @Reflect.metadata("design:type", Number) @Key() id!: number;
      @Reflect.metadata("design:type", String) @IsNotEmpty() name!: string;
      @Reflect.metadata("design:type", Boolean) @IsDefined() active!: boolean;
      @Reflect.metadata("design:type", Date) @IsDefined() born!: Date;
      @Reflect.metadata("design:type", BigInt) @IsDefined() total!: bigint;
    }
    const fields = Object.entries(fieldsOf(model(Designed, inCollection())));
    expect(Object.fromEntries(fields.map(([name, field]) => [name, field.type]))).toEqual({ id: "float", name: "string", active: "boolean", born: "date", total: "bigint" });
    expect(fields.every(([, field]) => !field.optional && !field.nullable)).toBe(true);
  });

  it.each([
    ["a promise", () => { class Thing { @IsInt() id!: number; @ValidatePromise() @IsString() field!: Promise<string>; } return Thing; }, /Thing\.field: a promise cannot be stored/],
    ["an array by design:type", () => { class Thing { @IsInt() id!: number; @Reflect.metadata("design:type", Array) @Key() field!: string[]; } return Thing; }, /Thing\.field: TypeScript says it is an array, but no decorator says so or what its items are.*@IsArray\(\)/],
    ["a property without a type", () => { class Thing { @IsInt() id!: number; @IsNotEmpty() field!: unknown; } return Thing; }, /Thing\.field: no decorator says what type it holds.*add one of @IsString\(\).*Stored\.json/],
    ["a Set", () => { class Thing { @IsInt() id!: number; @Reflect.metadata("design:type", Set) @IsDefined() field!: Set<string>; } return Thing; }, /Thing\.field: a Set has no JSON form/],
    ["a nested class without its class", () => { class Thing { @IsInt() id!: number; @Reflect.metadata("design:type", Object) @ValidateNested() field!: object; } return Thing; }, /Thing\.field: @ValidateNested\(\) needs the class of the value it checks; add class-transformer's @Type/],
    ["decorators that disagree", () => { class Thing { @IsInt() id!: number; @IsString() @IsInt() field!: string; } return Thing; }, /Thing\.field: its decorators disagree about its type \((integer, string|string, integer)\)/],
    ["a class with nothing decorated", () => class Thing { field = 1; }, /Thing: no property of the class is decorated/],
  ])("rejects %s with a ModelError naming the field", (_feature, define, message) => {
    expect(() => model(define(), inCollection())).toThrow(ModelError);
    expect(() => model(define(), inCollection())).toThrow(message);
  });
});

describe("class-validator: validation", () => {
  const People = model(Person, inCollection());

  it("stores a plain record of the declared fields, from a plain object or an instance", async () => {
    const fromPlain = await validate(People, { name: "Alice", age: 30, email: null, unknown: undefined });
    expect(fromPlain).toEqual({ ok: true, value: { name: "Alice", age: 30 } });
    if (fromPlain.ok) expect(Object.getPrototypeOf(fromPlain.value)).toBe(Object.prototype);
    const instance = Object.assign(new Person(), { name: "Bob", age: 4, email: "bob@example.com" });
    expect(await validate(People, instance)).toEqual({ ok: true, value: { name: "Bob", age: 4, email: "bob@example.com" } });
  });

  it("reports class-validator's own messages per property, keeping its errors", async () => {
    const outcome = await validate(People, { name: "A", age: 1.5, email: "not an email" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual(
      expect.arrayContaining([
        { path: ["name"], message: "name must be longer than or equal to 2 characters" },
        { path: ["age"], message: "age must be an integer number" },
        { path: ["email"], message: "email must be an email" },
      ]),
    );
    expect(outcome.issues).toHaveLength(3);
    expect((outcome.libraryIssues as unknown[])[0]).toBeInstanceOf(ClassValidatorError);
  });

  it("checks the type of a field that only design:type types, which class-validator would let through", async () => {
    class Counter {
      @IsInt() id!: number;
      @IsDefined() @Reflect.metadata("design:type", BigInt) total!: bigint;
    }
    const Counters = model(Counter, inCollection());
    expect(await validate(Counters, { id: 1, total: 5n })).toEqual({ ok: true, value: { id: 1, total: 5n } });
    expect(await validate(Counters, { id: 1.5, total: 5 })).toMatchObject({
      ok: false,
      issues: [{ path: ["id"], message: "id must be an integer number" }, { path: ["total"], message: "total must be a bigint" }],
    });
    expect(await validatePatch(Counters, { total: "5" })).toMatchObject({ ok: false, issues: [{ path: ["total"], message: "total must be a bigint" }] });
  });

  it("rejects a value that is not an object", async () => {
    expect(await validate(People, "Alice")).toMatchObject({ ok: false, issues: [{ path: [], message: "expected an object or an instance of Person" }] });
  });

  it("validates only the fields a patch sets, and null where a field needs a value", async () => {
    expect(await validatePatch(People, { age: 31 })).toEqual({ ok: true, value: { age: 31 } });
    expect(await validatePatch(People, { email: null })).toEqual({ ok: true, value: { email: null } });
    expect(await validatePatch(People, { age: -1 })).toMatchObject({ ok: false, issues: [{ path: ["age"], message: "age must not be less than 0" }] });
    const nulled = await validatePatch(People, { name: null });
    expect(nulled.ok).toBe(false);
    if (!nulled.ok) expect(nulled.issues.every((issue) => issue.path[0] === "name")).toBe(true);
  });

  it("hydrates stored rows into instances of the class, without calling its constructor", () => {
    let constructed = 0;
    class Counted {
      @IsInt() id!: number;
      constructor() {
        constructed++;
      }
    }
    const person = metaOf(People).schema.hydrate?.({ id: 1, name: "Alice", age: 30 });
    expect(person).toBeInstanceOf(Person);
    expect((person as Person).greet()).toBe("Hello, Alice");
    expect(metaOf(model(Counted, inCollection())).schema.hydrate?.({ id: 1 })).toBeInstanceOf(Counted);
    expect(constructed).toBe(0);
  });

  it("returns instances from Ommi and a ValidationError for a failing row", async () => {
    const { result, stored } = await addThroughOmmi(People, { name: "Carol", age: 41 });
    expect(result.ok && result.value[0]).toBeInstanceOf(Person);
    expect(stored).toEqual([{ name: "Carol", age: 41 }]);
    const failed = await addThroughOmmi(People, { name: "Carol", age: -3 });
    expect(failed.result.ok || failed.result.error).toBeInstanceOf(ValidationError);
    expect(failed.stored).toEqual([]);
  });

  it("lets class-validator's IsEnum accept a numeric enum's member names, which Ommi still refuses; IsInt makes class-validator refuse them", async () => {
    class Loose {
      @IsInt() id!: number;
      @IsEnum(Level) level!: Level;
    }
    class Strict {
      @IsInt() id!: number;
      @IsEnum(Level) @IsInt() level!: Level;
    }
    const memberName = { id: 1, level: "Low" as unknown as Level };
    expect(await validate(model(Loose, inCollection()), memberName)).toMatchObject({ ok: true });
    const loose = await addThroughOmmi(model(Loose, inCollection()), memberName);
    expect(loose.result.ok || loose.result.error.message).toMatch(/level: must be one of 1, 2, got "Low"/);
    const strict = await addThroughOmmi(model(Strict, inCollection()), memberName);
    expect(strict.result.ok || strict.result.error.message).toMatch(/level: level must be an integer number/);
    expect([...loose.stored, ...strict.stored]).toEqual([]);
  });

  it("runs property initialisers only for instances made with new: not for plain input, nor for rows read back", async () => {
    class Task {
      @IsInt() id!: number;
      @IsString() status: string = "open";
    }
    const Tasks = model(Task, inCollection());
    expect((await addThroughOmmi(Tasks, Object.assign(new Task(), { id: 1 }))).stored).toEqual([{ id: 1, status: "open" }]);
    expect((await addThroughOmmi(Tasks, { id: 2 } as Task)).result.ok).toBe(false);
    expect(metaOf(Tasks).schema.hydrate?.({ id: 3 })).toEqual({ id: 3 });
  });

  it("takes Unique and Index as decorators too", () => {
    class Account {
      @IsInt() id!: number;
      @Unique() @IsString() email!: string;
      @Index() @IsString() city!: string;
    }
    const meta = metaOf(model(Account, inCollection()));
    expect([meta.field("email")?.unique, meta.field("city")?.indexed]).toEqual([true, true]);
  });

  it("is the class-validator adapter that reads the class", () => {
    expect(metaOf(People).library).toBe("class-validator");
  });
});

describe("class-validator: properties that only class-transformer describes", () => {
  class Logo {
    @IsString() url!: string;
  }

  it("refuses a property with only @Type at model() time, naming the model and the property, and saying how to store it", () => {
    class Shop {
      @IsInt() id!: number;
      @IsString() name!: string;
      @Type(() => Logo) logo?: Logo;
    }
    expect(() => model(Shop, inCollection())).toThrow(ModelError);
    expect(() => model(Shop, inCollection())).toThrow(
      /^Shop\.logo: class-transformer's @Type says it holds a Logo, which Ommi stores as a nested object once class-validator checks it; add @ValidateNested\(\)/,
    );
  });

  it.each([
    ["@Type(() => Date)", () => { class Shop { @IsInt() id!: number; @Type(() => Date) field?: Date; } return Shop; }, /Shop\.field: only class-transformer \(@Type\) describes it.*add a class-validator decorator, @IsDate\(\)/],
    ["@Type(() => String)", () => { class Shop { @IsInt() id!: number; @Type(() => String) field?: string; } return Shop; }, /Shop\.field: only class-transformer \(@Type\) describes it.*@IsString\(\)/],
    ["@Type over an array", () => { class Shop { @IsInt() id!: number; @Type(() => Logo) @Reflect.metadata("design:type", Array) field?: Logo[]; } return Shop; }, /Shop\.field: only class-transformer \(@Type\) describes it.*add @ValidateNested\(\{ each: true \}\) \(with @IsArray\(\)\), so that class-validator checks each Logo/],
    ["@Expose()", () => { class Shop { @IsInt() id!: number; @Expose() field?: string; } return Shop; }, /Shop\.field: only class-transformer \(@Expose\) describes it.*add a class-validator decorator, the one for its type: @IsString\(\)/],
    ["@Transform", () => { class Shop { @IsInt() id!: number; @Transform(({ value }: { value: unknown }) => value) field?: string; } return Shop; }, /Shop\.field: only class-transformer \(@Transform\) describes it/],
    ["@Exclude({ toPlainOnly: true }), which hides it from output only", () => { class Shop { @IsInt() id!: number; @Exclude({ toPlainOnly: true }) field?: string; } return Shop; }, /Shop\.field: only class-transformer \(@Exclude\(\{ toPlainOnly: true \}\)\) describes it/],
    ["@Expose() on a base class", () => { class Base { @Expose() field?: string; } class Shop extends Base { @IsInt() id!: number; } return Shop; }, /Shop\.field: only class-transformer \(@Expose\)/],
  ])("refuses a property with only %s", (_decorator, define, message) => {
    expect(() => model(define(), inCollection())).toThrow(ModelError);
    expect(() => model(define(), inCollection())).toThrow(message);
  });

  it("takes a property that class-validator describes as a field, whatever class-transformer adds", () => {
    class Shop {
      @IsInt() id!: number;
      @IsDate() @Type(() => Date) openedAt!: Date;
      @IsString() @Expose({ name: "display_name" }) name!: string;
    }
    expect(fieldsOf(model(Shop, inCollection()))).toEqual({ id: { type: "integer", ...required }, openedAt: { type: "date", ...required }, name: { type: "string", ...required } });
  });

  it("leaves @Exclude()d properties out: their author says they are not data, so class-transformer never takes them from plain input either", async () => {
    class Session {
      @IsInt() id!: number;
      @Exclude() token?: string;
      @Exclude({ toClassOnly: true }) cache?: string;
    }
    const Sessions = model(Session, inCollection());
    expect(Object.keys(fieldsOf(Sessions))).toEqual(["id"]);
    const { result, stored } = await addThroughOmmi(Sessions, { id: 1, token: "t", cache: "c" });
    expect(result.ok).toBe(true);
    expect(stored).toEqual([{ id: 1 }]);
  });

  it("leaves a getter that class-transformer exposes alone: it is computed, not given", async () => {
    class Person2 {
      @IsString() first!: string;
      @IsString() @Key() last!: string;
      @Expose() get full(): string {
        return `${this.first} ${this.last}`;
      }
    }
    const People = model(Person2, inCollection());
    expect(Object.keys(fieldsOf(People))).toEqual(["first", "last"]);
    const { stored } = await addThroughOmmi(People, Object.assign(new Person2(), { first: "Ada", last: "Lovelace" }));
    expect(stored).toEqual([{ first: "Ada", last: "Lovelace" }]);
  });

  it("refuses a class-validator decorated getter without a setter: no row could be read back into it", () => {
    class Shout {
      @IsString() @Key() text!: string;
      @IsString() get loud(): string {
        return this.text.toUpperCase();
      }
    }
    expect(() => model(Shout, inCollection())).toThrow(/^Shout\.loud: a getter without a setter cannot be stored/);
  });
});

describe("class-validator: input keys that are not fields", () => {
  const People = model(Person, inCollection());

  it("refuses a plain input's undecorated key that holds a value, naming it, and stores nothing", async () => {
    const { result, stored } = await addThroughOmmi(People, { name: "Alice", age: 30, nickname: "Al" } as unknown as Person);
    expect(stored).toEqual([]);
    expect(result.ok || result.error).toBeInstanceOf(ValidationError);
    expect(result.ok || (result.error as ValidationError).issues).toEqual([
      { path: ["nickname"], message: expect.stringMatching(/^not a field of this model, so there is no column to store it in; give it a class-validator decorator/) as unknown },
    ]);
  });

  it("refuses an instance's undecorated property that holds a value, and takes it when it holds none", async () => {
    class Cart {
      @IsInt() id!: number;
      note?: string;
      items: string[] = [];
    }
    const Carts = model(Cart, inCollection());
    const refused = await validate(Carts, Object.assign(new Cart(), { id: 1 }));
    expect(refused).toMatchObject({ ok: false, issues: [{ path: ["items"] }] });
    const empty = Object.assign(new Cart(), { id: 2 });
    delete (empty as Partial<Cart>).items;
    expect(await validate(Carts, empty)).toEqual({ ok: true, value: { id: 2 } });
  });

  it("refuses the extra fields of a subclass instance, which the model does not store", async () => {
    class Admin extends Person {
      @IsString() role!: string;
    }
    const admin = Object.assign(new Admin(), { name: "Root", age: 40, role: "owner" });
    expect(await validate(People, admin)).toMatchObject({ ok: false, issues: [{ path: ["role"] }] });
  });

  it("takes a null for a key that is not a field, as it takes a null for an optional field: nothing to store", async () => {
    expect(await validate(People, { name: "Alice", age: 30, nickname: null })).toEqual({ ok: true, value: { name: "Alice", age: 30 } });
  });

  it("does not take a field that carries only Ommi markers for an unknown key", async () => {
    class Tagged {
      @Reflect.metadata("design:type", Number) @Key() id!: number;
      @IsString() name!: string;
    }
    expect(await validate(model(Tagged, inCollection()), { id: 1, name: "a" })).toEqual({ ok: true, value: { id: 1, name: "a" } });
  });

  it("refuses an invalid Date in a field that only design:type types: it has no time to store", async () => {
    class Stamp {
      @IsInt() id!: number;
      @IsDefined() @Reflect.metadata("design:type", Date) at!: Date;
    }
    expect(await validate(model(Stamp, inCollection()), { id: 1, at: new Date("not a date") })).toMatchObject({
      ok: false,
      issues: [{ path: ["at"], message: "at must be a valid Date instance" }],
    });
  });
});
