import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCollection, Ommi, QueryError } from "ommi";
import { prepareQuery } from "ommi/driver";
import { dataset, likePattern, operations, query, storedPiece } from "../support/differential/arbitraries.js";
import { show } from "../support/differential/check.js";
import { coreMatches, coreParses } from "../support/differential/core-semantics.js";
import { resolvePicks, toOmmiQuery, type Comparison, type ConditionDescription, type Operation, type QueryDescription } from "../support/differential/description.js";
import { inDialect, MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, patternWithinBounds } from "../support/differential/dialect.js";
import { BOUNDARY_PATTERNS, hostilePattern, OUT_OF_DIALECT } from "../support/differential/hostile-patterns.js";
import { defineDifferentialModels, EMPTY_STATE, type Row, type State, type Value } from "../support/differential/models.js";
import { dialectPattern } from "../support/differential/regex-arbitrary.js";
import { parseRegex } from "../support/differential/regex.js";
import { queryRefusedByCore } from "../support/differential/reference.js";
import { runEverywhere, type Target } from "../support/differential/runner.js";
import { textMatches } from "../support/differential/text-matching.js";
import { character, storedText, text } from "../support/differential/values.js";
import { driversUnderTest } from "../support/drivers.js";

/**
 * Every driver must do what a plain JavaScript reference of DESIGN §4 says (reference.ts), for
 * random data and random operations on five related models (integer, string and composite
 * keys; nullable, optional, StoreAs and Unique fields; from a few rows to a few hundred; one
 * model of structured fields: a nested object of every scalar type, arrays of strings, integers
 * and objects, a record and a JSON value, queried by paths, array operators, lengths, `some`,
 * whole values and sorted by nested scalars):
 * `all`, `count`, `one` and `iterate` (batches from one row) of queries over every operator,
 * with conditions through forward, backward and two-hop references, `in` lists of up to 40,000
 * values, text with control, astral and hostile characters (U+0000, lone surrogates), strings of
 * 70,000 characters, and regex patterns of Ommi's dialect and outside it; `update`, `delete`
 * and `add`, each followed by a comparison of the table written; transactions, and nested
 * ones, that commit, roll back or throw, with calls failing inside them. A refused write must
 * change nothing.
 *
 * OMMI_DIFFERENTIAL_RUNS sets the number of runs (OMMI_PROPERTY_RUNS too, its older name),
 * OMMI_DIFFERENTIAL_SEED (with OMMI_DIFFERENTIAL_PATH) replays one that failed, and
 * OMMI_DIFFERENTIAL_DRIVERS names the only drivers to run (to investigate one).
 */
const DEFAULT_RUNS = 150;
const RUNS = Number(process.env.OMMI_DIFFERENTIAL_RUNS ?? process.env.OMMI_PROPERTY_RUNS ?? DEFAULT_RUNS);
const SEED_TEXT = process.env.OMMI_DIFFERENTIAL_SEED ?? process.env.OMMI_PROPERTY_SEED;
const REPLAY = {
  ...(SEED_TEXT === undefined ? {} : { seed: Number(SEED_TEXT) }),
  ...(process.env.OMMI_DIFFERENTIAL_PATH === undefined ? {} : { path: process.env.OMMI_DIFFERENTIAL_PATH }),
};
/** For investigating one database: OMMI_DIFFERENTIAL_DRIVERS="postgres" (names as in test/support/drivers.ts, comma-separated). */
const ONLY = process.env.OMMI_DIFFERENTIAL_DRIVERS?.split(",").map((name) => name.trim());
/** Long runs report their progress this often. */
const PROGRESS_EVERY = 500;

/** MySQL's documented DATETIME range: '1000-01-01 00:00:00' to '9999-12-31 23:59:59.999'. */
const MYSQL_DATETIME_RANGE = [Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999)] as const;

const collection = new ModelCollection();
const models = defineDifferentialModels(collection);
const targets: (Target & { dispose(): Promise<void> })[] = [];

beforeAll(async () => {
  for (const candidate of driversUnderTest) {
    if (ONLY && !ONLY.includes(candidate.name)) {
      console.warn(`\n!!! ${candidate.name} left out of the differential test by OMMI_DIFFERENTIAL_DRIVERS\n`);
      continue;
    }
    const reason = await candidate.unavailable();
    if (reason && process.env.CI === "true") throw new Error(`${candidate.name} is required in CI: ${reason}`);
    if (reason) {
      console.warn(`\n!!! SKIPPING ${candidate.name} in the differential test: ${reason}\n`);
      continue;
    }
    const opened = await candidate.open();
    const db = new Ommi(opened.driver);
    // PostgreSQL's text cannot hold U+0000; SQLite's, MySQL's and MongoDB's can, but BSON's keys cannot
    // (SQLite and MySQL keep structured values as JSON text). MySQL's DOUBLE stores -0 as 0 (its
    // driver refuses it), its DATETIME holds the years 1000 to 9999 (its driver refuses other dates).
    // MongoDB has no foreign keys and no savepoints.
    const declared = opened.driver.capabilities;
    const capabilities = {
      storesNul: !candidate.name.startsWith("postgres"),
      storesNegativeZero: !candidate.name.startsWith("mysql"),
      ...(candidate.name.startsWith("mysql") ? { dateRange: MYSQL_DATETIME_RANGE } : {}),
      storesNulInKeys: candidate.name.startsWith("sqlite") || candidate.name.startsWith("mysql"),
      foreignKeys: declared.foreignKeys === true,
      savepoints: declared.savepoints === true,
    };
    targets.push({ name: candidate.name, db, capabilities, dispose: () => opened.dispose() });
    await db.schema(collection).createModels().raiseOnErrors();
  }
  // With no database, every check below would pass without checking anything.
  if (targets.length === 0) throw new Error("the differential test has no driver to run on");
});

afterAll(async () => {
  await Promise.all(targets.map((target) => target.dispose()));
});

/** Runs the operations (their picks of stored values taken from `data`) on every driver, against the reference. */
const check = (data: State, steps: readonly Operation[]) => runEverywhere(targets, models, data, resolvePicks(data, steps));

function item(id: number, name: string | null): Row {
  return { id, name, count: null, score: null, flag: null, at: null, big: null, owner: null };
}

const itemsNamed = (...names: (string | null)[]): State => ({ ...EMPTY_STATE, Item: names.map((name, index) => item(index + 1, name)) });

/** A Doc row: empty arrays and nulls, with `values` in place of some of them. */
function doc(id: number, values: Readonly<Record<string, Value>> = {}): Row {
  return { id, owner: null, tags: null, scores: [], lines: [], meta: null, ...values };
}

const line = (sku: string, qty: number, price: number | null, marks?: string[]) => ({ sku, qty, price, ...(marks ? { marks } : {}) });
const onDoc = (where: ConditionDescription): Operation => ({ kind: "all", query: { model: "Doc", where } });
const docCompare = (field: string, operator: Comparison["operator"], value?: unknown, extra: Partial<Comparison> = {}): Comparison => ({
  kind: "compare", model: "Doc", field, operator, ...(value === undefined ? {} : { value }), ...extra,
});

describe("every driver does what the reference says", () => {
  it(`random data and operations (${RUNS} runs)`, async () => {
    let runs = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(dataset, operations, async (data, steps) => {
        await check(data, steps);
        if (++runs % PROGRESS_EVERY === 0 && RUNS > PROGRESS_EVERY) console.log(`differential: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }),
      { numRuns: RUNS, ...REPLAY },
    );
  }, Math.max(300_000, RUNS * 1_000));

  /** Counterexamples the property once found (shrunk), kept so they stay fixed. */
  const regressions: readonly { readonly title: string; readonly data: State; readonly operations: readonly Operation[] }[] = [
    {
      // SQLite's RegExp had no `s` flag, so its `.` skipped newlines; PostgreSQL's `.` always matches them.
      title: "regex `.` matches a newline",
      data: itemsNamed("a\nb"),
      operations: [{ kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value: "^.*a*$" } } }],
    },
    {
      // PostgreSQL's ILIKE under COLLATE "C" folds ASCII only: the Kelvin sign K and the accented É were not their lower case.
      title: "ilike folds case beyond ASCII, as JavaScript's `iu` does",
      data: itemsNamed("\u212A", "ÉCOLE", "ΣΑΣ", "İ"),
      operations: [
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "ilike", value: "K" } } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "ilike", value: "%école" } } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "ilike", value: "σας" } } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "ilike", value: "i" } } },
      ],
    },
    {
      // SQLite's LIKE and GLOB stopped at U+0000, so `startsWith("admin\u0000xyz")` matched "admin" (issue 8, item 7).
      title: "a NUL inside a text pattern is a character like any other, never the end of the pattern",
      data: itemsNamed("admin", "alpha", "a"),
      operations: [
        // Stored by SQLite; refused by PostgreSQL, whose text cannot hold U+0000.
        { kind: "add", model: "Item", rows: [{ ...item(4, "a\u0000b") }] },
        ...(["startsWith", "contains", "endsWith", "like", "ilike", "eq"] as const).flatMap((operator) =>
          ["admin\u0000xyz", "a\u0000zzz", "a\u0000", "\u0000"].map((value): Operation => ({ kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator, value } } })),
        ),
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value: "a\\u0000" } } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "in", value: ["a\u0000", "alpha"] } } },
      ],
    },
    {
      // PostgreSQL's text cannot hold U+0000: a value with one is refused before anything is sent. Before,
      // a pattern rewritten for sending (ilike, regex) ran and answered no rows, and other values reached
      // the server, whose error doomed the transaction around them.
      title: "PostgreSQL refuses a NUL in a query value or a write before sending it; the transaction goes on",
      data: EMPTY_STATE,
      operations: [
        { kind: "all", query: { model: "Tag", where: { kind: "compare", model: "Group", field: "code", operator: "ilike", value: "\u0000" } } },
        {
          kind: "transaction",
          end: "commit",
          operations: [
            { kind: "update", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "contains", value: "\u0000" } }, patch: { note: "" } },
            { kind: "add", model: "Group", rows: [{ code: "a\u0000", title: null }] },
            { kind: "count", query: { model: "Group" } },
          ],
        },
      ],
    },
    {
      // Lone surrogates have no UTF-8 form: each database stored U+FFFD instead, in its own way (issue 8, item 9).
      title: "a lone surrogate is refused everywhere, never altered: ValidationError when written, QueryError when compared",
      data: { ...itemsNamed("x\uFFFDy", "a"), Group: [{ code: "g", title: null }] },
      operations: [
        { kind: "add", model: "Group", rows: [{ code: "x\uD800y", title: null }] },
        { kind: "add", model: "Item", rows: [{ ...item(3, "ok") }, { ...item(4, "\uDC00") }] },
        { kind: "update", query: { model: "Group" }, patch: { title: "a\uDBFFb" } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "eq", value: "x\uD800y" } } },
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "in", value: ["a", "x\uD800y"] } } },
        { kind: "count", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value: "\uD83D" } } },
        { kind: "count", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value: "x\\uD800y" } } },
        { kind: "count", query: { model: "Owner", where: { kind: "compare", model: "Group", field: "title", operator: "contains", value: "\uDC00" } } },
      ],
    },
    {
      // Find.one() gave the query limit 1 in place of its own limit, instead of at most 1.
      title: "one() of a query limited to 0 rows finds nothing, as all() does",
      data: { ...EMPTY_STATE, Owner: [{ id: 1, label: null, group: null }] },
      operations: [
        { kind: "all", query: { model: "Owner", sort: [], window: { limit: 0, offset: 0 } } },
        { kind: "one", query: { model: "Owner", sort: [], window: { limit: 0, offset: 0 } } },
      ],
    },
    {
      // Find.iterate() stopped before preparing a query whose window holds no rows, so its values
      // were never checked; all(), count() and one() refused the same query with a QueryError.
      title: "iterate() of an invalid query limited to 0 rows is refused, as all() is",
      data: EMPTY_STATE,
      operations: [
        { kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "note", operator: "in", value: ["x\uD800y"] }, sort: [], window: { limit: 0, offset: 0 } } },
        { kind: "iterate", query: { model: "Item", where: { kind: "compare", model: "Item", field: "note", operator: "in", value: ["x\uD800y"] }, sort: [], window: { limit: 0, offset: 0 } }, batchSize: 1000 },
        { kind: "iterate", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value: "\\b" }, sort: [], window: { limit: 0, offset: 0 } }, batchSize: 1000 },
      ],
    },
    {
      // Whole values were compared by their stored JSON text, so a -0 anywhere inside told equal values apart.
      title: "whole values, and items of arrays, compare numbers with ===: -0 equals 0",
      data: {
        ...EMPTY_STATE,
        Doc: [
          doc(1, { address: { city: "a", zip: null, lat: -0, code: null, geo: { label: "g", lng: 0 } }, lines: [line("x", 1, -0)], meta: -0 }),
          doc(2, { address: { city: "a", zip: null, lat: 0, code: null, geo: { label: "g", lng: -0 } }, lines: [line("x", 1, 0)], meta: { a: [0, -0] } }),
        ],
      },
      operations: [
        onDoc(docCompare("address", "eq", { city: "a", zip: null, lat: 0, code: null, geo: { label: "g", lng: 0 } })),
        onDoc(docCompare("address", "ne", { city: "a", zip: null, lat: -0, code: null, geo: { label: "g", lng: -0 } })),
        onDoc(docCompare("address", "eq", { label: "g", lng: -0 }, { path: ["geo"] })),
        onDoc(docCompare("lines", "has", line("x", 1, 0))),
        onDoc(docCompare("lines", "hasAll", [line("x", 1, -0)])),
        onDoc(docCompare("lines", "eq", [line("x", 1, -0)])),
        onDoc(docCompare("meta", "eq", 0)),
        onDoc(docCompare("meta", "eq", { a: [-0, 0] })),
        onDoc({ kind: "not", item: docCompare("meta", "eq", { a: [-0, -0] }) }),
      ],
    },
    {
      // Keyset paging compared the array itself with the last row's length.
      title: "iterate() sorted by an array's length pages by the length",
      data: { ...EMPTY_STATE, Doc: [doc(1, { tags: ["a", "b"] }), doc(2), doc(3, { tags: [] }), doc(4, { tags: ["a"] }), doc(5, { tags: ["c", "a"] })] },
      operations: [
        { kind: "iterate", query: { model: "Doc", sort: [{ field: "tags", length: true, direction: "asc" }] }, batchSize: 1 },
        { kind: "iterate", query: { model: "Doc", sort: [{ field: "tags", length: true, direction: "desc" }] }, batchSize: 2 },
      ],
    },
    {
      // The inner some(...) was joined to the other model a second time: "table has no column for Group.code".
      title: "some() inside some(), in a condition on a model two references away",
      data: {
        ...EMPTY_STATE,
        Group: [{ code: "g", title: null }, { code: "h", title: null }],
        Owner: [{ id: 1, label: null, group: "g" }, { id: 2, label: null, group: "h" }],
        Doc: [doc(1, { owner: 1, lines: [line("a", 1, null, ["ab", "c"])] }), doc(2, { owner: 2, lines: [line("a", 1, null, ["zz"])] })],
      },
      operations: (["Group", "Owner"] as const).flatMap((model): Operation[] => [
        { kind: "all", query: { model, where: { kind: "some", model: "Doc", field: "lines", where: { kind: "some", model: "Doc", field: "lines", element: true, path: ["marks"], where: docCompare("lines", "startsWith", "a", { element: true }) } } } },
        { kind: "count", query: { model, where: { kind: "not", item: { kind: "some", model: "Doc", field: "lines", where: { kind: "some", model: "Doc", field: "lines", element: true, path: ["marks"], where: docCompare("lines", "eq", "zz", { element: true }) } } } } },
      ]),
    },
    {
      // PostgreSQL bound the length's operand as an int4: "out of range for type integer".
      title: "a length compared with a safe integer beyond 32 bits matches no row",
      data: { ...EMPTY_STATE, Doc: [doc(1, { tags: ["a"] })] },
      operations: [
        onDoc(docCompare("tags", "eq", Number.MAX_SAFE_INTEGER, { length: true })),
        onDoc(docCompare("tags", "in", [2 ** 40, 1], { length: true })),
        onDoc(docCompare("scores", "gt", -(2 ** 53 - 1), { length: true })),
      ],
    },
    {
      // MongoDB refused it: a condition on the item itself and one on its keys cannot share one $elemMatch.
      title: "some() with a condition on the item itself beside one on its keys, under not()",
      data: EMPTY_STATE,
      operations: [
        JSON.parse(
          '{"kind":"all","query":{"model":"Doc","where":{"kind":"not","item":{"kind":"some","model":"Doc","field":"lines","where":{"kind":"or","items":[' +
            '{"kind":"compare","model":"Doc","field":"lines","element":true,"operator":"eq","value":null},' +
            '{"kind":"some","model":"Doc","field":"lines","element":true,"path":["marks"],"where":{"kind":"compare","model":"Doc","field":"lines","element":true,"operator":"isNull"}}]}}}}}',
        ) as Operation,
      ],
    },
  ];

  for (const { title, data, operations: steps } of regressions) {
    it(`regression: ${title}`, () => check(data, steps));
  }

});

describe("what every driver refuses before a query runs", () => {
  const regexOn = (value: string): Operation => ({ kind: "all", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator: "regex", value } } });

  it("every pattern outside the regex dialect is a QueryError, on every driver", async () => {
    const refused = OUT_OF_DIALECT.filter((pattern) => !inDialect(pattern));
    // The reference's parser must refuse them too, or it would expect them to run.
    expect(OUT_OF_DIALECT.filter((pattern) => inDialect(pattern))).toEqual([]);
    await check(itemsNamed("a", "ab", "a\nb"), refused.map(regexOn));
    // And each refusal says where: the field and the operator.
    for (const target of targets) {
      for (const pattern of refused) {
        const outcome = await target.db.find(models.Item.name.regex(pattern)).all();
        expect(outcome.ok ? "no error" : outcome.error.message, `${target.name}, regex(${JSON.stringify(pattern)})`).toContain("Item.name.regex()");
      }
    }
  });

  it("a regex pattern beyond the length or size bound is a QueryError, on every driver; one at the bounds runs", async () => {
    // The reference must read the bounds as the test does, or it would expect the wrong thing.
    expect(BOUNDARY_PATTERNS.map(([pattern]) => inDialect(pattern))).toEqual(BOUNDARY_PATTERNS.map(([, within]) => within));
    await check(itemsNamed("a", "a".repeat(300), "ab".repeat(200), "x", null), BOUNDARY_PATTERNS.map(([pattern]) => regexOn(pattern)));
  });

  it("a text pattern beyond its bounds is a QueryError, on every driver; one at the bounds runs", async () => {
    const operators = ["contains", "startsWith", "endsWith", "like", "ilike"] as const;
    const values = [
      "a".repeat(MAX_PATTERN_LENGTH),
      "a".repeat(MAX_PATTERN_LENGTH + 1),
      "😀".repeat(MAX_PATTERN_LENGTH / 2),
      `${"😀".repeat(MAX_PATTERN_LENGTH / 2)}a`,
      // Wildcards are bounded in like and ilike only; escaped, or in contains, `_` is a character.
      "_".repeat(MAX_LIKE_WILDCARDS),
      "_".repeat(MAX_LIKE_WILDCARDS + 1),
      "\\_".repeat(MAX_LIKE_WILDCARDS + 1),
      "%".repeat(MAX_PATTERN_LENGTH),
    ];
    // The reference must read the bounds as documented, or it would expect the wrong thing.
    expect(values.map((value) => patternWithinBounds("like", value))).toEqual([true, false, true, false, true, false, true, true]);
    expect(values.map((value) => patternWithinBounds("contains", value))).toEqual([true, false, true, false, true, true, true, true]);
    const steps = operators.flatMap((operator) => values.map((value): Operation => ({ kind: "count", query: { model: "Item", where: { kind: "compare", model: "Item", field: "name", operator, value } } })));
    await check(itemsNamed("a".repeat(MAX_PATTERN_LENGTH), "😀".repeat(MAX_PATTERN_LENGTH), "_".repeat(MAX_LIKE_WILDCARDS + 1), "a"), steps);
  });
});

/**
 * The reference's text matching and the core's (its regex parser, and the linear-time matcher
 * SQLite runs), compared in-process over many more patterns and texts than the databases see: a
 * difference here shows which of the two is wrong faster than one found through a database.
 */
describe("the reference and the core mean the same by every text pattern", () => {
  const IN_PROCESS_RUNS = Math.max(2_000, RUNS * 10);
  const IN_PROCESS_TIMEOUT = Math.max(60_000, IN_PROCESS_RUNS * 10);
  const parses = (parse: (pattern: string) => unknown, pattern: string) => {
    try {
      parse(pattern);
      return true;
    } catch {
      return false;
    }
  };
  const texts = fc.array(fc.oneof(storedText, text, fc.string({ unit: character, maxLength: 12 })), { minLength: 1, maxLength: 6 });

  it(`accept the same regex patterns (${IN_PROCESS_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(dialectPattern, hostilePattern), (pattern) => {
        expect(parses(parseRegex, pattern), `the reference's parser and the core's disagree on ${JSON.stringify(pattern)}`).toBe(coreParses(pattern));
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
  }, IN_PROCESS_TIMEOUT);

  it(`match the same texts with regex, like and ilike (${IN_PROCESS_RUNS} runs)`, () => {
    const patterns = fc.oneof(
      dialectPattern.filter(inDialect).map((pattern) => ["regex", pattern] as const),
      likePattern.map((pattern) => ["like", pattern] as const),
      likePattern.map((pattern) => ["ilike", pattern] as const),
      fc.tuple(fc.constantFrom("contains", "startsWith", "endsWith"), storedPiece),
    );
    fc.assert(
      fc.property(patterns, texts, ([operator, pattern], candidates) => {
        for (const candidate of candidates) {
          expect(textMatches(operator, candidate, pattern), `${operator}(${JSON.stringify(pattern)}) on ${JSON.stringify(candidate)}`).toBe(coreMatches(operator, candidate, pattern));
        }
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
  }, IN_PROCESS_TIMEOUT);
});

/**
 * Which queries the core refuses (QueryError) before any database sees them, by the reference's
 * rules (an operator that does not apply to what a path reaches, a value of the wrong type at any
 * depth, a sort by a structured value, …) and by the core's own checks, compared in-process over
 * many more queries than the databases see.
 */
describe("the reference and the core refuse the same queries", () => {
  const IN_PROCESS_RUNS = Math.max(2_000, RUNS * 10);

  it(`for random queries on every model (${IN_PROCESS_RUNS} runs)`, () => {
    fc.assert(
      fc.property(dataset, query, (data, drawn) => {
        const [resolved] = resolvePicks(data, [{ kind: "count", query: drawn }]);
        const description = (resolved as { readonly query: QueryDescription }).query;
        let refused: Error | undefined;
        try {
          prepareQuery(toOmmiQuery(models, description).node);
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          refused = error;
        }
        const what = refused === undefined ? "the core runs" : `the core refuses (${refused.message.slice(0, 300)})`;
        expect(refused !== undefined, `${what}: ${show(description).slice(0, 1_000)}`).toBe(queryRefusedByCore(description));
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
  }, Math.max(60_000, IN_PROCESS_RUNS * 20));
});
