import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Index, Key, Unique, metaOf, model, ModelCollection, ModelError, QueryError, Stored, ValidationError, when, type Condition } from "ommi";
import { prepareQuery } from "ommi/driver";
import { addThroughOmmi } from "../adapters/helpers.js";

const collection = new ModelCollection();
const Order = model(
  z.object({
    id: z.number().int().optional(),
    customer: z.object({ name: z.string(), address: z.object({ city: z.string(), zip: z.string().optional() }).nullable(), eq: z.string().optional() }),
    tags: z.array(z.string()),
    lines: z.array(z.object({ sku: z.string(), qty: z.number().int() })),
    extra: z.unknown().optional(),
    meta: z.record(z.string(), z.number()).optional(),
  }),
  { name: "Order", collection, fields: { "customer.address.city": Index } },
);

function prepared(condition: Condition<unknown>) {
  return prepareQuery(when(condition).node);
}

describe("refs into structured fields", () => {
  it("a nested key is a ref to the value inside the field, with the key path and the nested type", () => {
    const node = Order.customer.address.city.eq("Paris").node;
    expect(node).toMatchObject({ kind: "comparison", operator: "eq", value: "Paris", path: { keys: ["address", "city"], element: false, length: false } });
    expect(node.kind === "comparison" && node.field.name).toBe("customer");
    expect(String(Order.customer.address.city)).toBe("Order.customer.address.city");
  });

  it("a key named like an operator keeps the operator; nested(key) reaches the key", () => {
    expect(typeof Order.customer.eq).toBe("function");
    expect(Order.customer.nested("eq").eq("x").node).toMatchObject({ path: { keys: ["eq"] } });
  });

  it("some() builds its condition from the item; when(...) combines conditions on one item", () => {
    const node = Order.lines.some((line) => when(line.sku.eq("A"), line.qty.gt(2))).node;
    expect(node).toMatchObject({ kind: "some", where: { kind: "and", items: [{ path: { keys: ["sku"], element: true } }, { path: { keys: ["qty"], element: true } }] } });
    expect(() => Order.lines.some((line) => when(line.sku.eq("A")).limit(1))).toThrow(QueryError);
    expect(() => Order.lines.some(() => "yes" as never)).toThrow(/returns a condition on the item/);
  });

  it("the shape key tells paths, operators and element scopes apart, so compiled statements are never confused", () => {
    const keys = [
      prepared(Order.customer.address.city.eq("x")).key,
      prepared(Order.customer.name.eq("x")).key,
      prepared(Order.tags.has("x")).key,
      prepared(Order.tags.length.eq(1)).key,
      prepared(Order.lines.some((line) => line.sku.eq("x"))).key,
      prepared(Order.tags.some((tag) => tag.eq("x"))).key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(prepared(Order.customer.address.city.eq("y")).key).toBe(keys[0]);
  });

  it("an operator that does not apply to the value's type is a QueryError naming the path", () => {
    expect(() => prepared(Order.customer.address.city.eq(3 as never))).toThrow(/Order\.customer\.address\.city\.eq\(\) needs a string value/);
    expect(() => prepared((Order.customer as never as { gt(v: unknown): Condition<unknown> }).gt({}))).toThrow(/orders scalar values/);
    expect(() => prepared((Order.customer.name as never as { has(v: unknown): Condition<unknown> }).has("x"))).toThrow(/needs an array field/);
    expect(() => prepared(Order.tags.has(1 as never))).toThrow(/Order\.tags\.has\(\) needs a string value/);
    expect(() => prepared(Order.tags.hasAny("x" as never))).toThrow(/needs an array of items/);
    expect(() => prepared(Order.lines.some((line) => (line.qty as never as { startsWith(text: string): never }).startsWith("1")))).toThrow(/Order\.lines\[item\]\.qty\.startsWith\(\) needs a string field/);
    expect(() => prepared(Order.extra.eq(new Date() as never))).toThrow(/must be a JSON value/);
    expect(() => prepared(Order.meta.eq({ a: Number.NaN }))).toThrow(/at a: must be a finite number/);
  });

  it("only an array has a length: asking another value for one is a QueryError at once", () => {
    expect(() => (Order.customer.name as never as { length: unknown }).length).toThrow(/Order\.customer\.name\.length: only an array has a length, and Order\.customer\.name is string/);
    expect(Order.tags.length.gt(1).node).toMatchObject({ path: { keys: [], length: true, type: { type: "integer" } } });
  });

  it("sorting by a nested scalar is allowed, by a structured value or an item is not", () => {
    expect(() => prepareQuery(when(Order).sort(Order.customer.address.city.asc()).node)).not.toThrow();
    const byObject = { node: { kind: "sort", field: metaOf(Order).field("customer"), direction: "asc" } } as never;
    expect(() => prepareQuery(when(Order).sort(byObject).node)).toThrow(/cannot be sorted by Order\.customer/);
  });
});

describe("writing structured values", () => {
  const valid = { customer: { name: "A", address: null }, tags: [], lines: [] };

  it("a JSON value must be made of JSON: a Date, NaN or a cycle inside is refused with its path, before any write", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const [extra, message] of [
      [{ when: new Date() }, /must be a JSON value/],
      [[1, Number.NaN], /is NaN, which JSON cannot hold/],
      [cyclic, /contains itself/],
      [[1, undefined], /undefined, which JSON cannot hold/],
    ] as const) {
      const { result, stored } = await addThroughOmmi(Order, { ...valid, extra });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toBeInstanceOf(ValidationError);
      expect(!result.ok && (result.error as ValidationError).issues[0]?.path[0]).toBe("extra");
      expect(!result.ok && result.error.message).toMatch(message);
      expect(stored).toEqual([]);
    }
  });

  it("a nested value the schema refuses is a ValidationError with the library's path", async () => {
    const { result } = await addThroughOmmi(Order, { ...valid, lines: [{ sku: "a", qty: 1.5 }] });
    expect(!result.ok && (result.error as ValidationError).issues[0]?.path).toEqual(["lines", 0, "qty"]);
  });

  it("the issue's path names keys as they are: a record key holding a dot or a bracket is one key", async () => {
    const { result, stored } = await addThroughOmmi(Order, { ...valid, extra: { ok: 1, "a.b[0]": [Number.POSITIVE_INFINITY] } });
    expect(!result.ok && (result.error as ValidationError).issues[0]).toMatchObject({ path: ["extra", "a.b[0]", 0], message: "is Infinity, which JSON cannot hold" });
    expect(stored).toEqual([]);
  });

  it("text inside a structured value must be well-formed, with the path to it", async () => {
    const { result } = await addThroughOmmi(Order, { ...valid, tags: ["ok", "bad\uD800"] });
    expect(!result.ok && (result.error as ValidationError).issues[0]?.path).toEqual(["tags", 1]);
  });
});

describe("model definitions with structured fields", () => {
  it("every refused field of a model is listed in one ModelError, each with what to do", () => {
    const attempt = () =>
      model(z.object({ id: z.number(), a: z.custom<Buffer>(() => true), b: z.set(z.string()), c: z.string() }), { name: "Refused", collection: new ModelCollection() });
    expect(attempt).toThrow(ModelError);
    expect(attempt).toThrow(/Refused\.a: .*Stored/s);
    expect(attempt).toThrow(/Refused\.b: /);
  });

  it("Stored.<type> names what a field holds where the schema cannot say", () => {
    const Avatar = model(z.object({ id: z.number().int(), image: z.custom<Buffer>((value) => Buffer.isBuffer(value)) }), {
      name: "Avatar",
      collection: new ModelCollection(),
      fields: { image: Stored.binary },
    });
    expect(metaOf(Avatar).field("image")?.type).toBe("binary");
  });

  it("a plain-number key that the database generates is stored as an integer key", () => {
    const Ticket = model(z.object({ id: z.number().optional(), title: z.string() }), { name: "Ticket", collection: new ModelCollection(), fields: { id: [Key, Auto] } });
    expect(metaOf(Ticket).field("id")).toMatchObject({ type: "integer", auto: true, key: true });
  });

  it("structured fields cannot be keys or Unique; a path takes Index or Unique and must reach a scalar", () => {
    const schema = z.object({ id: z.number().int(), tags: z.array(z.string()), address: z.object({ city: z.string() }) });
    expect(() => model(schema, { name: "K", collection: new ModelCollection(), fields: { tags: Key } })).toThrow(/cannot be a key/);
    expect(() => model(schema, { name: "U", collection: new ModelCollection(), fields: { tags: Unique } })).toThrow(/cannot be Unique; mark a key inside it/);
    expect(() => model(schema, { name: "V", collection: new ModelCollection(), fields: { "address.city": Unique, tags: Index } })).not.toThrow();
    expect(() => model(schema, { name: "P", collection: new ModelCollection(), fields: { "address.country": Index } })).toThrow(/not a known value inside address/);
    expect(() => model(schema, { name: "Q", collection: new ModelCollection(), fields: { "address.city": Key } })).toThrow(/takes Index or Unique only/);
    expect(metaOf(Order).nestedIndexes).toMatchObject([{ path: ["address", "city"], type: "string", unique: false }]);
  });
});
