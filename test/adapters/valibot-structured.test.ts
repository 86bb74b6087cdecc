import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { Auto, Key, metaOf, model, ModelError, Stored, ValidationError } from "../../src/index.js";
import { addThroughOmmi, field, isolated, key, treesOf, validate, value } from "./helpers.js";

/** Reads one field `field` of an otherwise plain model. */
function readOne(field: v.GenericSchema): unknown {
  return treesOf(model(v.object({ id: v.string(), field }), isolated("Thing"))).field;
}


describe("valibot: nested objects", () => {
  it("reads a nested object's keys in the schema's order, each with its own type, optionality and null", () => {
    const User = model(
      v.object({
        id: v.string(),
        address: v.object({
          street: v.string(),
          zip: v.optional(v.string()),
          floor: v.nullable(v.pipe(v.number(), v.integer())),
          geo: v.optional(v.object({ lat: v.number(), lng: v.number() })),
          kind: v.picklist(["home", "work"]),
        }),
        billing: v.nullish(v.object({ city: v.string() })),
      }),
      isolated("User"),
    );
    expect(treesOf(User)).toEqual({
      id: field("string"),
      address: field("object", {
        fields: [
          key("street", "string"),
          key("zip", "string", { optional: true }),
          key("floor", "integer", { nullable: true }),
          key("geo", "object", { optional: true, fields: [key("lat", "float"), key("lng", "float")] }),
          key("kind", "string", { values: ["home", "work"] }),
        ],
      }),
      billing: { type: "object", optional: true, nullable: true, fields: [key("city", "string")] },
    });
  });

  it("reads loose, strict and rest objects nested (a JSON value holds their extra keys)", () => {
    const city = field("object", { fields: [key("city", "string")] });
    expect(readOne(v.looseObject({ city: v.string() }))).toEqual(city);
    expect(readOne(v.strictObject({ city: v.string() }))).toEqual(city);
    expect(readOne(v.objectWithRest({ city: v.string() }, v.string()))).toEqual(city);
    expect(readOne(v.pipe(v.object({ city: v.string() }), v.check((address) => address.city !== "")))).toEqual(city);
  });

  it("refuses a nested object whose pipe transforms it, as its output keys cannot be read", () => {
    expect(() => readOne(v.pipe(v.object({ city: v.string() }), v.transform((address) => address.city)))).toThrow(/^Thing\.field: a transform's output type cannot be read/);
  });

  it("reports a nested validation error at its path, through the library", async () => {
    const Person = model(v.object({ id: v.string(), address: v.object({ city: v.pipe(v.string(), v.minLength(2)) }) }), isolated("Person"));
    const { result, stored } = await addThroughOmmi(Person, { id: "a", address: { city: "X" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect((result.error as ValidationError).issues.map((issue) => issue.path)).toEqual([["address", "city"]]);
    expect(stored).toEqual([]);
  });
});

describe("valibot: arrays, tuples and records", () => {
  it("reads an array's item type: scalars, nullable items, objects, nested arrays", () => {
    expect(readOne(v.array(v.string()))).toEqual(field("array", { of: value("string") }));
    expect(readOne(v.array(v.nullable(v.pipe(v.number(), v.integer()))))).toEqual(field("array", { of: value("integer", { nullable: true }) }));
    expect(readOne(v.nullable(v.array(v.picklist(["a", "b"]))))).toEqual({ type: "array", optional: false, nullable: true, of: value("string", { values: ["a", "b"] }) });
    expect(readOne(v.optional(v.array(v.object({ sku: v.string(), qty: v.number() }))))).toEqual({
      type: "array",
      optional: true,
      nullable: false,
      of: value("object", { fields: [key("sku", "string"), key("qty", "float")] }),
    });
    expect(readOne(v.array(v.array(v.date())))).toEqual(field("array", { of: value("array", { of: value("date") }) }));
    expect(readOne(v.pipe(v.array(v.string()), v.minLength(1), v.sortItems()))).toEqual(field("array", { of: value("string") }));
  });

  it("refuses an array whose items may be undefined (JSON has none), and says to allow null instead", () => {
    expect(() => readOne(v.array(v.optional(v.string())))).toThrow(/^Thing\.field: an array whose items may be undefined cannot be stored exactly/);
  });

  it("reads a tuple as an array of its items' one type, its rest included", () => {
    expect(readOne(v.tuple([v.number(), v.number()]))).toEqual(field("array", { of: value("float") }));
    expect(readOne(v.strictTuple([v.string(), v.string()]))).toEqual(field("array", { of: value("string") }));
    expect(readOne(v.tupleWithRest([v.string()], v.string()))).toEqual(field("array", { of: value("string") }));
    expect(readOne(v.tuple([v.string(), v.null()]))).toEqual(field("array", { of: value("string", { nullable: true }) }));
  });

  it("stores literals of different JSON types (a picklist of strings and numbers) as a JSON value, which keeps each one's type", () => {
    expect(readOne(v.picklist(["a", 1]))).toEqual(field("json"));
  });

  it("stores a tuple of different JSON types as an array of JSON values; refuses a loose tuple, whose extra items have no type", () => {
    expect(readOne(v.tuple([v.string(), v.number()]))).toEqual(field("array", { of: value("json") }));
    expect(() => readOne(v.tuple([v.string(), v.bigint()]))).toThrow(/^Thing\.field: a tuple is stored as an array of its items' one type; a union of unrelated types/);
    expect(() => readOne(v.looseTuple([v.string()]))).toThrow(/^Thing\.field: v\.looseTuple keeps items it does not declare/);
  });

  it("reads a record's value type; its keys are strings or picklists", () => {
    expect(readOne(v.record(v.string(), v.number()))).toEqual(field("record", { of: value("float") }));
    expect(readOne(v.record(v.picklist(["en", "fr"]), v.nullable(v.string())))).toEqual(field("record", { of: value("string", { nullable: true }) }));
    expect(readOne(v.record(v.pipe(v.string(), v.minLength(2)), v.object({ at: v.date() })))).toEqual(field("record", { of: value("object", { fields: [key("at", "date")] }) }));
  });

  it("refuses a record keyed by numbers, and a Set, a Map and a Blob, which have no JSON form", () => {
    expect(() => readOne(v.record(v.number() as never, v.string()))).toThrow(/^Thing\.field: a record's keys are strings in JSON/);
    expect(() => readOne(v.set(v.string()))).toThrow(/^Thing\.field: a Set has no JSON form/);
    expect(() => readOne(v.map(v.string(), v.string()))).toThrow(/^Thing\.field: a Map has no JSON form/);
    expect(() => readOne(v.blob())).toThrow(/^Thing\.field: a Blob has no JSON form.*v\.instance\(Uint8Array\)/);
    expect(() => readOne(v.intersect([v.object({ a: v.string() }), v.object({ b: v.string() })]))).toThrow(/^Thing\.field: an intersection's keys cannot be read as one object's; merge the objects into one instead \(v\.object/);
  });
});

describe("valibot: JSON values and recursive schemas", () => {
  it("reads unknown, any and a parsed JSON string as a JSON value, which may be null", () => {
    expect(readOne(v.unknown())).toEqual(field("json", { nullable: true }));
    expect(readOne(v.any())).toEqual(field("json", { nullable: true }));
    expect(readOne(v.record(v.string(), v.unknown()))).toEqual(field("record", { of: value("json", { nullable: true }) }));
    expect(readOne(v.pipe(v.string(), v.parseJson()))).toEqual(field("json", { nullable: true }));
    expect(readOne(v.pipe(v.string(), v.parseJson(), v.object({ a: v.string() })))).toEqual(field("object", { fields: [key("a", "string")] }));
  });

  it("reads a recursive v.lazy JSON schema as a JSON value, non-null when the schema refuses null", async () => {
    type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
    const JsonValue: v.GenericSchema<Json> = v.lazy(() => v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(JsonValue), v.record(v.string(), JsonValue)]));
    expect(readOne(JsonValue)).toEqual(field("json", { nullable: true }));
    const literal = v.union([v.string(), v.number(), v.boolean(), v.null()]);
    const NestedJson: v.GenericSchema<Json> = v.lazy(() => v.union([literal, v.array(NestedJson), v.record(v.string(), NestedJson)]));
    expect(readOne(NestedJson)).toEqual(field("json", { nullable: true }));
    type Tree = { label: string; children: Tree[] };
    const TreeNode: v.GenericSchema<Tree> = v.object({ label: v.string(), children: v.array(v.lazy(() => TreeNode)) });
    expect(readOne(TreeNode)).toEqual(field("json"));
    const Trees = model(v.object({ id: v.string(), roots: v.array(TreeNode) }), isolated("Trees"));
    expect(treesOf(Trees).roots).toEqual(field("array", { of: value("json") }));
    expect(await validate(Trees, { id: "a", roots: [{ label: "x", children: [{ label: "y", children: [] }] }] })).toMatchObject({ ok: true });
  });

  it("refuses a schema that builds a new schema at every level, which cannot be read to its end", () => {
    const linked = (): v.GenericSchema => v.object({ value: v.string(), next: v.nullable(v.lazy(linked)) });
    expect(() => readOne(linked())).toThrow(/^Thing\.field: its type nests deeper than 64 levels.*fields: \{ field: Stored\.json \}/);
  });

  it("reads a v.lazy that is not recursive as what it stands for", () => {
    expect(readOne(v.lazy(() => v.object({ city: v.string() })))).toEqual(field("object", { fields: [key("city", "string")] }));
  });

  it("refuses a v.lazy whose getter needs the value to pick a schema, and says to store it as JSON", () => {
    const picky = v.lazy((input: unknown) => ((input as { kind: string }).kind === "a" ? v.object({ kind: v.literal("a") }) : v.object({ kind: v.literal("b") })));
    expect(() => readOne(picky)).toThrow(/^Thing\.field: its v\.lazy getter picks a schema by the value it is given.*fields: \{ field: Stored\.json \}/);
  });
});

describe("valibot: unions of objects", () => {
  const circle = v.object({ kind: v.literal("circle"), radius: v.number() });
  const square = v.object({ kind: v.literal("square"), side: v.number() });
  const options = [
    value("object", { fields: [key("kind", "string", { values: ["circle"] }), key("radius", "float")] }),
    value("object", { fields: [key("kind", "string", { values: ["square"] }), key("side", "float")] }),
  ];

  it("reads a variant with its key as the discriminator", () => {
    expect(readOne(v.variant("kind", [circle, square]))).toEqual(field("union", { options, discriminator: "kind" }));
    expect(readOne(v.nullable(v.variant("kind", [circle, square])))).toEqual({ type: "union", optional: false, nullable: true, options, discriminator: "kind" });
  });

  it("finds the discriminator of a plain union of tagged objects, and keeps null beside the objects", () => {
    expect(readOne(v.union([circle, square]))).toEqual(field("union", { options, discriminator: "kind" }));
    expect(readOne(v.union([circle, square, v.null()]))).toEqual({ type: "union", optional: false, nullable: true, options, discriminator: "kind" });
  });

  it("stores a union of objects and scalars of JSON types as one JSON value, and refuses one with a Date among them", () => {
    expect(readOne(v.union([circle, v.string()]))).toEqual(field("json"));
    expect(() => readOne(v.union([circle, v.date()]))).toThrow(/^Thing\.field: a union of unrelated types/);
  });
});

describe("valibot: binary data and custom schemas", () => {
  it("reads v.instance(Uint8Array) and v.instance(Buffer) as binary, and v.instance(Date) as a date", () => {
    expect(readOne(v.instance(Uint8Array))).toEqual(field("binary"));
    expect(readOne(v.optional(v.instance(Buffer)))).toEqual({ type: "binary", optional: true, nullable: false });
    expect(readOne(v.instance(Date))).toEqual(field("date"));
  });

  it("refuses v.custom() and names Stored; with Stored.binary the schema becomes a model", () => {
    const schema = v.object({ id: v.string(), avatar: v.nullable(v.custom<Buffer>((input) => Buffer.isBuffer(input))) });
    expect(() => model(schema, isolated("Profile"))).toThrow(ModelError);
    expect(() => model(schema, isolated("Profile"))).toThrow("Profile.avatar: v.custom() does not say what it holds; name the stored type: fields: { avatar: Stored.binary }");
    const Profile = model(schema, { ...isolated("Profile"), fields: { avatar: Stored.binary } });
    expect(treesOf(Profile).avatar).toEqual({ type: "binary", optional: false, nullable: true });
  });

  it("lists each refused field of a model in one ModelError", () => {
    const schema = v.object({ id: v.string(), avatar: v.custom<Buffer>(() => true), seen: v.set(v.string()), tags: v.array(v.string()) });
    expect(() => model(schema, isolated("Profile"))).toThrow(/^Profile cannot be stored; 2 fields are refused:\n- Profile\.avatar: v\.custom\(\)[^\n]*\n- Profile\.seen: a Set has no JSON form/);
  });
});

describe("valibot: defaults and fallbacks of structured types", () => {
  it("reads a default or fallback of a structured value as always present", async () => {
    const Post = model(
      v.object({
        id: v.string(),
        tags: v.optional(v.array(v.string()), []),
        meta: v.optional(v.object({ views: v.number() }), () => ({ views: 0 })),
        labels: v.fallback(v.record(v.string(), v.string()), {}),
      }),
      isolated("Post"),
    );
    expect(treesOf(Post)).toEqual({
      id: field("string"),
      tags: field("array", { of: value("string") }),
      meta: field("object", { fields: [key("views", "float")] }),
      labels: field("record", { of: value("string") }),
    });
    expect(await validate(Post, { id: "a", labels: 5 })).toEqual({ ok: true, value: { id: "a", tags: [], meta: { views: 0 }, labels: {} } });
  });

  it("refuses a fallback of another shape than the field's", () => {
    expect(() => readOne(v.fallback(v.array(v.string()), "none" as never))).toThrow(/^Thing\.field: its fallback "none" is not an array/);
  });
});

describe("valibot: keys", () => {
  it("takes a v.number() key with Auto as an integer key", () => {
    const Item = model(v.object({ id: v.optional(v.number()), name: v.string() }), { ...isolated("Item"), fields: { id: [Key, Auto] } });
    expect(metaOf(Item).fields[0]?.type).toBe("integer");
  });
});
