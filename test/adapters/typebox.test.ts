import { Type } from "typebox";
import { describe, expect, it } from "vitest";
import { metaOf, model, ModelError, ValidationError } from "../../src/index.js";
import { addThroughOmmi, fieldsOf, isolated, validate, validatePatch } from "./helpers.js";

enum Level { Low = 1, High = 2 }

const required = { optional: false, nullable: false };
/** TypeBox 1.x has no Date type; this is its author's recipe, with the keyword Ommi reads. */
const DateType = Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date, () => "must be a Date");

describe("typebox: reading fields", () => {
  it("maps every supported type to an Ommi field type", () => {
    const Everything = model(
      Type.Object({
        id: Type.Integer(),
        name: Type.String({ minLength: 1 }),
        score: Type.Number(),
        active: Type.Boolean(),
        big: Type.BigInt(),
        born: DateType,
        code: Type.TemplateLiteral("id-${number}"),
        label: Type.Readonly(Type.String()),
      }),
      isolated("Everything"),
    );
    expect(fieldsOf(Everything)).toEqual({
      id: { type: "integer", ...required },
      name: { type: "string", ...required },
      score: { type: "float", ...required },
      active: { type: "boolean", ...required },
      big: { type: "bigint", ...required },
      born: { type: "date", ...required },
      code: { type: "string", ...required },
      label: { type: "string", ...required },
    });
  });

  it("stores literals, enums and unions of literals as their base type with their values", () => {
    const Choices = model(
      Type.Object({
        id: Type.String(),
        size: Type.Union([Type.Literal("s"), Type.Literal("m")]),
        level: Type.Enum(Level),
        kinds: Type.Enum(["a", "b"]),
        answer: Type.Literal(42),
        half: Type.Literal(0.5),
        yes: Type.Literal(true),
      }),
      isolated("Choices"),
    );
    expect(fieldsOf(Choices)).toEqual({
      id: { type: "string", ...required },
      size: { type: "string", ...required, values: ["s", "m"] },
      level: { type: "integer", ...required, values: [1, 2] },
      kinds: { type: "string", ...required, values: ["a", "b"] },
      answer: { type: "integer", ...required, values: [42] },
      half: { type: "float", ...required, values: [0.5] },
      yes: { type: "boolean", ...required, values: [true] },
    });
  });

  it("reads Optional and nullable unions", () => {
    const Flags = model(
      Type.Object({
        id: Type.String(),
        maybe: Type.Optional(Type.String()),
        orNull: Type.Union([Type.Integer(), Type.Null()]),
        both: Type.Optional(Type.Union([Type.Null(), Type.Literal("a"), Type.Literal("b")])),
      }),
      isolated("Flags"),
    );
    expect(fieldsOf(Flags)).toEqual({
      id: { type: "string", ...required },
      maybe: { type: "string", optional: true, nullable: false },
      orNull: { type: "integer", optional: false, nullable: true },
      both: { type: "string", optional: true, nullable: true, values: ["a", "b"] },
    });
  });

  it.each([
    ["a union of unrelated types that JSON cannot hold", Type.Union([Type.String(), DateType]), /Thing\.field: a union of unrelated types/],
    ["literals and a bigint", Type.Union([Type.Literal("a"), Type.BigInt()]), /Thing\.field: a union of unrelated types/],
    ["a Null alone", Type.Null(), /Thing\.field: TypeBox type "Null" cannot be stored/],
    ["a Codec", Type.Codec(Type.String()).Decode((text) => new Date(text)).Encode((date) => date.toISOString()), /Thing\.field: a Codec's decoded type cannot be read/],
    ["a Date without a check", Type.Unsafe<Date>({ instanceOf: "Date" }), /Thing\.field: a date needs a check TypeBox can run/],
    ["a Symbol", Type.Symbol(), /Thing\.field: TypeBox type "Symbol" cannot be stored/],
  ])("rejects %s with a ModelError naming the field", (_feature, field, message) => {
    expect(() => model(Type.Object({ id: Type.String(), field }), isolated("Thing"))).toThrow(message);
  });

  it("requires a Type.Object", () => {
    expect(() => model(Type.String(), isolated("Text"))).toThrow(ModelError);
    expect(() => model(Type.String(), isolated("Text"))).toThrow(/Text: a TypeBox model must be a Type\.Object\(\.\.\.\), got Type\.String/);
  });
});

describe("typebox: validation", () => {
  const Event = model(
    Type.Object({
      id: Type.Optional(Type.Integer()),
      title: Type.String({ minLength: 2 }),
      at: DateType,
      seats: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    }),
    isolated("Event"),
  );
  const at = new Date("2024-05-06T07:08:09.010Z");

  it("refuses a property TypeBox lets through that is not a field, naming it, rather than dropping its value", async () => {
    const outcome = await validate(Event, { title: "Launch", at, seats: null, note: "not stored" });
    expect(outcome).toEqual({
      ok: false,
      issues: [{ path: ["note"], message: expect.stringMatching(/^not a field of this model, so there is no column to store it in; .*additionalProperties: false/) as unknown }],
      libraryIssues: [],
    });
    const { result, stored } = await addThroughOmmi(Event, { title: "Launch", at, seats: null, note: "x" } as never);
    expect(result.ok || result.error).toBeInstanceOf(ValidationError);
    expect(stored).toEqual([]);
  });

  it("stores the checked value's declared fields: a property holding undefined has nothing to lose", async () => {
    expect(await validate(Event, { title: "Launch", at, seats: null, note: undefined })).toEqual({ ok: true, value: { title: "Launch", at, seats: null } });
  });

  it("leaves refusing to TypeBox where the object says additionalProperties: false", async () => {
    const Strict = model(Type.Object({ id: Type.Integer() }, { additionalProperties: false }), isolated("Strict"));
    const outcome = await validate(Strict, { id: 1, note: "x" });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues).toContainEqual({ path: [], message: "must not have additional properties" });
    if (!outcome.ok) expect(outcome.issues.every((issue) => !issue.message.startsWith("not a field"))).toBe(true);
  });

  it("reads a union with null as nullable whatever its default, which TypeBox does not apply", async () => {
    const Defaulted = model(
      Type.Object({ id: Type.Integer(), note: Type.Union([Type.String(), Type.Null()], { default: null }), maybe: Type.Optional(Type.Union([Type.String(), Type.Null()], { default: null })) }),
      isolated("Defaulted"),
    );
    expect(fieldsOf(Defaulted)).toMatchObject({ note: { optional: false, nullable: true }, maybe: { optional: true, nullable: true } });
    expect(await validate(Defaulted, { id: 1, note: null })).toEqual({ ok: true, value: { id: 1, note: null } });
    expect(await validate(Defaulted, { id: 1 })).toMatchObject({ ok: false, issues: [{ path: [], message: "must have required properties note" }] });
  });

  it("applies no defaults: TypeBox checks values without changing them", async () => {
    const Defaulted = model(Type.Object({ id: Type.Integer(), note: Type.Optional(Type.String({ default: "none" })) }), isolated("Defaulted"));
    expect(await validate(Defaulted, { id: 1 })).toEqual({ ok: true, value: { id: 1 } });
  });

  it("refuses an invalid Date, which the date recipe lets through and which has no time to store (SQLite stored NULL)", async () => {
    const invalid = new Date("not a date");
    expect(await validate(Event, { title: "Launch", at: invalid, seats: null })).toMatchObject({ ok: false, issues: [{ path: ["at"], message: "must be a valid Date: an invalid Date has no time to store" }] });
    expect(await validatePatch(Event, { at: invalid })).toMatchObject({ ok: false, issues: [{ path: ["at"], message: "must be a valid Date: an invalid Date has no time to store" }] });
    expect(await validatePatch(Event, { at })).toEqual({ ok: true, value: { at } });
  });

  it("reports TypeBox's own messages at the failing property", async () => {
    const outcome = await validate(Event, { title: "L", at: "yesterday", seats: 2.5 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual(
      expect.arrayContaining([
        { path: ["title"], message: "must not have fewer than 2 characters" },
        { path: ["at"], message: "must be a Date" },
        { path: ["seats"], message: "must be integer" },
      ]),
    );
    expect(outcome.libraryIssues).toEqual(expect.arrayContaining([expect.objectContaining({ keyword: "minLength", instancePath: "/title" })]));
  });

  it("reports a missing property at the value, in TypeBox's words", async () => {
    expect(await validate(Event, { at, seats: 1 })).toMatchObject({ ok: false, issues: [{ path: [], message: "must have required properties title" }] });
    expect(await validate(Event, "not an object")).toMatchObject({ ok: false, issues: [{ path: [], message: "must be object" }] });
  });

  it("validates each patch field by its own schema", async () => {
    expect(await validatePatch(Event, { seats: null, title: "Later" })).toEqual({ ok: true, value: { seats: null, title: "Later" } });
    const outcome = await validatePatch(Event, { seats: -1 });
    expect(outcome).toMatchObject({ ok: false, issues: expect.arrayContaining([{ path: ["seats"], message: "must be >= 0" }]) as unknown });
    expect(await validatePatch(Event, { title: null })).toMatchObject({ ok: false, issues: [{ path: ["title"], message: "must be string" }] });
  });

  it("makes a failing row a ValidationError in Ommi, before the driver sees it", async () => {
    const { result, stored } = await addThroughOmmi(Event, { title: "L", at, seats: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.message).toContain("title: must not have fewer than 2 characters");
    expect(stored).toEqual([]);
  });

  it("is the typebox adapter that reads the schema", () => {
    expect(metaOf(Event).library).toBe("typebox");
  });
});
