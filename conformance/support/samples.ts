import type { Conditional, InputOf } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { addRows } from "./capabilities.js";
import { defineSample } from "./models.js";
import { ascending, fieldOf } from "./results.js";

type Sample = ReturnType<typeof defineSample>;

/**
 * Creates the Sample table holding `rows`, and returns what the tests ask of it: the ids (in
 * ascending order) and the texts (in code unit order, nulls first) of the rows a query matches.
 */
export async function seedSamples(context: ConformanceContext, rows: readonly InputOf<Sample>[]) {
  const { db, create, collection } = context;
  const Sample = defineSample(collection);
  await create();
  await addRows(db, Sample, rows);
  return {
    Sample,
    db,
    ids: async (...conditions: Conditional[]) => ascending(await fieldOf(db.find(Sample, ...conditions), "id")),
    texts: async (...conditions: Conditional[]) => (await fieldOf(db.find(Sample, ...conditions), "text")).sort(byText),
  };
}

/** Rows that hold only a text, one per value, with ids from 1. */
export function textRows(texts: readonly (string | null)[]) {
  return texts.map((text, index) => ({ id: index + 1, text }));
}

function byText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
