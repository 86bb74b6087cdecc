import { Type } from "typebox";
import { describe, expect, it } from "vitest";
import { Auto, Key, metaOf, model, ModelError, Stored, ValidationError } from "../../src/index.js";
import { addThroughOmmi, isolated, key, treeOf, validate, validatePatch, value } from "./helpers.js";

const DateType = Type.Refine(Type.Unsafe<Date>({ instanceOf: "Date" }), (value) => value instanceof Date, () => "must be a Date");
const Bytes = Type.Refine(Type.Unsafe<Uint8Array>({ instanceOf: "Uint8Array" }), (value) => value instanceof Uint8Array, () => "must be a Uint8Array");


const Address = Type.Object({ street: Type.String(), city: Type.String(), zip: Type.Optional(Type.String()) });

describe("typebox: reading structured fields", () => {
  const Customer = model(
    Type.Object({
      id: Type.Integer(),
      address: Address,
      billing: Type.Optional(Type.Union([Address, Type.Null()])),
      geo: Type.Object({ at: Type.Object({ lat: Type.Number(), lng: Type.Number() }), seen: DateType }),
      open: Type.Object({ note: Type.String() }, { additionalProperties: true }),
    }),
    isolated("Customer"),
  );
  const addressFields = [key("street", "string"), key("city", "string"), key("zip", "string", { optional: true })];

  it("reads a nested Type.Object as an object, its keys in schema order, each with its own optionality", () => {
    expect(treeOf(Customer, "address")).toEqual(key("address", "object", { fields: addressFields }));
  });

  it("reads an Optional union of an object and Null as an optional, nullable object", () => {
    expect(treeOf(Customer, "billing")).toEqual(key("billing", "object", { optional: true, nullable: true, fields: addressFields }));
  });

  it("reads objects inside objects, down to dates", () => {
    expect(treeOf(Customer, "geo")).toEqual(
      key("geo", "object", { fields: [key("at", "object", { fields: [key("lat", "float"), key("lng", "float")] }), key("seen", "date")] }),
    );
  });

  it("reads an object that allows other keys: its declared keys are what is stored", () => {
    expect(treeOf(Customer, "open")).toEqual(key("open", "object", { fields: [key("note", "string")] }));
  });

  it("reads arrays, of scalars, of nullable scalars, of objects and of arrays", () => {
    const Lists = model(
      Type.Object({
        id: Type.Integer(),
        tags: Type.Array(Type.String()),
        scores: Type.Array(Type.Union([Type.Number(), Type.Null()])),
        lines: Type.Array(Type.Object({ sku: Type.String(), qty: Type.Integer() })),
        grid: Type.Array(Type.Array(Type.Integer())),
        sizes: Type.Array(Type.Union([Type.Literal("s"), Type.Literal("m")])),
      }),
      isolated("Lists"),
    );
    expect(treeOf(Lists, "tags")).toEqual(key("tags", "array", { of: value("string") }));
    expect(treeOf(Lists, "scores")).toEqual(key("scores", "array", { of: value("float", { nullable: true }) }));
    expect(treeOf(Lists, "lines")).toEqual(key("lines", "array", { of: value("object", { fields: [key("sku", "string"), key("qty", "integer")] }) }));
    expect(treeOf(Lists, "grid")).toEqual(key("grid", "array", { of: value("array", { of: value("integer") }) }));
    expect(treeOf(Lists, "sizes")).toEqual(key("sizes", "array", { of: value("string", { values: ["s", "m"] }) }));
  });

  it("reads a tuple as an array of its items' one type; a tuple of objects as an array of a union of them", () => {
    const Tuples = model(
      Type.Object({
        id: Type.Integer(),
        pair: Type.Tuple([Type.String(), Type.String()]),
        range: Type.Tuple([Type.Literal("from"), Type.Literal("to")]),
        mixed: Type.Tuple([Type.Object({ kind: Type.Literal("a"), a: Type.String() }), Type.Object({ kind: Type.Literal("b"), b: Type.Integer() })]),
      }),
      isolated("Tuples"),
    );
    expect(treeOf(Tuples, "pair")).toEqual(key("pair", "array", { of: value("string") }));
    expect(treeOf(Tuples, "range")).toEqual(key("range", "array", { of: value("string", { values: ["from", "to"] }) }));
    expect(treeOf(Tuples, "mixed")).toEqual(
      key("mixed", "array", {
        of: value("union", {
          discriminator: "kind",
          options: [
            value("object", { fields: [key("kind", "string", { values: ["a"] }), key("a", "string")] }),
            value("object", { fields: [key("kind", "string", { values: ["b"] }), key("b", "integer")] }),
          ],
        }),
      }),
    );
  });

  it("reads a tuple or a union of JSON types of different kinds as JSON values, and refuses one that JSON cannot hold", () => {
    const Mixed = model(
      Type.Object({
        id: Type.Integer(),
        point: Type.Tuple([Type.String(), Type.Number()]),
        attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())])),
      }),
      isolated("Mixed"),
    );
    expect(treeOf(Mixed, "point")).toEqual(key("point", "array", { of: value("json") }));
    expect(treeOf(Mixed, "attributes")).toEqual(key("attributes", "record", { of: value("json") }));
    expect(() => model(Type.Object({ id: Type.Integer(), stamp: Type.Tuple([Type.String(), DateType]) }), isolated("Thing"))).toThrow(
      /^Thing\.stamp: a tuple is stored as an array of its items' one type, and a union of unrelated types cannot be stored/,
    );
  });

  it("reads a Record as a record of its value type, whatever its keys' pattern", () => {
    const Records = model(
      Type.Object({
        id: Type.Integer(),
        counts: Type.Record(Type.String(), Type.Integer()),
        byYear: Type.Record(Type.Integer(), Type.Object({ total: Type.Number() })),
        // A Record keyed by literals is an object with those keys: TypeBox builds it so.
        limits: Type.Record(Type.Union([Type.Literal("min"), Type.Literal("max")]), Type.Number()),
      }),
      isolated("Records"),
    );
    expect(treeOf(Records, "counts")).toEqual(key("counts", "record", { of: value("integer") }));
    expect(treeOf(Records, "byYear")).toEqual(key("byYear", "record", { of: value("object", { fields: [key("total", "float")] }) }));
    expect(treeOf(Records, "limits")).toEqual(key("limits", "object", { fields: [key("min", "float"), key("max", "float")] }));
  });

  it("reads Any and Unknown as JSON values (null is one), and an Array of them as an array of JSON values", () => {
    const Loose = model(
      Type.Object({ id: Type.Integer(), meta: Type.Any(), payload: Type.Optional(Type.Unknown()), items: Type.Array(Type.Unknown()) }),
      isolated("Loose"),
    );
    expect(treeOf(Loose, "meta")).toEqual(key("meta", "json", { nullable: true }));
    expect(treeOf(Loose, "payload")).toEqual(key("payload", "json", { optional: true, nullable: true }));
    expect(treeOf(Loose, "items")).toEqual(key("items", "array", { of: value("json", { nullable: true }) }));
  });

  it("reads a Union of objects as a union, told apart by the literal key they share", () => {
    const Events = model(
      Type.Object({
        id: Type.Integer(),
        event: Type.Union([
          Type.Object({ type: Type.Literal("click"), x: Type.Integer(), y: Type.Integer() }),
          Type.Object({ type: Type.Literal("key"), code: Type.String() }),
        ]),
        target: Type.Union([Type.Object({ url: Type.String() }), Type.Object({ path: Type.String() }), Type.Null()]),
      }),
      isolated("Events"),
    );
    expect(treeOf(Events, "event")).toEqual(
      key("event", "union", {
        discriminator: "type",
        options: [
          value("object", { fields: [key("type", "string", { values: ["click"] }), key("x", "integer"), key("y", "integer")] }),
          value("object", { fields: [key("type", "string", { values: ["key"] }), key("code", "string")] }),
        ],
      }),
    );
    expect(treeOf(Events, "target")).toEqual(
      key("target", "union", { nullable: true, options: [value("object", { fields: [key("url", "string")] }), value("object", { fields: [key("path", "string")] })] }),
    );
  });

  it("reads binary data from the Uint8Array (or Buffer) recipe, and asks for the check TypeBox needs", () => {
    const Files = model(
      Type.Object({
        id: Type.Integer(),
        body: Bytes,
        thumb: Type.Optional(Type.Refine(Type.Unsafe<Buffer>({ instanceOf: "Buffer" }), (data) => Buffer.isBuffer(data))),
      }),
      isolated("Files"),
    );
    expect(treeOf(Files, "body")).toEqual(key("body", "binary"));
    expect(treeOf(Files, "thumb")).toEqual(key("thumb", "binary", { optional: true }));
    expect(() => model(Type.Object({ id: Type.Integer(), body: Type.Unsafe<Uint8Array>({ instanceOf: "Uint8Array" }) }), isolated("Thing"))).toThrow(
      /^Thing\.body: binary data needs a check TypeBox can run: Type\.Refine\(Type\.Unsafe<Uint8Array>/,
    );
  });

  it("stores a recursive type as a JSON value: a Type.Cyclic whole, and Type.This (the model itself) where it appears", () => {
    const Node = Type.Cyclic({ Node: Type.Object({ name: Type.String(), children: Type.Array(Type.Ref("Node")) }) }, "Node");
    const Folders = model(Type.Object({ id: Type.Integer(), tree: Node, subfolders: Type.Array(Type.This()) }), isolated("Folders"));
    expect(treeOf(Folders, "tree")).toEqual(key("tree", "json"));
    expect(treeOf(Folders, "subfolders")).toEqual(key("subfolders", "array", { of: value("json") }));
  });

  it("a Type.Cyclic JSON type whose union takes null is a nullable JSON value", () => {
    const Json = Type.Cyclic({ Json: Type.Union([Type.Null(), Type.String(), Type.Number(), Type.Array(Type.Ref("Json")), Type.Record(Type.String(), Type.Ref("Json"))]) }, "Json");
    const Setting = model(Type.Object({ id: Type.Integer(), value: Json }), isolated("Setting"));
    expect(treeOf(Setting, "value")).toEqual({ ...key("value", "json"), nullable: true });
  });

  it("refuses a Type.Ref to a schema that is not part of the model", () => {
    expect(() => model(Type.Object({ id: Type.Integer(), owner: Type.Ref("User") }), isolated("Thing"))).toThrow(
      /^Thing\.owner: Type\.Ref\("User"\) names a schema outside this one/,
    );
  });

  it("refuses a Type.Unsafe that says nothing of what it holds, unless a Stored marker names it", () => {
    const schema = Type.Object({ id: Type.Integer(), blob: Type.Unsafe<{ raw: string }>({}) });
    expect(() => model(schema, isolated("Thing"))).toThrow(/^Thing\.blob: a Type\.Unsafe schema does not say what it holds; name the stored type: fields: \{ blob: Stored\.binary \}/);
    const Stored_ = model(schema, { ...isolated("Thing"), fields: { blob: Stored.json } });
    expect(treeOf(Stored_, "blob")).toEqual(key("blob", "json"));
  });

  it("reads a Type.Unsafe by the JSON Schema it carries", () => {
    const Tagged = model(
      Type.Object({ id: Type.Integer(), email: Type.Unsafe<`${string}@${string}`>({ type: "string", format: "email" }), extra: Type.Unsafe<Record<string, unknown>>({ type: "object" }) }),
      isolated("Tagged"),
    );
    expect(treeOf(Tagged, "email")).toEqual(key("email", "string"));
    expect(treeOf(Tagged, "extra")).toEqual(key("extra", "record", { of: value("json", { nullable: true }) }));
  });

  it("names the whole field for a Stored marker when the unreadable part is nested", () => {
    const schema = Type.Object({ id: Type.Integer(), doc: Type.Object({ extra: Type.Unsafe<unknown>({}) }) });
    expect(() => model(schema, isolated("Thing"))).toThrow(/^Thing\.doc: extra: a Type\.Unsafe schema does not say what it holds; .*fields: \{ doc: Stored\.json \}/);
  });

  it("refuses an object whose undeclared keys have a type of their own", () => {
    const schema = Type.Object({ id: Type.Integer(), prefs: Type.Object({ theme: Type.String() }, { additionalProperties: Type.Boolean() }) });
    expect(() => model(schema, isolated("Thing"))).toThrow(/^Thing\.prefs: an object whose undeclared keys have a type of their own/);
  });

  it("lists every refused field in one ModelError, each with what to do", () => {
    const schema = Type.Object({ id: Type.Integer(), owner: Type.Ref("User"), blob: Type.Unsafe<unknown>({}), ok: Type.Array(Type.String()) });
    let error: unknown;
    try {
      model(schema, isolated("Thing"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/^Thing cannot be stored; 2 fields are refused:\n- Thing\.owner: Type\.Ref.*\n- Thing\.blob: a Type\.Unsafe schema/);
    expect((error as ModelError).message).not.toMatch(/Thing\.ok/);
  });

  it("stores a generated integer in an Auto key that the schema types as a plain Number", () => {
    const Plain = model(Type.Object({ id: Type.Optional(Type.Number()), name: Type.String() }), { ...isolated("Plain"), fields: { id: [Key, Auto] } });
    expect(metaOf(Plain).field("id")).toMatchObject({ type: "integer", key: true, auto: true });
  });
});

describe("typebox: validating structured fields", () => {
  const Order = model(
    Type.Object({
      id: Type.Optional(Type.Integer()),
      address: Address,
      lines: Type.Array(Type.Object({ sku: Type.String(), qty: Type.Integer({ minimum: 1 }), at: Type.Optional(DateType) })),
      tags: Type.Array(Type.String()),
      counts: Type.Record(Type.String(), Type.Integer()),
      shipment: Type.Union([
        Type.Object({ kind: Type.Literal("post"), tracking: Type.String() }),
        Type.Object({ kind: Type.Literal("pickup"), store: Type.String(), note: Type.Optional(Type.String()) }),
      ]),
      body: Type.Optional(Bytes),
      meta: Type.Optional(Type.Unknown()),
    }),
    isolated("Order"),
  );
  const valid = {
    address: { street: "1 Main St", city: "Paris" },
    lines: [{ sku: "A-1", qty: 2, at: new Date("2024-01-02T03:04:05.006Z") }],
    tags: ["new", "gift"],
    counts: { views: 3 },
    shipment: { kind: "pickup" as const, store: "Louvre" },
  };

  it("reaches a nested failure with its whole path in ValidationError.issues", async () => {
    const { result, stored } = await addThroughOmmi(Order, { ...valid, address: { street: "1 Main St", city: 75 as unknown as string } });
    expect(stored).toEqual([]);
    expect(result.ok || result.error).toBeInstanceOf(ValidationError);
    if (result.ok) return;
    expect((result.error as ValidationError).issues).toContainEqual({ path: ["address", "city"], message: "must be string" });
  });

  it("numbers the positions of array items in issue paths", async () => {
    const outcome = await validate(Order, { ...valid, lines: [{ sku: "A-1", qty: 1 }, { sku: "B-2", qty: 0 }], tags: ["a", 3] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual(expect.arrayContaining([{ path: ["lines", 1, "qty"], message: "must be >= 1" }, { path: ["tags", 1], message: "must be string" }]));
  });

  it("stores a plain copy of the value TypeBox accepted, keys in schema order, keeping Dates, binary data and JSON values as they are", async () => {
    const body = new Uint8Array([1, 2, 3]);
    const meta = { any: ["thing", 1, null] };
    const input = { ...valid, body, meta, address: { zip: undefined, city: "Paris", street: "1 Main St" } };
    const outcome = await validate(Order, input);
    expect(outcome).toEqual({ ok: true, value: { ...valid, body, meta, address: { street: "1 Main St", city: "Paris" } } });
    if (!outcome.ok) return;
    expect(outcome.value.address).not.toBe(input.address);
    expect(Object.keys(outcome.value.address as object)).toEqual(["street", "city"]);
    expect((outcome.value.lines as { at: Date }[])[0]?.at).toBe(valid.lines[0]?.at);
    expect(outcome.value.body).toBe(body);
  });

  it("refuses a key inside a value that the object does not declare, naming its path, rather than dropping it", async () => {
    const outcome = await validate(Order, { ...valid, address: { ...valid.address, floor: 3 }, lines: [{ sku: "A", qty: 1, colour: "red" }] });
    expect(outcome).toMatchObject({
      ok: false,
      issues: [
        { path: ["address", "floor"], message: expect.stringMatching(/^not a key of this object, so it would be lost/) as unknown },
        { path: ["lines", 0, "colour"], message: expect.stringMatching(/^not a key of this object/) as unknown },
      ],
    });
  });

  it("checks the keys of a union's object by the option it is: a key of another option is still refused", async () => {
    expect(await validate(Order, { ...valid, shipment: { kind: "pickup", store: "Louvre", note: "by noon" } })).toMatchObject({ ok: true });
    const outcome = await validate(Order, { ...valid, shipment: { kind: "post", tracking: "XY", store: "Louvre" } });
    expect(outcome).toMatchObject({ ok: false, issues: [{ path: ["shipment", "store"] }] });
  });

  it("refuses a record's key that matches no pattern of its keys, which TypeBox lets through unchecked", async () => {
    const Yearly = model(Type.Object({ id: Type.Integer(), byYear: Type.Record(Type.Integer(), Type.Number()) }), isolated("Yearly"));
    expect(await validate(Yearly, { id: 1, byYear: { 2024: 1.5 } })).toEqual({ ok: true, value: { id: 1, byYear: { 2024: 1.5 } } });
    expect(await validate(Yearly, { id: 1, byYear: { 2024: 1.5, total: "x" } })).toMatchObject({ ok: false, issues: [{ path: ["byYear", "total"] }] });
  });

  it("keeps a record's __proto__ key as a key of its own, as JSON.parse makes it", async () => {
    const counts = JSON.parse('{"__proto__": 2, "views": 3}') as Record<string, number>;
    const outcome = await validate(Order, { ...valid, counts });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const stored = outcome.value.counts as Record<string, number>;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored)).toEqual(["__proto__", "views"]);
    expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value).toBe(2);
  });

  it("refuses an invalid Date inside a value: it has no time to store", async () => {
    const outcome = await validate(Order, { ...valid, lines: [{ sku: "A", qty: 1, at: new Date("nope") }] });
    expect(outcome).toMatchObject({ ok: false, issues: [{ path: ["lines", 0, "at"], message: "must be a valid Date: an invalid Date has no time to store" }] });
  });

  it("validates a patch's structured field by its own schema, with paths from the field", async () => {
    expect(await validatePatch(Order, { address: { street: "2 Side St", city: "Lyon" } })).toEqual({ ok: true, value: { address: { street: "2 Side St", city: "Lyon" } } });
    expect(await validatePatch(Order, { address: { street: "2 Side St" } })).toMatchObject({ ok: false, issues: [{ path: ["address"], message: "must have required properties city" }] });
    expect(await validatePatch(Order, { address: { street: "2", city: "L", floor: 1 } })).toMatchObject({ ok: false, issues: [{ path: ["address", "floor"] }] });
  });

  it("checks a recursive value by TypeBox, in a whole row and in a patch", async () => {
    const Node = Type.Cyclic({ Node: Type.Object({ name: Type.String(), children: Type.Array(Type.Ref("Node")) }) }, "Node");
    const Folders = model(Type.Object({ id: Type.Integer(), tree: Node, subfolders: Type.Array(Type.This()) }), isolated("Folders"));
    const tree = { name: "root", children: [{ name: "a", children: [] }] };
    const sub = { id: 2, tree: { name: "x", children: [] }, subfolders: [] };
    expect(await validate(Folders, { id: 1, tree, subfolders: [sub] })).toEqual({ ok: true, value: { id: 1, tree, subfolders: [sub] } });
    expect(await validate(Folders, { id: 1, tree: { name: "root", children: [{ name: 1, children: [] }] }, subfolders: [] })).toMatchObject({
      ok: false,
      issues: [{ path: ["tree", "children", 0, "name"] }],
    });
    // Type.This in a patch is still the whole model, not the field alone.
    expect(await validatePatch(Folders, { subfolders: [sub] })).toEqual({ ok: true, value: { subfolders: [sub] } });
    expect(await validatePatch(Folders, { subfolders: [{ id: "two", tree, subfolders: [] }] })).toMatchObject({ ok: false, issues: [{ path: ["subfolders", 0, "id"] }] });
  });
});
