import { describe, expect, it } from "vitest";
import type { SchemaField, ValueType } from "ommi/driver";
import { jsonDecoder } from "../../drivers/sql/json/decoder.js";
import { comparedJsonEncoder, jsonEncoder } from "../../drivers/sql/json/encoder.js";
import { zeroedJsonText } from "../../drivers/sql/json/negative-zero.js";
import { holdsConverted } from "../../drivers/sql/json/type-facts.js";

// The one JSON encoding both SQL drivers store structured values in (drivers/sql/json/),
// checked on its own: what the stored text is, and that reading it gives the value back. The
// round trips through each database are in test/structured.

const type = (kind: ValueType["type"], more: Partial<ValueType> = {}): ValueType => ({ type: kind, nullable: false, ...more });
const key = (name: string, of: ValueType, optional = false): SchemaField => ({ ...of, name, optional });

describe("JSON encoding of structured values", () => {
  it("writes typed keys in the schema's order, leaves undefined out, and writes Dates, bigints, binary data and -0 its own way", () => {
    const event = type("object", {
      fields: [key("at", type("date")), key("amount", type("bigint")), key("bytes", type("binary")), key("ratio", type("float")), key("note", type("string"), true)],
    });
    const text = jsonEncoder(event)({ note: undefined, ratio: -0, bytes: new Uint8Array([0, 255]), amount: 2n ** 70n, at: new Date(5), extra: { z: -0 } });
    expect(text).toBe('{"at":5,"amount":"1180591620717411303424","bytes":"AP8=","ratio":-0,"extra":{"z":-0}}');
    const back = jsonDecoder(event)(text) as Record<string, unknown>;
    expect(back.at).toEqual(new Date(5));
    expect(back.amount).toBe(2n ** 70n);
    expect(Buffer.isBuffer(back.bytes) && [...back.bytes]).toEqual([0, 255]);
    expect(Object.is(back.ratio, -0)).toBe(true);
    expect(Object.keys(back)).toEqual(["at", "amount", "bytes", "ratio", "extra"]);
  });

  it("reads a stored __proto__ key as a plain key of a record, never as the object's prototype", () => {
    const decode = jsonDecoder(type("record", { of: type("date") }));
    const record = decode('{"__proto__":1,"a":2}') as Record<string, Date>;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")?.value).toEqual(new Date(1));
  });

  it("encodes a union by its discriminator, and without one by the first option the value is of; reads each back as that option", () => {
    const card = type("object", { fields: [key("kind", type("string", { values: ["card"] })), key("expires", type("date"))] });
    const bank = type("object", { fields: [key("kind", type("string", { values: ["bank"] })), key("amount", type("bigint"))] });
    const tagged = type("union", { options: [card, bank], discriminator: "kind" });
    expect(jsonDecoder(tagged)(jsonEncoder(tagged)({ amount: 3n, kind: "bank" }))).toEqual({ kind: "bank", amount: 3n });
    const circle = type("object", { fields: [key("radius", type("float")), key("drawn", type("date"))] });
    const square = type("object", { fields: [key("side", type("bigint"))] });
    const untagged = type("union", { options: [circle, square] });
    expect(jsonEncoder(untagged)({ side: 4n })).toBe('{"side":"4"}');
    expect(jsonDecoder(untagged)('{"side":"4"}')).toEqual({ side: 4n });
    expect(jsonDecoder(untagged)('{"radius":1,"drawn":0}')).toEqual({ radius: 1, drawn: new Date(0) });
  });

  it("handles a recursive type (a tree of nodes) with one function per type", () => {
    const node: { -readonly [K in keyof ValueType]: ValueType[K] } = type("object");
    const children = type("array", { of: node });
    node.fields = [key("at", type("date")), key("children", children)];
    const tree = { at: new Date(1), children: [{ at: new Date(2), children: [] }, { at: new Date(3), children: [{ at: new Date(4), children: [] }] }] };
    const text = jsonEncoder(node)(tree);
    expect(text).toBe('{"at":1,"children":[{"at":2,"children":[]},{"at":3,"children":[{"at":4,"children":[]}]}]}');
    expect(jsonDecoder(node)(text)).toEqual(tree);
    expect(holdsConverted(node)).toBe(true);
  });

  it("writes -0 as 0 for comparisons, and rewrites stored -0 outside strings only", () => {
    const json = type("json");
    expect(jsonEncoder(json)({ a: -0, b: [-0, "-0"] })).toBe('{"a":-0,"b":[-0,"-0"]}');
    expect(comparedJsonEncoder(json)({ a: -0, b: [-0, "-0"] })).toBe('{"a":0,"b":[0,"-0"]}');
    expect(zeroedJsonText('{"a":-0,"b":[-0,-0.5,"x:-0,\\"-0]",-0],"-0":-0}')).toBe('{"a":0,"b":[0,-0.5,"x:-0,\\"-0]",0],"-0":0}');
    expect(zeroedJsonText("-0")).toBe("0");
  });
});
