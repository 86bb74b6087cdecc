import { BSON, Double } from "mongodb";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Key, metaOf, model, ModelCollection, StoreAs, ValidationError } from "ommi";
import { checkStorable, fromDocument, storedPath, toDocument } from "../../../drivers/mongodb/documents.js";
import { exactly } from "../../../conformance/support/structured-models.js";

// Rows → documents → BSON bytes → documents → rows, decoded as the driver's client decodes them
// (options.ts): what a round trip through MongoDB keeps, without a server.

const collection = new ModelCollection();

const Vault = model(
  z.object({
    id: z.number().int(),
    ratio: z.number().optional(),
    count: z.number().int().nullable(),
    big: z.bigint().optional(),
    at: z.date().optional(),
    blob: z.instanceof(Uint8Array).optional(),
    note: z.string().optional(),
    event: z.object({ at: z.date(), amount: z.bigint(), ratio: z.number(), n: z.number().int() }).nullable().optional(),
    ledger: z.array(z.bigint()).optional(),
    counts: z.record(z.string(), z.number().int()).optional(),
    doc: z.json().optional(),
    payment: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("card"), expires: z.date() }),
      z.object({ kind: z.literal("transfer"), amount: z.bigint() }),
    ]).optional(),
  }),
  { name: "Vault", collection, fields: { note: StoreAs("remark") } },
);
const vault = metaOf(Vault);

const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string() }), { name: "Seat", collection, fields: { row: Key, number: Key } });

/** A document as MongoDB gives it back to the driver's client. */
function throughBson(document: object): BSON.Document {
  return BSON.deserialize(BSON.serialize(document), { useBigInt64: true, promoteBuffers: true, promoteValues: true });
}

function roundTrip(row: Record<string, unknown>): Record<string, unknown> {
  return fromDocument(vault, throughBson(toDocument(vault, row)));
}

describe("MongoDB documents", () => {
  it("stores a single key as _id, a StoreAs field under its stored name, and a composite key's fields as themselves", () => {
    expect(storedPath(vault.field("id")!)).toBe("_id");
    expect(storedPath(vault.field("note")!)).toBe("remark");
    expect(storedPath(metaOf(Seat).field("row")!)).toBe("row");
    expect(toDocument(vault, { id: 1, count: null, note: "n" })).toEqual({ _id: 1, count: null, remark: "n" });
  });

  it("keeps floats (whole ones and -0) as doubles, integers as integers, bigints beyond 2^53 exactly", () => {
    const document = toDocument(vault, { id: 1, ratio: 5, count: 2 ** 40, big: 2n ** 63n - 1n });
    expect(document.ratio).toBeInstanceOf(Double);
    const back = roundTrip({ id: 1, ratio: -0, count: Number.MAX_SAFE_INTEGER, big: -(2n ** 63n) });
    expect(Object.is(back.ratio, -0)).toBe(true);
    expect(back.count).toBe(Number.MAX_SAFE_INTEGER);
    expect(back.big).toBe(-(2n ** 63n));
  });

  it("reads back what SQL drivers give: absent optional fields, null for a nullable one, Dates and Buffers", () => {
    const back = roundTrip({ id: 1, count: null, at: new Date(-1), blob: Uint8Array.from([0, 255]) });
    expect(back).toStrictEqual({ id: 1, count: null, at: new Date(-1), blob: Buffer.from([0, 255]) });
    expect(Object.keys(roundTrip({ id: 2, count: 1 }))).toEqual(["id", "count"]);
  });

  it("keeps a structured value's nulls apart from its absence, and every value inside exactly", () => {
    const row = {
      id: 1,
      count: 3,
      event: { at: new Date(7), amount: 2n ** 62n, ratio: -0, n: 2 ** 35 },
      ledger: [2n ** 53n + 1n, -1n],
      counts: { z: -0, a: 2 ** 40 },
      // JSON.parse makes "__proto__" an own key, as a JSON value from outside may have it.
      doc: Object.assign(JSON.parse('{"__proto__": {"x": 1}}') as object, { a: -0, b: [0, 1.5, null, "x"], $date: "2024", "": true }),
      payment: { kind: "transfer", amount: 2n ** 60n },
    };
    expect(exactly(roundTrip(row))).toBe(exactly(row));
    expect(roundTrip({ id: 2, count: 1, event: null }).event).toBeNull();
    expect("event" in roundTrip({ id: 3, count: 1 })).toBe(false);
  });

  it("writes an object's keys in the schema's order, whatever order they were given in", () => {
    const back = roundTrip({ id: 1, count: 1, event: { n: 1, ratio: 1, amount: 1n, at: new Date(0) } });
    expect(Object.keys(back.event as object)).toEqual(["at", "amount", "ratio", "n"]);
  });

  it("keeps bigints past 64 bits inside a structured value as 34-digit decimals, and reads them back as bigints", () => {
    const row = { id: 1, count: 1, ledger: [2n ** 100n, -(2n ** 64n), 10n ** 34n - 1n, 1n], payment: { kind: "transfer", amount: -(2n ** 90n) } };
    expect(exactly(roundTrip(row))).toBe(exactly(row));
  });

  it("reads a union's value back exactly whichever option it is taken for: BSON keeps Dates, numbers and bigints apart", () => {
    const Mark = model(
      z.object({
        id: z.number().int(),
        at: z.union([z.object({ when: z.date() }), z.object({ when: z.number() })]),
        size: z.union([z.object({ v: z.bigint() }), z.object({ v: z.number().int() })]),
      }),
      { name: "Mark", collection },
    );
    const mark = metaOf(Mark);
    const rows = [
      { id: 1, at: { when: new Date(5) }, size: { v: 2n ** 40n } },
      { id: 2, at: { when: 5 }, size: { v: 2 ** 40 } },
      { id: 3, at: { when: -0 }, size: { v: -(2n ** 70n) } },
    ];
    for (const row of rows) expect(exactly(fromDocument(mark, throughBson(toDocument(mark, row))))).toBe(exactly(row));
  });

  it("refuses the whole batch, naming the field, for a bigint field beyond 64 bits, one inside a structured value beyond 34 digits, or a key BSON cannot hold", () => {
    const refused = (rows: Record<string, unknown>[]) => {
      try {
        checkStorable(vault, rows);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const tooBig = refused([{ id: 1, count: 1 }, { id: 2, count: 1, ledger: [1n, 10n ** 34n] }]);
    expect(tooBig).toBeInstanceOf(ValidationError);
    expect((tooBig as ValidationError).index).toBe(1);
    expect((tooBig as ValidationError).issues[0]?.path).toEqual(["ledger", 1]);
    const tooBigField = refused([{ id: 1, count: 1, big: 2n ** 63n }]);
    expect((tooBigField as ValidationError).issues[0]?.path).toEqual(["big"]);
    const nulKey = refused([{ id: 1, count: 1, doc: { "a\u0000b": 1 } }]);
    expect(nulKey).toBeInstanceOf(ValidationError);
    expect((nulKey as Error).message).toMatch(/Vault[\s\S]*doc/);
    expect(refused([{ id: 1, count: 1, doc: { nested: { _bsontype: "Double" } } }])).toBeInstanceOf(ValidationError);
    expect(refused([{ id: 1, count: 1, big: 2n ** 63n - 1n, ledger: [-(2n ** 63n)] }])).toBeUndefined();
  });
});
