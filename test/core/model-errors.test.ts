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

  it("Zod types that fit no column are a ModelError naming the field", () => {
    expect(define({ id: z.number().int(), address: z.object({ city: z.string() }) })).toThrow(/Thing\.address/);
    expect(define({ id: z.number().int(), tags: z.array(z.string()) })).toThrow(/Thing\.tags/);
    expect(define({ id: z.number().int(), value: z.union([z.string(), z.number()]) })).toThrow(/Thing\.value/);
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
