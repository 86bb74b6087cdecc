import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { Auto, Key, metaOf, model, ModelError, Stored, ValidationError } from "../../src/index.js";
import { addThroughOmmi, field, isolated, key, treesOf, validate, value } from "./helpers.js";

/** Reads one field `field` of an otherwise plain model. */
function readOne(field: z.ZodType): unknown {
  return treesOf(model(z.object({ id: z.string(), field }), isolated("Thing"))).field;
}


describe("zod: nested objects", () => {
  it("reads a nested object's keys in the schema's order, each with its own type, optionality and null", () => {
    const User = model(
      z.object({
        id: z.string(),
        address: z.object({
          street: z.string(),
          zip: z.string().optional(),
          floor: z.number().int().nullable(),
          geo: z.object({ lat: z.number(), lng: z.number() }).optional(),
          kind: z.enum(["home", "work"]),
        }),
        billing: z.object({ city: z.string() }).nullish(),
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

  it("keeps a loose nested object (its extra keys are JSON too), and reads a strict one", () => {
    expect(readOne(z.looseObject({ city: z.string() }))).toEqual(field("object", { fields: [key("city", "string")] }));
    expect(readOne(z.strictObject({ city: z.string() }))).toEqual(field("object", { fields: [key("city", "string")] }));
    expect(readOne(z.object({ city: z.string() }).catchall(z.string()))).toEqual(field("object", { fields: [key("city", "string")] }));
  });

  it("refuses .overwrite() on a nested object, whose output keys cannot be read", () => {
    const overwritten = z.object({ city: z.string() }).overwrite((address) => address);
    expect(() => readOne(overwritten)).toThrow(/^Thing\.field: \.overwrite\(\) on the object changes the whole object/);
  });

  it("reports a nested validation error at its path, through the library", async () => {
    const Person = model(z.object({ id: z.string(), address: z.object({ city: z.string().min(2) }) }), isolated("Person"));
    const { result, stored } = await addThroughOmmi(Person, { id: "a", address: { city: "X" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect((result.error as ValidationError).issues.map((issue) => issue.path)).toEqual([["address", "city"]]);
    expect(stored).toEqual([]);
    expect((await addThroughOmmi(Person, { id: "a", address: { city: "Paris", extra: 1 } as { city: string } })).stored).toEqual([{ id: "a", address: { city: "Paris" } }]);
  });
});

describe("zod: arrays, tuples and records", () => {
  it("reads an array's item type: scalars, nullable items, objects, nested arrays", () => {
    expect(readOne(z.array(z.string()))).toEqual(field("array", { of: value("string") }));
    expect(readOne(z.array(z.number().int().nullable()))).toEqual(field("array", { of: value("integer", { nullable: true }) }));
    expect(readOne(z.array(z.enum(["a", "b"])).nullable())).toEqual({ type: "array", optional: false, nullable: true, of: value("string", { values: ["a", "b"] }) });
    expect(readOne(z.array(z.object({ sku: z.string(), qty: z.number().int() })).optional())).toEqual({
      type: "array",
      optional: true,
      nullable: false,
      of: value("object", { fields: [key("sku", "string"), key("qty", "integer")] }),
    });
    expect(readOne(z.array(z.array(z.date())))).toEqual(field("array", { of: value("array", { of: value("date") }) }));
  });

  it("refuses an array whose items may be undefined (JSON has none), and says to allow null instead", () => {
    expect(() => readOne(z.array(z.string().optional()))).toThrow(/^Thing\.field: an array whose items may be undefined cannot be stored exactly.*\.nullable\(\)/);
  });

  it("reads a tuple as an array of its items' one type, its rest included", () => {
    expect(readOne(z.tuple([z.number(), z.number()]))).toEqual(field("array", { of: value("float") }));
    expect(readOne(z.tuple([z.string()], z.string()))).toEqual(field("array", { of: value("string") }));
    expect(readOne(z.tuple([z.literal("a"), z.literal("b")]))).toEqual(field("array", { of: value("string", { values: ["a", "b"] }) }));
    expect(readOne(z.tuple([z.string(), z.null()]))).toEqual(field("array", { of: value("string", { nullable: true }) }));
    const pair = readOne(z.tuple([z.object({ kind: z.literal("x"), x: z.number() }), z.object({ kind: z.literal("y"), y: z.number() })]));
    expect(pair).toMatchObject({ type: "array", of: { type: "union", discriminator: "kind" } });
  });

  it("stores a tuple whose items have different JSON types as an array of JSON values, and refuses one that mixes in a Date", () => {
    expect(readOne(z.tuple([z.string(), z.number()]))).toEqual(field("array", { of: value("json") }));
    expect(readOne(z.tuple([z.string()], z.number()))).toEqual(field("array", { of: value("json") }));
    expect(() => readOne(z.tuple([z.string(), z.date()]))).toThrow(/^Thing\.field: a tuple is stored as an array of its items' one type; a union of unrelated types/);
  });

  it("reads a record's value type; its keys are strings, enums of strings or literals", () => {
    expect(readOne(z.record(z.string(), z.number().int()))).toEqual(field("record", { of: value("integer") }));
    expect(readOne(z.record(z.enum(["en", "fr"]), z.string()))).toEqual(field("record", { of: value("string") }));
    expect(readOne(z.partialRecord(z.enum(["en", "fr"]), z.string().nullable()))).toEqual(field("record", { of: value("string", { nullable: true }) }));
    expect(readOne(z.record(z.string(), z.object({ at: z.date() })))).toEqual(field("record", { of: value("object", { fields: [key("at", "date")] }) }));
    expect(readOne(z.record(z.string(), z.array(z.string())))).toEqual(field("record", { of: value("array", { of: value("string") }) }));
    expect(readOne(z.record(z.templateLiteral(["user:", z.string()]), z.boolean()))).toEqual(field("record", { of: value("boolean") }));
  });

  it("refuses a record keyed by numbers, which JSON would give back as strings", () => {
    expect(() => readOne(z.record(z.number(), z.string()))).toThrow(/^Thing\.field: a record's keys are strings in JSON, and float keys would come back as strings/);
  });

  it("refuses a Set and a Map, which have no JSON form, and says what to use", () => {
    expect(() => readOne(z.set(z.string()))).toThrow(/^Thing\.field: a Set has no JSON form.*use an array \(z\.array/);
    expect(() => readOne(z.map(z.string(), z.number()))).toThrow(/^Thing\.field: a Map has no JSON form.*z\.record\(z\.string\(\)/);
    expect(() => readOne(z.file())).toThrow(/^Thing\.field: a File has no JSON form.*z\.instanceof\(Uint8Array\)/);
    const intersection = z.object({ a: z.string() }).and(z.object({ b: z.string() }));
    expect(() => readOne(intersection)).toThrow(/^Thing\.field: an intersection's keys cannot be read as one object's; merge the objects into one instead \(A\.extend\(B\.shape\)/);
  });
});

describe("zod: JSON values and recursive schemas", () => {
  it("reads unknown, any and z.json() as a JSON value, which may be null", () => {
    expect(readOne(z.unknown())).toEqual(field("json", { nullable: true }));
    expect(readOne(z.any())).toEqual(field("json", { nullable: true }));
    expect(readOne(z.json())).toEqual(field("json", { nullable: true }));
    expect(readOne(z.record(z.string(), z.unknown()))).toEqual(field("record", { of: value("json", { nullable: true }) }));
    expect(readOne(z.json().optional())).toEqual({ type: "json", optional: true, nullable: true });
  });

  it("reads a recursive z.lazy JSON schema as a JSON value, non-null when the schema refuses null", () => {
    type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
    const JsonValue: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]));
    expect(readOne(JsonValue)).toEqual(field("json", { nullable: true }));
    // Zod's documented JSON schema, whose first member is a union no one type holds: the recursion decides.
    const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
    const DocsJson: z.ZodType<Json> = z.lazy(() => z.union([literal, z.array(DocsJson), z.record(z.string(), DocsJson)]));
    expect(readOne(DocsJson)).toEqual(field("json", { nullable: true }));
    type Tree = { label: string; children: Tree[] };
    const TreeNode: z.ZodType<Tree> = z.lazy(() => z.object({ label: z.string(), children: z.array(TreeNode) }));
    expect(readOne(TreeNode)).toEqual(field("json"));
    expect(readOne(z.array(TreeNode))).toEqual(field("array", { of: value("json") }));
  });

  it("reads a schema that holds itself through a getter as a JSON value, where the recursion begins", async () => {
    const Category = z.object({
      name: z.string(),
      get children() {
        return z.array(Category);
      },
    });
    expect(readOne(Category)).toEqual(field("json"));
    const Folder = z.object({
      id: z.string(),
      name: z.string(),
      get subfolders() {
        return z.array(Folder);
      },
    });
    const Folders = model(Folder, isolated("Folders"));
    // Zod keeps what a getter gave: the array of subfolders is the schema met again, so it is the JSON value.
    expect(treesOf(Folders).subfolders).toEqual(field("json"));
    expect(await validate(Folders, { id: "a", name: "root", subfolders: [{ id: "b", name: "sub", subfolders: [] }] })).toMatchObject({ ok: true });
  });

  it("refuses a schema that builds a new schema at every level, which cannot be read to its end, and says to store it as JSON", () => {
    const linked = (): z.ZodType => z.object({ value: z.string(), next: z.lazy(linked).nullable() });
    expect(() => readOne(linked())).toThrow(/^Thing\.field: its type nests deeper than 64 levels.*fields: \{ field: Stored\.json \}/);
    const Stored_ = model(z.object({ id: z.string(), field: linked() }), { ...isolated("Thing"), fields: { field: Stored.json } });
    expect(treesOf(Stored_).field).toEqual(field("json"));
  });

  it("reads a z.lazy that is not recursive as what it stands for", () => {
    expect(readOne(z.lazy(() => z.object({ city: z.string() })))).toEqual(field("object", { fields: [key("city", "string")] }));
    expect(readOne(z.lazy(() => z.array(z.string())).optional())).toEqual({ type: "array", optional: true, nullable: false, of: value("string") });
  });
});

describe("zod: unions of objects", () => {
  const circle = z.object({ kind: z.literal("circle"), radius: z.number() });
  const square = z.object({ kind: z.literal("square"), side: z.number() });
  const options = [
    value("object", { fields: [key("kind", "string", { values: ["circle"] }), key("radius", "float")] }),
    value("object", { fields: [key("kind", "string", { values: ["square"] }), key("side", "float")] }),
  ];

  it("reads a discriminated union with its discriminator", () => {
    expect(readOne(z.discriminatedUnion("kind", [circle, square]))).toEqual(field("union", { options, discriminator: "kind" }));
  });

  it("finds the discriminator of a plain union of tagged objects, and keeps null beside the objects", () => {
    expect(readOne(z.union([circle, square]))).toEqual(field("union", { options, discriminator: "kind" }));
    expect(readOne(z.union([circle, square, z.null()]))).toEqual({ type: "union", optional: false, nullable: true, options, discriminator: "kind" });
    expect(readOne(z.discriminatedUnion("kind", [circle, square]).optional())).toEqual({ type: "union", optional: true, nullable: false, options, discriminator: "kind" });
  });

  it("reads a union of objects without a tag, and a discriminated union of discriminated unions", () => {
    const untagged = readOne(z.union([z.object({ email: z.string() }), z.object({ phone: z.string() })]));
    expect(untagged).toEqual(field("union", { options: [value("object", { fields: [key("email", "string")] }), value("object", { fields: [key("phone", "string")] })] }));
    const triangle = z.object({ kind: z.literal("triangle"), base: z.number() });
    const nested = readOne(z.discriminatedUnion("kind", [z.discriminatedUnion("kind", [circle, square]), triangle]));
    expect(nested).toMatchObject({ type: "union", discriminator: "kind", options: [{ type: "object" }, { type: "object" }, { type: "object" }] });
  });

  it("keeps a union of one type with null as that type; unrelated JSON types are one JSON value, unless a Date is among them", () => {
    expect(readOne(z.union([z.object({ city: z.string() }), z.null()]))).toEqual({ type: "object", optional: false, nullable: true, fields: [key("city", "string")] });
    expect(readOne(z.union([z.array(z.string()), z.array(z.string()).nullable()]))).toEqual({ type: "array", optional: false, nullable: true, of: value("string") });
    expect(readOne(z.union([circle, z.string()]))).toEqual(field("json"));
    expect(readOne(z.union([z.array(z.string()), z.array(z.number())]).nullable())).toEqual({ type: "json", optional: false, nullable: true });
    expect(() => readOne(z.union([z.object({ at: z.date() }), z.string()]))).toThrow(/^Thing\.field: a union of unrelated types cannot be stored as one type when a date/);
  });
});

describe("zod: binary data and custom schemas", () => {
  it("reads z.instanceof(Uint8Array) and z.instanceof(Buffer) as binary, and z.instanceof(Date) as a date", () => {
    expect(readOne(z.instanceof(Uint8Array))).toEqual(field("binary"));
    expect(readOne(z.instanceof(Buffer).nullable())).toEqual({ type: "binary", optional: false, nullable: true });
    expect(readOne(z.instanceof(Date))).toEqual(field("date"));
    expect(readOne(z.array(z.instanceof(Uint8Array)))).toEqual(field("array", { of: value("binary") }));
  });

  it("refuses z.custom(), which does not say what it holds, and says to name the stored type with Stored", () => {
    const schema = z.object({ id: z.string(), avatar: z.custom<Buffer>((input) => Buffer.isBuffer(input)) });
    expect(() => model(schema, isolated("Profile"))).toThrow(ModelError);
    expect(() => model(schema, isolated("Profile"))).toThrow("Profile.avatar: z.custom() does not say what it holds; name the stored type: fields: { avatar: Stored.binary }");
    class Money {}
    expect(() => readOne(z.instanceof(Money))).toThrow(/^Thing\.field: z\.instanceof\(Money\) holds instances of a class that Ommi has no stored form for; name the stored type/);
  });

  it("makes a model of a z.custom() field named by Stored, keeping what its wrappers say", () => {
    const Profile = model(z.object({ id: z.string(), avatar: z.custom<Buffer>((input) => Buffer.isBuffer(input)).optional() }), {
      ...isolated("Profile"),
      fields: { avatar: Stored.binary },
    });
    expect(treesOf(Profile).avatar).toEqual({ type: "binary", optional: true, nullable: false });
    const orNull = z.object({ id: z.string(), avatar: z.union([z.custom<Buffer>((input) => Buffer.isBuffer(input)), z.null()]) });
    expect(() => model(orNull, isolated("Profile"))).toThrow(/Profile\.avatar: z\.custom\(\) does not say what it holds; name the stored type: fields: \{ avatar: Stored\.binary \}/);
  });

  it("says to store the whole field as JSON when a z.custom() is inside it, where a marker cannot reach", () => {
    expect(() => readOne(z.object({ raw: z.custom<object>() }))).toThrow(/^Thing\.field: raw: z\.custom\(\) does not say what it holds;.*fields: \{ field: Stored\.json \}/);
    const Stored_ = model(z.object({ id: z.string(), field: z.object({ raw: z.custom<object>() }) }), { ...isolated("Thing"), fields: { field: Stored.json } });
    expect(treesOf(Stored_).field).toEqual(field("json"));
  });
});

describe("zod: every refused field at once", () => {
  it("lists each refused field of a model in one ModelError, with what to do for each", () => {
    const schema = z.object({ id: z.string(), avatar: z.custom<Buffer>(), tags: z.set(z.string()), ok: z.array(z.string()) });
    let error: unknown;
    try {
      model(schema, isolated("Profile"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelError);
    const message = (error as ModelError).message;
    expect(message).toMatch(/^Profile cannot be stored; 2 fields are refused:/);
    expect(message).toContain("- Profile.avatar: z.custom() does not say what it holds");
    expect(message).toContain("- Profile.tags: a Set has no JSON form");
    expect(message).not.toContain("Profile.ok");
  });
});

describe("zod: defaults and wrappers of structured types", () => {
  it("reads a default or catch of a structured value as always present", async () => {
    const Post = model(
      z.object({
        id: z.string(),
        tags: z.array(z.string()).default([]),
        meta: z.object({ views: z.number().int() }).default({ views: 0 }),
        labels: z.record(z.string(), z.string()).catch({}),
        extra: z.json().default(null),
      }),
      isolated("Post"),
    );
    expect(treesOf(Post)).toEqual({
      id: field("string"),
      tags: field("array", { of: value("string") }),
      meta: field("object", { fields: [key("views", "integer")] }),
      labels: field("record", { of: value("string") }),
      extra: field("json", { nullable: true }),
    });
    expect(await validate(Post, { id: "a", labels: 5 })).toEqual({ ok: true, value: { id: "a", tags: [], meta: { views: 0 }, labels: {}, extra: null } });
  });

  it("refuses a default of another shape than the field's", () => {
    expect(() => readOne(z.array(z.string()).default("none" as never))).toThrow(/^Thing\.field: its default "none" is not an array/);
  });

  it("reads .nonoptional() as required, and readonly as what it wraps", () => {
    expect(readOne(z.string().optional().nonoptional())).toEqual(field("string"));
    expect(readOne(z.array(z.string()).readonly())).toEqual(field("array", { of: value("string") }));
  });
});

describe("zod: keys", () => {
  it("takes a plain-number key with Auto as an integer key", () => {
    const Item = model(z.object({ id: z.number().optional(), name: z.string() }), { ...isolated("Item"), fields: { id: [Key, Auto] } });
    expect(metaOf(Item).fields[0]?.type).toBe("integer");
  });
});

describe("zod mini", () => {
  it("reads the same structure (one _zod.def for classic and mini)", () => {
    const Post = model(
      zm.object({ id: zm.string(), tags: zm.array(zm.string()), author: zm.optional(zm.object({ name: zm.string() })), cover: zm.instanceof(Uint8Array), data: zm.json() }),
      isolated("Post"),
    );
    expect(treesOf(Post)).toEqual({
      id: field("string"),
      tags: field("array", { of: value("string") }),
      author: { type: "object", optional: true, nullable: false, fields: [key("name", "string")] },
      cover: field("binary"),
      data: field("json", { nullable: true }),
    });
  });
});
