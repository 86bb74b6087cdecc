/**
 * `npm run bench [-- --quick]`: the same workloads through Ommi, the raw drivers, Drizzle (plain
 * and prepared), Kysely and TypeORM, in one process, interleaved round by round; then the
 * structured-fields workloads (issue 10) through Ommi, the raw drivers with JSON and Drizzle's
 * json/jsonb columns; then the relations workloads (issue 11: include and lazy loads) through
 * Ommi, Drizzle's relational queries and TypeORM's relations. Prints a Markdown report and writes
 * it to bench/results.md. Options (libraries, workloads, rounds): see options.ts.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { BenchLibrary, LibraryFactory } from "./library.js";
import { drizzle } from "./libraries/drizzle.js";
import { drizzlePrepared } from "./libraries/drizzle-prepared.js";
import { kysely } from "./libraries/kysely.js";
import { ommi } from "./libraries/ommi.js";
import { raw } from "./libraries/raw.js";
import { typeorm } from "./libraries/typeorm.js";
import { describeMachine, loadAverage } from "./machine.js";
import { readOptions, type BenchOptions } from "./options.js";
import { dropSchema, freshSchema, reachable, serverVersion } from "./postgres.js";
import { drizzleRelations } from "./relations/drizzle.js";
import type { RelationsLibrary } from "./relations/library.js";
import { ommiRelations } from "./relations/ommi.js";
import { typeormRelationsFactory } from "./relations/typeorm.js";
import { relationsWorkloads } from "./relations/workloads.js";
import { renderReport } from "./report.js";
import { drizzleJson, drizzleJsonb } from "./structured/drizzle.js";
import { ommiStructuredFactory } from "./structured/ommi.js";
import { rawStructured } from "./structured/raw.js";
import type { StructuredLibrary } from "./structured/library.js";
import { structuredWorkloads } from "./structured/workloads.js";
import { runSuite, selected, type Suite, type SuiteLibrary, type SuiteResult, type SuiteTarget } from "./suite.js";
import { workloads } from "./workloads.js";

/** Report order: the baseline first, then Ommi, then the others. */
const FACTORIES: readonly LibraryFactory[] = [raw, ommi, drizzle, drizzlePrepared, kysely, typeorm];
const STRUCTURED_FACTORIES: readonly LibraryFactory<StructuredLibrary>[] = [rawStructured, ommiStructuredFactory, drizzleJson, drizzleJsonb];
const RELATIONS_FACTORIES: readonly LibraryFactory<RelationsLibrary>[] = [ommiRelations, drizzleRelations, typeormRelationsFactory];

function suites(options: BenchOptions): [Suite<BenchLibrary>, Suite<StructuredLibrary>, Suite<RelationsLibrary>] {
  return [
    { id: "core", title: "", factories: FACTORIES, workloads: workloads(options.streamRows) },
    { id: "structured", title: "structured fields (a nested object and an array of strings)", factories: STRUCTURED_FACTORIES, workloads: structuredWorkloads },
    { id: "relations", title: "relations (posts with their author and tags, eager and lazy)", factories: RELATIONS_FACTORIES, workloads: relationsWorkloads },
  ];
}

const sqlite: SuiteTarget = {
  database: "SQLite (better-sqlite3, in memory)",
  targetFor: () => ({ kind: "sqlite" }),
};

function postgres(url: string, version: string): SuiteTarget {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/_$/, "");
  return {
    database: `PostgreSQL ${version} (127.0.0.1 or OMMI_BENCH_PG_URL)`,
    targetFor: (factory) => ({ kind: "postgres", url, schema: `ommi_bench_${slug(factory.name)}` }),
    create: (target) => (target.kind === "postgres" ? freshSchema(url, target.schema) : Promise.resolve()),
    remove: (target) => (target.kind === "postgres" ? dropSchema(url, target.schema) : Promise.resolve()),
  };
}

/**
 * PostgreSQL runs when the server answers and, for the core workloads, every selected library can
 * run there (the structured workloads report a library that cannot, and go on with the others).
 */
async function postgresSuite(suite: Suite<SuiteLibrary>, options: BenchOptions): Promise<SuiteTarget | string> {
  if (!(await reachable(options.pgUrl))) return `PostgreSQL not measured: nothing answers at ${new URL(options.pgUrl).host} (set OMMI_BENCH_PG_URL)`;
  const target = { kind: "postgres", url: options.pgUrl, schema: "ommi_bench" } as const;
  const factories = suite.factories.filter((factory) => !options.only || options.only.includes(factory.name.toLowerCase()));
  for (const factory of suite.id === "core" ? factories : []) {
    const reason = await factory.unavailable?.(target);
    if (reason) return `PostgreSQL not measured: ${reason}`;
  }
  return postgres(options.pgUrl, await serverVersion(options.pgUrl));
}

/** A name in OMMI_BENCH_WORKLOADS that is neither a suite nor a workload is a mistake, not an empty run. */
function checkSelection(options: BenchOptions, all: readonly { readonly id: string; readonly workloads: readonly { readonly id: string }[] }[]): void {
  const known = new Set(all.flatMap((suite) => [suite.id, ...suite.workloads.map((workload) => workload.id)]));
  const unknown = options.workloads?.filter((name) => !known.has(name)) ?? [];
  if (unknown.length) throw new Error(`OMMI_BENCH_WORKLOADS names ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
}

const NOTES = [
  "SQLite: each library has its own in-memory database on one better-sqlite3 connection, foreign keys on. PostgreSQL: each library has its own schema and one connection; Kysely and TypeORM run on node-postgres (pg), their documented driver, the others on postgres.js.",
  "Each library does each workload its own idiomatic way (see bench/libraries/). Ommi validates every row and patch with Zod and converts SQLite's 0/1 to booleans; the raw driver does neither.",
  "Bulk inserts: raw SQLite and Drizzle (prepared) run one prepared single-row INSERT per row in a transaction; the others send multi-row INSERTs of 1,000 rows in a transaction; raw PostgreSQL sends one INSERT of all rows.",
  "Cross-model fetch: Ommi filters with an IN subquery (its query compiler); the others join Book to Author.",
  "Streaming: Drizzle 0.45 has no streaming API, TypeORM streams only on mysql/postgres with pg-query-stream, and Kysely on PostgreSQL needs pg-cursor (not installed): those cells are n/a. Memory is sampled every 1,000 rows, against a baseline taken after a full GC. The JS heap figure includes garbage not yet collected: rows that arrive in batches over a socket (PostgreSQL) live long enough to be promoted to the old generation, which V8 then lets grow before collecting it. RSS is the process's, so it depends on what ran before in the same process.",
  "Before each timed run only the young generation is collected: a full GC before every run makes V8 discard compiled code and would time each library's warm-up again.",
];

const STRUCTURED_NOTES = [
  "Structured fields: the raw driver stores JSON text on SQLite (JSON.stringify in, JSON.parse out; `->>` and `json_each` in conditions) and jsonb on PostgreSQL through postgres.js, whose json/jsonb types are JSON.stringify and JSON.parse; Drizzle uses `text({ mode: \"json\" })` on SQLite and `json()` or `jsonb()` on PostgreSQL, with conditions written as `sql` fragments (it has no JSON operators). Membership is containment (`@>`) on PostgreSQL; the GIN index (jsonb_path_ops) is on the jsonb column, or on `(tags::jsonb)` for a json column, as Ommi creates it for `fields: { tags: Index }`. Every library returns the rows with address and tags decoded.",
];

const RELATIONS_NOTES = [
  "Relations: 100 users, 20 tags, 1,000 posts each with an author (Post.authorId → User) and 0 to 3 tags through PostTag (postId, tagId: the key, each a reference), the same tables and rows for every library. Each load's answer counts the authors and tag links that match the data, so every library loads the same rows. Include: Ommi `find(Post).include({ author: true, tags: true })`; Drizzle's relational queries `db.query.posts.findMany({ with: { author: true, postTags: { with: { tag: true } } } })` (the tags through the PostTag rows, as Drizzle declares a many-to-many), synchronous on better-sqlite3; TypeORM `find({ relations: { author: true, tags: true } })` with a many-to-many through PostTag (`EntitySchema`s). Lazy: the posts, then for each post in turn its author and its tags: Ommi `await post.author` and `await post.tags`; Drizzle has no lazy relations, so the two queries a Drizzle user writes per post (the author by key, the tags joined through PostTag); TypeORM's lazy relations (`lazy: true`, `await post.author`).",
  "Statements are what each library sends to its database, counted by a hook of its own: Ommi's driver operations (the Driver object's `fetch`, `count`, `add`, `update` and `delete`, wrapped; each sends one statement, which counting better-sqlite3's statement runs and PostgreSQL's committed transactions confirmed), Drizzle's `logger` option (`logQuery`, once per query) and TypeORM's custom logger (`logQuery`, once per query its query runner sends). Include sends as many statements for 100 posts as for 1,000: Ommi 4 (the posts; their authors by key; the PostTag rows of the posts, then their tags), Drizzle 1 (the relations as JSON: subqueries on SQLite, lateral joins on PostgreSQL), TypeORM 1 (LEFT JOINs, a result row per post and tag). Lazy loads send 1 statement for the posts, then per post: Drizzle and TypeORM 2 (the author; the tags joined through PostTag), Ommi 2 or 3 (the author; the PostTag rows; their tags, when there are some).",
];

async function main(): Promise<void> {
  const started = performance.now();
  const options = readOptions();
  const all: readonly Suite<SuiteLibrary>[] = suites(options);
  checkSelection(options, all);
  const chosen = all.filter((suite) => suite.workloads.some((workload) => selected(workload, suite, options)));
  const loadAtStart = loadAverage();
  const machine = describeMachine();
  const results: SuiteResult[] = [];
  const notes = [
    ...(chosen.some((suite) => suite.id === "core") ? NOTES : []),
    ...(chosen.some((suite) => suite.id === "structured") ? STRUCTURED_NOTES : []),
    ...(chosen.some((suite) => suite.id === "relations") ? RELATIONS_NOTES : []),
  ];
  for (const suite of chosen) results.push(await runSuite(sqlite, suite, options));
  for (const suite of chosen) {
    const pg = await postgresSuite(suite, options);
    if (typeof pg === "string") notes.unshift(suite.title ? `${pg} (${suite.title})` : pg);
    else results.push(await runSuite(pg, suite, options));
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  machine.push(`- Load average (1 min) ${loadAtStart} at the start and ${loadAverage()} at the end of the run, which took ${minutes} min`);
  const report = renderReport(machine, results, notes, options);
  process.stdout.write(report);
  writeFileSync(new URL("./results.md", import.meta.url), report);
}

await main();
