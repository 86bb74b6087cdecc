import { expect, it } from "vitest";
import { z } from "zod";
import { model, not, QueryError, type Condition, type ModelCollection } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { SAMPLE_FIELDS } from "../support/models.js";
import { failure } from "../support/results.js";
import { storesNegativeZero, storesTextWithNul } from "../support/probes.js";

/** One nullable field of each stored type: the Sample's, and a bigint. */
function defineItem(collection: ModelCollection) {
  return model(z.object({ ...SAMPLE_FIELDS, big: z.bigint().nullable().default(null) }), { name: "Item", collection });
}

type FieldName = "text" | "count" | "ratio" | "flag" | "at" | "big";
type Value = string | number | boolean | Date | bigint;

/** What the tests call on a field, whatever its type. */
interface ListField {
  in(values: readonly Value[]): Condition<unknown>;
  notIn(values: readonly Value[]): Condition<unknown>;
}

/**
 * Stored values of each field (row i + 1 holds value i; the rows past a field's values, and
 * row 100, hold null there), and a value that is none of them for each index, to fill long lists.
 * The values are the edges where a list could compare differently from `eq`: integers at ±2^53,
 * bigints beyond 2^53 and at the ends of 64 bits, floats that are whole, tiny or huge, -0,
 * dates before 1970, strings that differ only after a NUL or in astral characters, and "" .
 */
function valuesFor(storesNul: boolean, storesNegativeZero: boolean): Record<FieldName, { stored: Value[]; other: (index: number) => Value }> {
  return {
    // "a" and "a\0b" are different strings: a list holding one must not match the other. PostgreSQL
    // text cannot hold U+0000 (Ommi refuses it there with a clear error, see nul-text.ts), so
    // where the database does not store it (storesTextWithNul), "a\0b" is left out.
    text: {
      // And text that array and JSON syntax would misread if it were not quoted: quotes, backslashes, commas, braces, NULL.
      stored: ["a", ...(storesNul ? ["a\u0000b"] : []), "", "😀 astral 𝄞", "Ünïcödé", "NULL", 'q"uote \\ back\\"slash, {brace} [x]', " ", "🦄"],
      other: (index) => `other ${index} ${String.fromCodePoint(0x1f600 + (index % 50))}`,
    },
    count: { stored: [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER], other: (index) => 1_000_000 + index },
    ratio: { stored: [0.1, storesNegativeZero ? -0 : 0, 2.5, 1, 1e300, 5e-324, 1e21, -123456.789], other: (index) => 1_000.5 + index },
    flag: { stored: [true, false], other: (index) => index % 2 === 0 },
    at: { stored: [new Date(0), new Date(-1), new Date(1_700_000_000_123), new Date("1900-01-01T00:00:00.001Z")], other: (index) => new Date(2_000_000_000_000 + index) },
    big: {
      stored: [2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 0n],
      other: (index) => 2n ** 60n + BigInt(index),
    },
  };
}

const FIELDS: readonly FieldName[] = ["text", "count", "ratio", "flag", "at", "big"];
const NULL_ROW = 100;
const LONG = 100_000;

const same = (a: Value, b: Value) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export const inLists = defineScenario("in-lists", "in and notIn with lists of any length", (context) => {
  const seed = async () => {
    const { db, create, collection } = context();
    const Item = defineItem(collection);
    await create();
    const storesNul = await storesTextWithNul(db);
    // MySQL refuses a float's -0 (see round-trip.ts): there, row 2 holds 0, which lists must match all the same.
    const values = valuesFor(storesNul, await storesNegativeZero(db));
    const rowCount = Math.max(...FIELDS.map((field) => values[field].stored.length));
    const rows = Array.from({ length: rowCount }, (_, index): Record<string, Value | null> => {
      const row: Record<string, Value | null> = { id: index + 1 };
      for (const field of FIELDS) row[field] = values[field].stored[index] ?? null;
      return row;
    });
    await addRows(db, Item, [...rows, { id: NULL_ROW }] as never);
    const ids = async (condition: Condition<unknown>) =>
      (await db.find(Item, condition as never).all().value).map((row) => row.id).sort((a, b) => a - b);
    const fieldRef = (field: FieldName) => Item[field] as unknown as ListField;
    return { db, Item, values, ids, fieldRef, storesNul };
  };

  /** Ids of the rows whose `field` equals one of `list`: what `in` must give. */
  const expectedIn = (stored: readonly Value[], list: readonly Value[]) =>
    stored.flatMap((value, index) => (list.some((item) => same(item, value)) ? [index + 1] : []));
  const expectedNotIn = (stored: readonly Value[], list: readonly Value[]) =>
    stored.flatMap((value, index) => (list.some((item) => same(item, value)) ? [] : [index + 1]));

  for (const field of FIELDS) {
    it(`${field}: lists of 0, 1 and ${LONG.toLocaleString("en")} values match exactly as eq does; null rows never match`, async () => {
      const { values, ids, fieldRef } = await seed();
      const { stored, other } = values[field];
      const ref = fieldRef(field);
      const picked = stored.filter((_, index) => index % 2 === 0);
      const long = [...Array.from({ length: LONG / 2 }, (_, index) => other(index)), ...picked, ...Array.from({ length: LONG / 2 - picked.length }, (_, index) => other(LONG + index))];
      expect(long).toHaveLength(LONG);
      const lists: readonly (readonly Value[])[] = [[], [stored[0] as Value], [other(0)], picked, long];
      for (const list of lists) {
        const expectIn = expectedIn(stored, list);
        const expectNotIn = expectedNotIn(stored, list);
        expect(await ids(ref.in(list)), `in, ${list.length} values`).toEqual(expectIn);
        expect(await ids(ref.notIn(list)), `notIn, ${list.length} values`).toEqual(expectNotIn);
        // not() is the exact complement: it takes the null row (and rows past the values) too.
        const all = [...Array.from({ length: Math.max(...FIELDS.map((name) => values[name].stored.length)) }, (_, index) => index + 1), NULL_ROW];
        expect(await ids(not(ref.in(list))), `not in, ${list.length} values`).toEqual(all.filter((id) => !expectIn.includes(id)));
      }
    });
  }

  it("a list holding one value matches that value and nothing that merely shares a prefix with it", async () => {
    const { ids, fieldRef, values } = await seed();
    const text = fieldRef("text");
    expect(await ids(text.in(["a"]))).toEqual([1]);
    expect(await ids(text.in(["😀 astral 𝄞"]))).toEqual([values.text.stored.indexOf("😀 astral 𝄞") + 1]);
    expect(await ids(text.in(["😀 astral"]))).toEqual([]);
    expect(await ids(text.in([""]))).toEqual([values.text.stored.indexOf("") + 1]);
  });

  it("strings with NUL compare whole where the database stores them (SQLite), and are refused by name where it cannot (PostgreSQL)", async () => {
    const { db, Item, ids, fieldRef, storesNul } = await seed();
    const text = fieldRef("text");
    if (!storesNul) {
      const error = await failure(db.find(Item, text.in(["x", "a\u0000b"])).all());
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/Item\.text\.in\(\).*U\+0000/);
      return;
    }
    expect(await ids(text.in(["a\u0000b"]))).toEqual([2]);
    expect(await ids(text.in(["a\u0000"]))).toEqual([]);
    expect(await ids(text.in(["a\u0000c"]))).toEqual([]);
    expect(await ids(text.notIn(["a"]))).not.toContain(1);
    expect(await ids(text.notIn(["a"]))).toContain(2);
  });

  it("whole floats match stored floats, and -0 matches 0 as eq does", async () => {
    const { db, Item, ids, fieldRef } = await seed();
    const ratio = fieldRef("ratio");
    expect(await ids(ratio.in([1]))).toEqual(await ids(Item.ratio.eq(1) as never));
    expect(await ids(ratio.in([0]))).toEqual(await ids(Item.ratio.eq(0) as never));
    expect(await ids(ratio.in([0]))).toEqual([2]);
    expect(await ids(ratio.in([1e21, 5e-324]))).toEqual([6, 7]);
    // The double next to 0.1 is not 0.1.
    expect(await ids(ratio.in([0.1 + Number.EPSILON / 16, 0.30000000000000004]))).toEqual([]);
    expect(await db.find(Item, Item.ratio.in([0.1])).count().value).toBe(1);
  });

  it("bigints beyond 2^53 compare exactly, and one beyond 64 bits is an error, as with eq", async () => {
    const { db, Item, ids, fieldRef } = await seed();
    const big = fieldRef("big");
    expect(await ids(big.in([2n ** 53n + 1n]))).toEqual([1]);
    expect(await ids(big.in([2n ** 53n, 2n ** 53n + 2n]))).toEqual([]);
    expect(await ids(big.in([2n ** 63n - 1n, -(2n ** 63n)]))).toEqual([3, 4]);
    expect(await ids(big.in([2n ** 63n - 2n]))).toEqual([]);
    expect(await failure(db.find(Item, Item.big.eq(2n ** 64n)).count())).toBeInstanceOf(QueryError);
    expect(await failure(db.find(Item, Item.big.in([1n, 2n ** 64n])).count())).toBeInstanceOf(QueryError);
  });

  it("lists of any length work in count, update and delete", async () => {
    const { db, Item, ids } = await seed();
    const long = Array.from({ length: LONG }, (_, index) => 1_000_000 + index);
    expect(await db.find(Item, Item.count.in([...long, 42])).count().value).toBe(1);
    expect(await db.find(Item, Item.count.in([...long, 42])).update({ text: "changed" }).value).toBe(1);
    expect(await ids(Item.text.in(["changed"]) as never)).toEqual([3]);
    expect(await db.find(Item, Item.count.notIn(long)).delete().value).toBe(5);
    expect(await ids(Item.id.in([1, 2, 3, 4, 5, 6, 7, 8, NULL_ROW]) as never)).toEqual([6, 7, 8, NULL_ROW]);
  });
});
