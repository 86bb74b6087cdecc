import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCollection, Ommi } from "ommi";
import { dataset, query } from "../support/differential/arbitraries.js";
import { toOmmiQuery, type QueryDescription } from "../support/differential/description.js";
import { defineDifferentialModels, type Dataset, type ItemRow } from "../support/differential/models.js";
import { evaluate } from "../support/differential/reference.js";
import { driversUnderTest } from "../support/drivers.js";

/**
 * Every driver must return the same rows, in the same order where the query sorts, for random
 * data and random queries over the whole operator set: compared with SQLite in memory, which is
 * compared with a JavaScript reference of DESIGN §4 (reference.ts), so that a mistake all SQL
 * drivers share shows too. OMMI_PROPERTY_RUNS sets the number of runs, OMMI_PROPERTY_SEED
 * replays one.
 */
const RUNS = Number(process.env.OMMI_PROPERTY_RUNS ?? 100);
const SEED = process.env.OMMI_PROPERTY_SEED === undefined ? undefined : Number(process.env.OMMI_PROPERTY_SEED);
const REFERENCE_DRIVER = "sqlite (memory)";

interface Target {
  readonly name: string;
  readonly db: Ommi;
  dispose(): Promise<void>;
}

const collection = new ModelCollection();
const models = defineDifferentialModels(collection);
const targets: Target[] = [];

beforeAll(async () => {
  for (const candidate of driversUnderTest) {
    const reason = await candidate.unavailable();
    if (reason && process.env.CI === "true") throw new Error(`${candidate.name} is required in CI: ${reason}`);
    if (reason) {
      console.warn(`\n!!! SKIPPING ${candidate.name} in the differential test: ${reason}\n`);
      continue;
    }
    const opened = await candidate.open();
    const db = new Ommi(opened.driver);
    targets.push({ name: candidate.name, db, dispose: () => opened.dispose() });
    await db.schema(collection).createModels().raiseOnErrors();
  }
});

afterAll(async () => {
  await Promise.all(targets.map((target) => target.dispose()));
});

function item(id: number, name: string | null): ItemRow {
  return { id, name, count: null, score: null, flag: null, at: null, big: null, owner: null };
}

/** Replaces every driver's rows with the dataset (copies: Ommi may write keys back into inputs). */
async function load(db: Ommi, { owners, items }: Dataset): Promise<void> {
  await db.find(models.Item).delete().raiseOnErrors();
  await db.find(models.Owner).delete().raiseOnErrors();
  if (owners.length) await db.add(models.Owner, owners.map((owner) => ({ ...owner }))).raiseOnErrors();
  if (items.length) await db.add(models.Item, items.map((item) => ({ ...item }))).raiseOnErrors();
}

async function rowsOf(db: Ommi, description: QueryDescription): Promise<ItemRow[]> {
  const rows = await db.find(toOmmiQuery(models, description)).all().value;
  // Without a sort the order is the database's: compare as a set.
  return description.sort ? rows : rows.sort((a, b) => a.id - b.id);
}

async function expectSameEverywhere(data: Dataset, queries: readonly QueryDescription[]): Promise<void> {
  await Promise.all(targets.map((target) => load(target.db, data)));
  for (const description of queries) {
    const shown = fc.stringify(description);
    const results = await Promise.all(targets.map(async (target) => ({ name: target.name, rows: await rowsOf(target.db, description) })));
    const reference = results.find((result) => result.name === REFERENCE_DRIVER) ?? { name: "the JavaScript reference", rows: evaluate(data, description) };
    expect(reference.rows, `${reference.name} vs the JavaScript reference, for ${shown}`).toEqual(evaluate(data, description));
    for (const { name, rows } of results) expect(rows, `${name} vs ${reference.name}, for ${shown}`).toEqual(reference.rows);
    for (const target of targets) {
      const counted = await target.db.find(toOmmiQuery(models, description)).count().value;
      expect(counted, `${target.name} count(), for ${shown}`).toBe(reference.rows.length);
    }
  }
}

describe("every driver returns the same rows for the same query", () => {
  it(`random data and queries (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(query, { minLength: 1, maxLength: 4 }), (data, queries) => expectSameEverywhere(data, queries)),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 300_000);

  /** Counterexamples the property once found (shrunk), kept so they stay fixed. */
  const regressions: readonly { readonly title: string; readonly data: Dataset; readonly queries: readonly QueryDescription[] }[] = [
    {
      // SQLite's RegExp had no `s` flag, so its `.` skipped newlines; PostgreSQL's `.` always matches them.
      title: "regex `.` matches a newline",
      data: { owners: [], items: [item(1, "a\nb")] },
      queries: [{ where: { kind: "compare", model: "item", field: "name", operator: "regex", value: "^.*a*$" } }],
    },
    {
      // PostgreSQL's ILIKE under COLLATE "C" folds ASCII only: the Kelvin sign K and the accented É were not their lower case.
      title: "ilike folds case beyond ASCII, as JavaScript's `iu` does",
      data: { owners: [], items: [item(1, "\u212A"), item(2, "ÉCOLE"), item(3, "ΣΑΣ"), item(4, "İ")] },
      queries: [
        { where: { kind: "compare", model: "item", field: "name", operator: "ilike", value: "K" } },
        { where: { kind: "compare", model: "item", field: "name", operator: "ilike", value: "%école" } },
        { where: { kind: "compare", model: "item", field: "name", operator: "ilike", value: "σας" } },
        { where: { kind: "compare", model: "item", field: "name", operator: "ilike", value: "i" } },
      ],
    },
  ];

  for (const { title, data, queries } of regressions) {
    it(`regression: ${title}`, () => expectSameEverywhere(data, queries));
  }
});
