import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, Ommi, placeholder, QueryError, type Condition, type DBResult } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

// A prepared query's value is checked exactly as the same value written in the query, and then
// selects exactly the same rows: for any value at all, the prepared call and the written query
// agree, both in the rows they give and in the QueryError they fail with (the prepared one's
// cause is the written one's error). Null and undefined are the exceptions, tested in the
// conformance suite: written, eq(null) means isNull(); given to a placeholder, they are refused.

const collection = new ModelCollection();
const Item = model(
  z.object({
    id: z.number().int(),
    text: z.string().nullable(),
    count: z.number().int().nullable(),
    ratio: z.number().nullable(),
    flag: z.boolean().nullable(),
    at: z.date().nullable(),
  }),
  { name: "Item", collection },
);

type Field = "text" | "count" | "ratio" | "flag" | "at";
type Operator = "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "notIn";
type Compare = (value: unknown) => Condition<unknown>;

const FIELDS: readonly Field[] = ["text", "count", "ratio", "flag", "at"];
const OPERATORS: readonly Operator[] = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn"];

const texts = fc.oneof(fc.constantFrom("", "a", "b", "ab", "é", "\u{1F600}"), fc.string({ maxLength: 4 }), fc.string({ unit: "binary", maxLength: 3 }));
const counts = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER));
const ratios = fc.oneof(fc.constantFrom(-1.5, 0, 0.5, 2.5, -0), fc.double({ noNaN: true, noDefaultInfinity: true }));
const dates = fc.oneof(fc.constantFrom(new Date(0), new Date(-1), new Date(1_700_000_000_123)), fc.date({ noInvalidDate: true }));
const valuesOf: Record<Field, fc.Arbitrary<unknown>> = { text: texts, count: counts, ratio: ratios, flag: fc.boolean(), at: dates };

/** Values of a field's own type, and values of any other (which both ways must refuse alike). */
function compared(field: Field, operator: Operator): fc.Arbitrary<unknown> {
  const own = valuesOf[field];
  const anything = fc.anything().filter((value) => value !== null && value !== undefined);
  const one = fc.oneof({ arbitrary: own, weight: 4 }, { arbitrary: anything, weight: 1 });
  return operator === "in" || operator === "notIn" ? fc.oneof({ arbitrary: fc.array(one, { maxLength: 5 }), weight: 4 }, { arbitrary: one, weight: 1 }) : one;
}

let db: Ommi;

beforeAll(async () => {
  db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema(collection).createModels().raiseOnErrors();
  const rows = fc.sample(
    fc.record({ text: fc.option(texts), count: fc.option(counts), ratio: fc.option(ratios), flag: fc.option(fc.boolean()), at: fc.option(dates) }),
    { numRuns: 40, seed: 13 },
  );
  await db.add(Item, rows.map((row, index) => ({ id: index + 1, ...row }))).raiseOnErrors();
});

afterAll(() => db.close());

const ids = (result: DBResult<readonly { id: number }[]>) => (result.ok ? result.value.map((row) => row.id).sort((a, b) => a - b) : result.error);

describe("a prepared query and the query written with its value", () => {
  it("give the same rows, or fail with the same QueryError, for any value", async () => {
    const cases = fc.constantFrom(...FIELDS).chain((field) => fc.constantFrom(...OPERATORS).chain((operator) => compared(field, operator).map((value) => ({ field, operator, value }))));
    await fc.assert(
      fc.asyncProperty(cases, async ({ field, operator, value }) => {
        const ref = Item[field] as unknown as Record<Operator, Compare>;
        const compare = (given: unknown) => ref[operator](given);
        let written: DBResult<readonly { id: number }[]>;
        try {
          written = await db.find(Item, compare(value)).all();
        } catch (error) {
          // Building the condition itself may refuse a value (none does today): nothing to compare.
          expect(error).toBeInstanceOf(QueryError);
          return;
        }
        const preparedResult = await db.find(Item, compare(placeholder("v"))).prepare<{ v: unknown }>().all({ v: value });
        if (written.ok) {
          expect(ids(preparedResult)).toEqual(ids(written));
          return;
        }
        expect(written.error).toBeInstanceOf(QueryError);
        expect(preparedResult.ok).toBe(false);
        const error = preparedResult.ok ? undefined : preparedResult.error;
        expect(error).toBeInstanceOf(QueryError);
        expect((error?.cause as Error | undefined)?.message).toBe(written.error.message);
        expect(error?.message).toContain(`placeholder "v": ${written.error.message}`);
      }),
      { numRuns: 400 },
    );
  });
});
