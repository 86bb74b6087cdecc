/**
 * The corpus of realistic entity schemas (issue 10): for each schema, does it become a model, and
 * do its samples come back from each database exactly as the schema library itself outputs them?
 * A table of the results is printed after the run; the tests assert the issue's goal, at least
 * 90 % of the schemas becoming models and round-tripping exactly, and name every failure.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { metaOf, model, ModelCollection, Ommi, type ModelHandle } from "ommi";
import { requireService } from "../support/availability.js";
import { sqliteMemory, type DriverUnderTest } from "../support/drivers.js";
import { postgresUnderTest } from "../support/postgres.js";
import { differences, KEY_ORDER, show } from "./compare.js";
import { LIBRARIES, type CorpusEntry } from "./entry.js";
import { corpus } from "./index.js";
import { expectedRow, libraryOutput, normalisedRow } from "./library-output.js";

/** The issue's goal: the share of schemas that must become models and round-trip exactly. */
const GOAL = 0.9;

// Defaults such as `z.date().default(() => new Date())` are computed again for the expected row:
// the clock stands still (only Date is faked; timers run as usual).
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2025-11-05T12:34:56.789Z") });
});
afterAll(() => {
  vi.useRealTimers();
});

type Handle = ModelHandle<unknown, unknown>;

interface Modelled {
  readonly handle?: Handle;
  readonly collection?: ModelCollection;
  readonly error?: string;
}

const label = (entry: CorpusEntry) => `${entry.library}/${entry.name}`;

/** Each schema, modelled once (models do not depend on the database). */
const modelled = new Map<CorpusEntry, Modelled>();
function modelOf(entry: CorpusEntry): Modelled {
  let result = modelled.get(entry);
  if (!result) {
    const collection = new ModelCollection();
    try {
      const handle: Handle = model(entry.schema, { name: entry.name, collection, fields: entry.fields });
      result = { handle, collection };
    } catch (error) {
      result = { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
    modelled.set(entry, result);
  }
  return result;
}

/** Per database and schema: every way its samples did not come back exactly (none: exact). */
type Problems = readonly string[];
const roundTrips = new Map<string, Map<CorpusEntry, Problems>>();

/** A row whose top-level keys came back in another order, and nothing else. */
const TOP_LEVEL_ORDER = `(row): ${KEY_ORDER}`;
const onlyTopLevelOrder = (problems: Problems) => problems.length > 0 && problems.every((problem) => problem.includes(TOP_LEVEL_ORDER));

function keyOf(handle: Handle, row: Record<string, unknown>): string {
  return metaOf(handle).keys.map((key) => show(row[key.name])).join(" | ");
}

/** Stores the entry's samples in a fresh database and reads them back: every way they did not come back exactly. */
async function roundTrip(entry: CorpusEntry, target: DriverUnderTest): Promise<Problems> {
  const { handle, collection, error } = modelOf(entry);
  if (!handle || !collection) return [`no model: ${error}`];
  const opened = await target.open();
  try {
    const db = new Ommi(opened.driver);
    const created = await db.schema(collection).createModels();
    if (!created.ok) return [`createModels: ${created.error.name}: ${created.error.message}`];
    const inputs = entry.samples();
    const added = await db.add(handle, ...inputs);
    if (!added.ok) return [`add: ${added.error.name}: ${added.error.message}`];
    const keyNames = metaOf(handle).keys.map((key) => key.name);
    const expected = new Map<string, unknown>();
    for (const [index, input] of inputs.entries()) {
      const stored = added.value[index] as Record<string, unknown>;
      const keys = Object.fromEntries(keyNames.map((name) => [name, stored[name]]));
      const output = await expectedRow(entry, input, keys);
      if (!output.ok) return [`sample ${index} is not valid with its keys: ${output.message}`];
      expected.set(keyOf(handle, output.value as Record<string, unknown>), output.value);
    }
    const found = await db.find(handle).all();
    if (!found.ok) return [`find().all(): ${found.error.name}: ${found.error.message}`];
    const problems: string[] = [];
    if (found.value.length !== inputs.length) problems.push(`${inputs.length} rows added, ${found.value.length} read back`);
    for (const row of found.value) {
      const key = keyOf(handle, row as Record<string, unknown>);
      if (!expected.has(key)) {
        problems.push(`a row with key ${key} that was not added`);
        continue;
      }
      const actual = normalisedRow(entry, row);
      problems.push(...differences(expected.get(key), actual).map((line) => `row ${key}: ${line}`));
      // What is read back must be a value of the schema again (Buffer stays Buffer, a nested class stays a class).
      const again = await libraryOutput(entry, row);
      if (!again.ok) problems.push(`row ${key}: the ${entry.library} schema refuses it as read back: ${again.message}`);
    }
    return problems;
  } catch (thrown) {
    return [`threw ${(thrown as Error).name}: ${(thrown as Error).message}`];
  } finally {
    await opened.dispose();
  }
}

/** One line per failing schema: its first problem, and how many more it has (the summary printed after the run has them all). */
function failuresOf(results: Map<CorpusEntry, Problems>): string[] {
  return [...results]
    .filter(([, problems]) => problems.length)
    .map(([entry, problems]) => `${label(entry)}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
}

function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 1000) / 10} %` : "n/a";
}

afterAll(() => {
  const databases = [...roundTrips.keys()];
  const lines = [
    "",
    "Corpus of entity schemas (test/corpus): schemas, models, and schemas whose samples round-trip exactly per database",
    "(in parentheses: also counting those whose only difference is the order of the row's own keys)",
    "",
    `| library | schemas | models | ${databases.map((name) => `exact on ${name}`).join(" | ")} |`,
    `|---|--:|--:|${databases.map(() => "--:").join("|")}|`,
  ];
  const row = (name: string, entries: readonly CorpusEntry[]) => {
    const models = entries.filter((entry) => modelOf(entry).handle).length;
    const exact = databases.map((database) => {
      const results = roundTrips.get(database) as Map<CorpusEntry, Problems>;
      const ran = entries.filter((entry) => results.has(entry));
      if (!ran.length) return "not run";
      const strict = ran.filter((entry) => !results.get(entry)?.length).length;
      const orderOnly = ran.filter((entry) => onlyTopLevelOrder(results.get(entry) ?? [])).length;
      return orderOnly ? `${strict} (${strict + orderOnly})` : `${strict}`;
    });
    lines.push(`| ${name} | ${entries.length} | ${models} | ${exact.join(" | ")} |`);
  };
  for (const library of LIBRARIES) row(library, corpus.filter((entry) => entry.library === library));
  row("**all**", corpus);
  const refused = corpus.filter((entry) => modelOf(entry).error);
  if (refused.length) lines.push("", "Not a model:", ...refused.map((entry) => `- ${label(entry)}: ${modelOf(entry).error?.replace(/\n/g, "\n    ")}`));
  for (const [database, results] of roundTrips) {
    const failing = [...results].filter(([entry, problems]) => problems.length && !modelOf(entry).error);
    const orderOnly = failing.filter(([, problems]) => onlyTopLevelOrder(problems));
    const other = failing.filter(([, problems]) => !onlyTopLevelOrder(problems));
    if (other.length) lines.push("", `Not exact on ${database}:`, ...other.map(([entry, problems]) => `- ${label(entry)}: ${problems.join("\n    ")}`));
    if (orderOnly.length) {
      lines.push("", `Exact on ${database} but for the order of the row's own keys: ${orderOnly.map(([entry]) => label(entry)).join(", ")}`);
      lines.push(`  e.g. ${orderOnly[0]?.[1][0]}`);
    }
  }
  console.log(lines.join("\n"));
});

describe("corpus of entity schemas", () => {
  it("has samples that their own schema library accepts (a corpus bug otherwise)", async () => {
    const invalid: string[] = [];
    for (const entry of corpus) {
      for (const [index, sample] of entry.samples().entries()) {
        const output = await libraryOutput(entry, sample);
        if (!output.ok) invalid.push(`${label(entry)} sample ${index}: ${output.message}`);
      }
    }
    expect(invalid, invalid.join("\n")).toEqual([]);
    expect(new Set(LIBRARIES.map((library) => corpus.filter((entry) => entry.library === library).length >= 16))).toEqual(new Set([true]));
  });

  it(`turns at least ${GOAL * 100} % of the schemas into models`, () => {
    const refused = corpus.filter((entry) => modelOf(entry).error);
    const share = 1 - refused.length / corpus.length;
    expect(share, `${refused.length} of ${corpus.length} schemas are not models:\n${refused.map((entry) => `${label(entry)}: ${modelOf(entry).error}`).join("\n")}`).toBeGreaterThanOrEqual(GOAL);
  });

  const databases: readonly { readonly target: DriverUnderTest; readonly name: string }[] = [
    { target: sqliteMemory, name: "SQLite" },
    { target: postgresUnderTest, name: "PostgreSQL" },
  ];
  for (const { target, name } of databases) {
    describe(`on ${name}`, () => {
      const unavailable = requireService(target.name, () => target.unavailable());
      it(`gives back the samples of at least ${GOAL * 100} % of the schemas exactly as their library outputs them`, async (test) => {
        const reason = unavailable();
        if (reason) {
          test.skip(reason);
          return;
        }
        const results = new Map<CorpusEntry, Problems>();
        roundTrips.set(name, results);
        for (const entry of corpus) results.set(entry, await roundTrip(entry, target));
        const failures = failuresOf(results);
        const share = 1 - failures.length / corpus.length;
        expect(share, `${failures.length} of ${corpus.length} schemas do not round-trip exactly on ${name} (${percent(corpus.length - failures.length, corpus.length)} do):\n${failures.join("\n")}`).toBeGreaterThanOrEqual(GOAL);
      }, 300_000);
    });
  }
});

