import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Key, model, ModelCollection, ModelError, ReferenceTo, StoreAs, Unique, type ModelOptions } from "ommi";

const schema = z.object({ id: z.number().int(), code: z.string(), ratio: z.number(), born: z.date() });

/** Defines a model of `schema` in a fresh collection with these markers. */
function withMarkers(fields: ModelOptions<z.output<typeof schema>>["fields"]) {
  return () => model(schema, { name: "Thing", collection: new ModelCollection(), fields });
}

describe("markers", () => {
  it("StoreAs needs a non-empty column name", () => {
    expect(() => StoreAs("")).toThrow(ModelError);
  });

  it("ReferenceTo needs a model field or a function returning one, found by model()", () => {
    const Owner = model(z.object({ id: z.number().int() }), { name: "Owner", collection: new ModelCollection() });
    expect(() => ReferenceTo(undefined as never)).toThrow(ModelError);
    expect(() => ReferenceTo(Owner)).not.toThrow();
    expect(() => ReferenceTo({} as never)).toThrow(/an object/);
    expect(() => ReferenceTo("Owner" as never)).toThrow(ModelError);
    expect(() => ReferenceTo("Owner.id")).not.toThrow();
    expect(() => ReferenceTo(Owner.id)).not.toThrow();
    expect(() => ReferenceTo(() => Owner.id)).not.toThrow();
  });

  it("Auto applies to key fields only, and to number or string keys", () => {
    expect(withMarkers({ code: Auto })).toThrow(/key fields only/);
    expect(withMarkers({ born: [Key, Auto] })).toThrow(/Auto needs an integer key/);
    expect(withMarkers({ code: [Key, Auto] })).not.toThrow();
    // A generated integer is a valid value of a plain-number schema: the key is stored as an integer.
    expect(withMarkers({ ratio: [Key, Auto] })).not.toThrow();
  });

  it("an Auto integer key must be the only key", () => {
    expect(withMarkers({ id: [Key, Auto], code: Key })).toThrow(/only key/);
  });

  it("a key may be neither nullable nor optional unless generated", () => {
    const nullableKey = z.object({ code: z.string().nullable() });
    expect(() => model(nullableKey, { name: "Thing", collection: new ModelCollection(), fields: { code: Key } })).toThrow(/nullable/);
    const optionalKey = z.object({ code: z.string().optional() });
    expect(() => model(optionalKey, { name: "Thing", collection: new ModelCollection(), fields: { code: Key } })).toThrow(/optional/);
    expect(() => model(optionalKey, { name: "Thing", collection: new ModelCollection(), fields: { code: [Key, Auto] } })).not.toThrow();
  });

  it("options.fields may name only the schema's fields, and hold only markers", () => {
    expect(withMarkers({ nope: Unique } as never)).toThrow(/"nope"/);
    expect(withMarkers({ code: "Key" as never })).toThrow(ModelError);
  });

  it("a field takes at most one StoreAs and one ReferenceTo", () => {
    expect(withMarkers({ code: [StoreAs("a"), StoreAs("b")] })).toThrow(/more than one StoreAs/);
  });
});
