import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, ModelError, ReferenceTo, StoreAs, type ModelOptions } from "ommi";

/** Defines a model in a fresh collection; the error test cases below each define one. */
function define(shape: z.ZodRawShape, options: Pick<ModelOptions<Record<string, unknown>>, "fields"> = {}, collection = new ModelCollection()) {
  return () => model(z.object(shape), { name: "Thing", collection, ...options });
}

describe("model definition errors, found by model()", () => {
  it("two fields stored under the same name, ignoring case, are a ModelError", () => {
    expect(define({ id: z.number().int(), name: z.string(), Name: z.string() })).toThrow(ModelError);
    expect(define({ id: z.number().int(), name: z.string(), label: z.string() }, { fields: { label: StoreAs("name") } })).toThrow(ModelError);
    expect(define({ id: z.number().int(), name: z.string(), label: z.string() }, { fields: { label: StoreAs("NAME") } })).toThrow(/"name" and "label"/);
    expect(define({ id: z.number().int(), a: z.string(), b: z.string() }, { fields: { a: StoreAs("same"), b: StoreAs("Same") } })).toThrow(ModelError);
  });

  it("StoreAs can resolve a clash: a field may take a free name", () => {
    expect(define({ id: z.number().int(), name: z.string(), Name: z.string() }, { fields: { Name: StoreAs("display_name") } })).not.toThrow();
  });

  it("a model without a Key field and without an id field is a ModelError", () => {
    expect(define({ code: z.string(), label: z.string() })).toThrow(/no key/);
  });

  it("Zod types that no database can store are a ModelError naming the field", () => {
    expect(define({ id: z.number().int(), tags: z.set(z.string()) })).toThrow(/Thing\.tags/);
    expect(define({ id: z.number().int(), value: z.union([z.string(), z.date()]) })).toThrow(/Thing\.value/);
    expect(define({ id: z.number().int(), length: z.string().transform((text) => text.length) })).toThrow(/Thing\.length/);
  });

  it("unions of one type with null, and enums, are stored as that type", () => {
    expect(define({ id: z.number().int(), note: z.union([z.string(), z.null()]), size: z.enum(["s", "m", "l"]) })).not.toThrow();
  });

  it("a second model of the same name in a collection is a ModelError, ignoring case", () => {
    const collection = new ModelCollection();
    define({ id: z.number().int() }, {}, collection)();
    expect(define({ id: z.number().int() }, {}, collection)).toThrow(/already/);
    expect(() => model(z.object({ id: z.number().int() }), { name: "THING", collection })).toThrow(ModelError);
  });

  it("a model that failed is not registered: a corrected one can take its name", () => {
    const collection = new ModelCollection();
    expect(define({ code: z.string() }, {}, collection)).toThrow(ModelError);
    expect(define({ id: z.number().int(), code: z.string() }, {}, collection)).not.toThrow();
    expect(collection.models.map((meta) => meta.name)).toEqual(["Thing"]);
  });

  it("a ReferenceTo between fields of different types is a ModelError", () => {
    const collection = new ModelCollection();
    const Owner = model(z.object({ id: z.number().int() }), { name: "Owner", collection });
    expect(define({ id: z.number().int(), ownerId: z.string() }, { fields: { ownerId: ReferenceTo(Owner.id) } }, collection)).toThrow(/types must match/);
  });
});

/** A name of exactly `bytes` bytes of UTF-8 built from `unit` (repeated) and ASCII padding. */
function nameOfBytes(bytes: number, unit = "a"): string {
  const unitBytes = new TextEncoder().encode(unit).length;
  const repeats = Math.floor(bytes / unitBytes);
  return unit.repeat(repeats) + "x".repeat(bytes - repeats * unitBytes);
}

describe("stored names fit every database: at most 63 bytes of UTF-8, found by model()", () => {
  const bytesOf = (text: string) => new TextEncoder().encode(text).length;

  it("builds names of the asked length (the helper the cases below rely on)", () => {
    expect(bytesOf(nameOfBytes(63))).toBe(63);
    expect(bytesOf(nameOfBytes(64, "é"))).toBe(64);
    expect(bytesOf(nameOfBytes(63, "😀"))).toBe(63);
  });

  it("a model name of 64 bytes is a ModelError naming its length and the limit; 63 bytes is fine", () => {
    expect(() => model(z.object({ id: z.number().int() }), { name: nameOfBytes(63), collection: new ModelCollection() })).not.toThrow();
    const tooLong = () => model(z.object({ id: z.number().int() }), { name: nameOfBytes(64), collection: new ModelCollection() });
    expect(tooLong).toThrow(ModelError);
    expect(tooLong).toThrow(/64 bytes.*at most 63/);
  });

  it("two model names that share their first 63 bytes are refused, so they can never share a table", () => {
    const collection = new ModelCollection();
    const shared = nameOfBytes(63);
    expect(() => model(z.object({ id: z.number().int() }), { name: `${shared}A`, collection })).toThrow(ModelError);
    expect(() => model(z.object({ id: z.number().int() }), { name: `${shared}B`, collection })).toThrow(ModelError);
    expect(collection.models).toEqual([]);
  });

  it("counts bytes, not characters: multi-byte names at the boundary", () => {
    // "é" is 2 bytes: 31 of them and one ASCII letter are 63 bytes (32 characters); one more letter is 64.
    expect(define({ id: z.number().int(), [nameOfBytes(63, "é")]: z.string() })).not.toThrow();
    expect(define({ id: z.number().int(), [nameOfBytes(64, "é")]: z.string() })).toThrow(/64 bytes/);
    // An astral character is 4 bytes (2 UTF-16 units): 15 of them and 3 letters are 63 bytes.
    expect(define({ id: z.number().int(), [nameOfBytes(63, "😀")]: z.string() })).not.toThrow();
    expect(define({ id: z.number().int(), [nameOfBytes(64, "😀")]: z.string() })).toThrow(ModelError);
    // 21 three-byte characters are 63 bytes but only 21 characters: the limit is bytes.
    expect(() => model(z.object({ id: z.number().int() }), { name: "中".repeat(21), collection: new ModelCollection() })).not.toThrow();
    expect(() => model(z.object({ id: z.number().int() }), { name: "中".repeat(22), collection: new ModelCollection() })).toThrow(/66 bytes/);
  });

  it("a StoreAs column of 64 bytes is a ModelError naming the model and field", () => {
    expect(define({ id: z.number().int(), label: z.string() }, { fields: { label: StoreAs(nameOfBytes(63)) } })).not.toThrow();
    const tooLong = define({ id: z.number().int(), label: z.string() }, { fields: { label: StoreAs(nameOfBytes(64)) } });
    expect(tooLong).toThrow(ModelError);
    expect(tooLong).toThrow(/Thing\.label.*64 bytes.*at most 63/s);
  });

  it("a field name of 64 bytes (stored as it is) is a ModelError; StoreAs gives it a shorter column", () => {
    const long = nameOfBytes(64);
    expect(define({ id: z.number().int(), [long]: z.string() })).toThrow(/64 bytes/);
    expect(define({ id: z.number().int(), [long]: z.string() }, { fields: { [long]: StoreAs("short") } })).not.toThrow();
  });

  it("the message quotes a very long name shortened, with its length, never whole", () => {
    const huge = "n".repeat(100_000);
    let message = "";
    try {
      model(z.object({ id: z.number().int() }), { name: huge, collection: new ModelCollection() });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/100000 bytes/);
    expect(message.length).toBeLessThan(400);
  });

  it("names that no database keeps as given are refused: NUL, lone surrogates, empty", () => {
    expect(() => model(z.object({ id: z.number().int() }), { name: "a\u0000b", collection: new ModelCollection() })).toThrow(/NUL/);
    expect(() => model(z.object({ id: z.number().int() }), { name: "x\uD800y", collection: new ModelCollection() })).toThrow(/surrogate/);
    expect(define({ id: z.number().int(), ["a\u0000b"]: z.string() })).toThrow(/Thing.*NUL/);
    expect(define({ id: z.number().int(), ["\uDC00"]: z.string() })).toThrow(/surrogate/);
    expect(define({ id: z.number().int(), [""]: z.string() })).toThrow(/empty/);
  });
});
