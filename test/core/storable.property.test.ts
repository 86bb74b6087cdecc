import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SchemaField, ValueType } from "../../src/model/field.js";
import { isStorable, walkedProblem } from "../../src/model/value-check.js";

// Every structured value written is first checked by a fast check composed per type
// (src/model/storable.ts); only a value it refuses is walked, for the message. The two must agree:
// a value the fast check takes and the walk refuses would be stored although it cannot be.

const scalar = (type: string, more: Partial<ValueType> = {}): ValueType => ({ type: type as ValueType["type"], nullable: false, ...more });
const key = (name: string, type: ValueType, optional = false): SchemaField => ({ name, optional, ...type });

const TYPES: Record<string, ValueType> = {
  object: {
    type: "object",
    nullable: false,
    fields: [
      key("city", scalar("string")),
      key("zip", scalar("string", { nullable: true }), true),
      key("at", scalar("date"), true),
      key("n", scalar("float"), true),
      key("kind", scalar("string", { values: ["a", "b"] }), true),
      key("geo", { type: "object", nullable: true, fields: [key("lat", scalar("float"))] }, true),
    ],
  },
  array: { type: "array", nullable: false, of: scalar("integer") },
  arrayOfNullable: { type: "array", nullable: false, of: scalar("string", { nullable: true }) },
  record: { type: "record", nullable: false, of: scalar("bigint") },
  json: { type: "json", nullable: true },
  union: {
    type: "union",
    nullable: false,
    discriminator: "t",
    options: [
      { type: "object", nullable: false, fields: [key("t", scalar("string", { values: ["x"] })), key("v", scalar("float"))] },
      { type: "object", nullable: false, fields: [key("t", scalar("string", { values: ["y"] })), key("w", { type: "array", nullable: false, of: scalar("boolean") })] },
    ],
  },
  binary: { type: "binary", nullable: false },
};

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom("a", "b", "x", "y", "\uD800", "ok"),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Uint8Array([1, 2])),
  fc.constant(new Map()),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom("city", "zip", "at", "n", "kind", "geo", "lat", "t", "v", "w", "k", "\uDC00"), tie("value"), { maxKeys: 5 }),
}));

// Values shaped like each type, with a bad part now and then: so that both answers occur often.
const SHAPED: Record<string, fc.Arbitrary<unknown>> = {
  object: fc.record(
    { city: fc.oneof(fc.string(), leaf), zip: leaf, at: fc.oneof(fc.date(), leaf), n: fc.oneof(fc.double(), leaf), kind: fc.oneof(fc.constantFrom("a", "b"), leaf), geo: fc.oneof(fc.constant(null), fc.record({ lat: fc.oneof(fc.double(), leaf) }), leaf), extra: value },
    { requiredKeys: ["city"] },
  ),
  union: fc.record({ t: fc.constantFrom("x", "y", "z"), v: fc.oneof(fc.double(), leaf), w: fc.oneof(fc.array(fc.oneof(fc.boolean(), leaf)), leaf) }, { requiredKeys: ["t"] }),
  array: fc.array(fc.oneof(fc.integer(), leaf)),
  record: fc.dictionary(fc.string(), fc.oneof(fc.bigInt(), leaf)),
};

describe("the fast check of values to write agrees with the walk", () => {
  for (const [name, type] of Object.entries(TYPES)) {
    it(`for ${name}: it takes exactly the values the walk takes`, () => {
      fc.assert(
        fc.property(SHAPED[name] ? fc.oneof(SHAPED[name], value) : value, (candidate) => {
          expect(isStorable(type, candidate), String(walkedProblem(type, candidate))).toBe(walkedProblem(type, candidate) === undefined);
        }),
        { numRuns: 3000 },
      );
    });
  }
});
