import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { metaOf, model, ModelError, ValidationError } from "../../src/index.js";
import { addThroughOmmi, fieldsOf, isolated, validate, validatePatch } from "./helpers.js";

enum Color { Red = "red", Blue = "blue" }
enum Level { Low = 1, High = 2 }

const required = { optional: false, nullable: false };

describe("valibot: reading fields", () => {
  it("maps every supported type to an Ommi field type", () => {
    const Everything = model(
      v.object({
        id: v.pipe(v.number(), v.integer()),
        name: v.string(),
        score: v.number(),
        safe: v.pipe(v.number(), v.safeInteger()),
        active: v.boolean(),
        born: v.date(),
        big: v.bigint(),
      }),
      isolated("Everything"),
    );
    expect(fieldsOf(Everything)).toEqual({
      id: { type: "integer", ...required },
      name: { type: "string", ...required },
      score: { type: "float", ...required },
      safe: { type: "integer", ...required },
      active: { type: "boolean", ...required },
      born: { type: "date", ...required },
      big: { type: "bigint", ...required },
    });
  });

  it("stores picklists, enums and literals as their base type with their values", () => {
    const Choices = model(
      v.object({
        id: v.string(),
        size: v.picklist(["s", "m", "l"]),
        color: v.enum(Color),
        level: v.enum(Level),
        answer: v.literal(42),
        ratio: v.literal(0.5),
        yes: v.literal(true),
        either: v.union([v.literal("a"), v.literal("b")]),
      }),
      isolated("Choices"),
    );
    expect(fieldsOf(Choices)).toEqual({
      id: { type: "string", ...required },
      size: { type: "string", ...required, values: ["s", "m", "l"] },
      color: { type: "string", ...required, values: ["red", "blue"] },
      level: { type: "integer", ...required, values: [1, 2] },
      answer: { type: "integer", ...required, values: [42] },
      ratio: { type: "float", ...required, values: [0.5] },
      yes: { type: "boolean", ...required, values: [true] },
      either: { type: "string", ...required, values: ["a", "b"] },
    });
  });

  it("reads optional, nullable and nullish, and a default as always present", () => {
    const Flags = model(
      v.object({
        id: v.string(),
        maybe: v.optional(v.string()),
        exact: v.exactOptional(v.string()),
        orNull: v.nullable(v.string()),
        either: v.nullish(v.number()),
        orNullUnion: v.union([v.string(), v.null()]),
        defaulted: v.optional(v.string(), "x"),
        nullDefaulted: v.nullable(v.string(), "x"),
        bothDefaulted: v.nullish(v.string(), "x"),
        optionalOfNullable: v.optional(v.nullable(v.string()), "x"),
        required: v.nonOptional(v.optional(v.string())),
        notNull: v.nonNullable(v.nullable(v.string())),
        neither: v.nonNullish(v.nullish(v.string())),
      }),
      isolated("Flags"),
    );
    const flags = Object.fromEntries(Object.entries(fieldsOf(Flags)).map(([name, { optional, nullable }]) => [name, { optional, nullable }]));
    expect(flags).toEqual({
      id: { optional: false, nullable: false },
      maybe: { optional: true, nullable: false },
      exact: { optional: true, nullable: false },
      orNull: { optional: false, nullable: true },
      either: { optional: true, nullable: true },
      orNullUnion: { optional: false, nullable: true },
      defaulted: { optional: false, nullable: false },
      nullDefaulted: { optional: false, nullable: false },
      bothDefaulted: { optional: false, nullable: false },
      optionalOfNullable: { optional: false, nullable: true },
      required: { optional: false, nullable: false },
      notNull: { optional: false, nullable: false },
      neither: { optional: false, nullable: false },
    });
  });

  it("reads a default that is itself a missing value as one the field holds: v.nullish(v.string(), null) is nullable", async () => {
    const Defaults = model(
      v.object({
        id: v.string(),
        nullishNull: v.nullish(v.string(), null),
        nullishUndefined: v.nullish(v.string(), () => undefined),
        nullableNull: v.nullable(v.string(), () => null),
        optionalUndefined: v.optional(v.string(), () => undefined),
        optionalText: v.optional(v.string(), () => "x"),
        optionalNullOfNullable: v.optional(v.nullable(v.string()), null),
        exactDefaulted: v.exactOptional(v.string(), "x"),
      }),
      isolated("Defaults"),
    );
    const flags = Object.fromEntries(Object.entries(fieldsOf(Defaults)).map(([name, { optional, nullable }]) => [name, { optional, nullable }]));
    expect(flags).toEqual({
      id: { optional: false, nullable: false },
      nullishNull: { optional: false, nullable: true },
      nullishUndefined: { optional: true, nullable: false },
      nullableNull: { optional: false, nullable: true },
      optionalUndefined: { optional: true, nullable: false },
      optionalText: { optional: false, nullable: false },
      optionalNullOfNullable: { optional: false, nullable: true },
      exactDefaulted: { optional: false, nullable: false },
    });
    // What Valibot gives for a row that leaves them out (a nullable's key must be there), which the flags above must admit.
    expect(await validate(Defaults, { id: "a", nullableNull: null })).toEqual({
      ok: true,
      value: { id: "a", nullishNull: null, nullishUndefined: undefined, nullableNull: null, optionalUndefined: undefined, optionalText: "x", optionalNullOfNullable: null, exactDefaulted: "x" },
    });
  });

  it("reads a default function once, as v.getDefault does, and one it cannot call as giving anything", () => {
    let calls = 0;
    const counted = () => {
      calls++;
      return "x";
    };
    const Called = model(
      v.object({ id: v.string(), counted: v.nullish(v.string(), counted), needsDataset: v.nullish(v.string(), (dataset?: { value: unknown }) => String(dataset!.value)) }),
      isolated("Called"),
    );
    expect(calls).toBe(1);
    expect(fieldsOf(Called).counted).toEqual({ type: "string", ...required });
    expect(fieldsOf(Called).needsDataset).toEqual({ type: "string", optional: true, nullable: true });
  });

  it("adds what a fallback gives to what its schema gives, and refuses one of another type", () => {
    const Fallbacks = model(v.object({ id: v.string(), orNull: v.fallback(v.nullable(v.string()), null) }), isolated("Fallbacks"));
    expect(fieldsOf(Fallbacks).orNull).toEqual({ type: "string", optional: false, nullable: true });
    const wrongType = v.object({ id: v.string(), count: v.fallback(v.pipe(v.number(), v.integer()), "none" as unknown as number) });
    expect(() => model(wrongType, isolated("Thing"))).toThrow(/^Thing\.count: its fallback "none" is not an integer like its other values/);
    const notAllowed = v.object({ id: v.string(), size: v.fallback(v.picklist(["s", "m"]), "xl" as "s") });
    expect(() => model(notAllowed, isolated("Thing"))).toThrow(/^Thing\.size: its fallback "xl" is not one of its allowed values \("s", "m"\)/);
  });

  it("reads a fallback as the schema it falls back from, always present", async () => {
    const WithFallback = model(v.object({ id: v.string(), count: v.fallback(v.pipe(v.number(), v.integer()), 0) }), isolated("WithFallback"));
    expect(fieldsOf(WithFallback).count).toEqual({ type: "integer", ...required });
    expect(await validate(WithFallback, { id: "a" })).toEqual({ ok: true, value: { id: "a", count: 0 } });
    expect(await validate(WithFallback, { id: "a", count: 1.5 })).toEqual({ ok: true, value: { id: "a", count: 0 } });
  });

  it("reads what comes out of a pipe: type-keeping actions, conversions, and a schema after a transform", () => {
    const Piped = model(
      v.object({
        id: v.string(),
        trimmed: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1)),
        converted: v.pipe(v.string(), v.toNumber()),
        convertedInteger: v.pipe(v.string(), v.toNumber(), v.integer()),
        when: v.pipe(v.string(), v.toDate()),
        reparsed: v.pipe(v.string(), v.transform(Number), v.number()),
        nested: v.pipe(v.pipe(v.number(), v.integer()), v.minValue(0)),
        branded: v.pipe(v.number(), v.integer(), v.brand("Cents"), v.readonly()),
        big: v.pipe(v.string(), v.toBigint()),
        flag: v.pipe(v.string(), v.parseBoolean()),
        text: v.pipe(v.number(), v.toString()),
      }),
      isolated("Piped"),
    );
    const types = Object.fromEntries(Object.entries(fieldsOf(Piped)).map(([name, field]) => [name, field.type]));
    expect(types).toEqual({
      id: "string", trimmed: "string", converted: "float", convertedInteger: "integer", when: "date", reparsed: "float", nested: "integer",
      branded: "integer", big: "bigint", flag: "boolean", text: "string",
    });
  });

  it("names the model and the field when a transform hides the stored type", () => {
    const schema = v.object({ id: v.string(), length: v.pipe(v.string(), v.transform((text) => text.length)) });
    expect(() => model(schema, isolated("Words"))).toThrow(ModelError);
    expect(() => model(schema, isolated("Words"))).toThrow(/Words\.length: a transform's output type cannot be read/);
  });

  it.each([
    ["a set", v.set(v.string()), /^Thing\.field: a Set has no JSON form, so it cannot be stored exactly; use an array \(v\.array/],
    ["a map", v.map(v.string(), v.number()), /^Thing\.field: a Map has no JSON form.*v\.record\(v\.string\(\)/],
    ["a union of unrelated types", v.union([v.string(), v.date()]), /^Thing\.field: a union of unrelated types cannot be stored as one type when a date/],
    ["a custom schema", v.custom<Buffer>(() => true), /^Thing\.field: v\.custom\(\) does not say what it holds; name the stored type: fields: \{ field: Stored\.binary \}/],
    ["a symbol", v.symbol(), /^Thing\.field: Valibot type "symbol" cannot be stored; use string/],
  ])("rejects %s with a ModelError naming the field", (_feature, field, message) => {
    expect(() => model(v.object({ id: v.string(), field }), isolated("Thing"))).toThrow(ModelError);
    expect(() => model(v.object({ id: v.string(), field }), isolated("Thing"))).toThrow(message);
  });

  it("refuses a pipe that transforms the whole object, whose output could leave a field out (it was dropped in silence)", () => {
    const schema = v.pipe(v.object({ id: v.string(), note: v.optional(v.string()) }), v.transform((row) => ({ id: row.id })));
    expect(() => model(schema, isolated("Thing"))).toThrow(ModelError);
    expect(() => model(schema, isolated("Thing"))).toThrow(/^Thing: a v\.pipe step \(v\.transform\) changes the whole object, and which fields come out of it cannot be read/);
  });

  it("takes a pipe that only checks the whole object, and stores every field", async () => {
    const Checked = model(v.pipe(v.object({ id: v.string(), note: v.optional(v.string()) }), v.check((row) => row.id !== "", "needs an id"), v.readonly()), isolated("Checked"));
    expect((await addThroughOmmi(Checked, { id: "a", note: "kept" })).stored).toEqual([{ id: "a", note: "kept" }]);
  });

  it("requires an object schema", () => {
    expect(() => model(v.string(), isolated("Text"))).toThrow(/Text: a Valibot model must be a v\.object\(\.\.\.\), got v\.string/);
  });

  it("accepts strict and loose objects", () => {
    expect(fieldsOf(model(v.strictObject({ id: v.string() }), isolated("Strict"))).id?.type).toBe("string");
    expect(fieldsOf(model(v.looseObject({ id: v.string() }), isolated("Loose"))).id?.type).toBe("string");
  });
});

describe("valibot: validation", () => {
  const User = model(
    v.object({
      id: v.optional(v.pipe(v.number(), v.integer())),
      name: v.pipe(v.string(), v.trim(), v.minLength(2)),
      age: v.pipe(v.number(), v.integer()),
      role: v.optional(v.picklist(["admin", "user"]), "user"),
    }),
    isolated("User"),
  );

  it("stores Valibot's output: defaults applied, actions run, unknown keys dropped", async () => {
    expect(await validate(User, { name: "  Alice ", age: 30, extra: true })).toEqual({ ok: true, value: { name: "Alice", age: 30, role: "user" } });
  });

  it("reports Valibot's own issues, per field", async () => {
    const outcome = await validate(User, { name: "A", age: 1.5 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      { path: ["name"], message: "Invalid length: Expected >=2 but received 1" },
      { path: ["age"], message: "Invalid integer: Received 1.5" },
    ]);
    expect(outcome.libraryIssues).toHaveLength(2);
  });

  it("validates each patch field by its own schema", async () => {
    expect(await validatePatch(User, { name: " Bob " })).toEqual({ ok: true, value: { name: "Bob" } });
    const outcome = await validatePatch(User, { age: "old" });
    expect(outcome).toMatchObject({ ok: false, issues: [{ path: ["age"], message: "Invalid type: Expected number but received \"old\"" }] });
  });

  it("makes a failing row a ValidationError in Ommi, before the driver sees it", async () => {
    const { result, stored } = await addThroughOmmi(User, { name: "A", age: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.message).toContain("name: Invalid length: Expected >=2 but received 1");
    expect(stored).toEqual([]);
  });

  it("hands the driver the validated row", async () => {
    const { stored } = await addThroughOmmi(User, { name: "Carol", age: 41 });
    expect(stored).toEqual([{ name: "Carol", age: 41, role: "user" }]);
  });

  it("is the valibot adapter that reads the schema", () => {
    expect(metaOf(User).library).toBe("valibot");
  });
});
