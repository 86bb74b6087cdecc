/**
 * `npm run bench [-- --quick]`: the same workloads through Ommi (plain and prepared), the raw
 * drivers, Drizzle (plain and prepared), Kysely and TypeORM, in one process, interleaved round
 * by round; then the structured-fields workloads (issue 10) through Ommi, the raw drivers with
 * JSON and Drizzle's json/jsonb columns; then the relations workloads (issue 11: include and lazy
 * loads) through Ommi, Drizzle's relational queries and TypeORM's relations. SQLite, PostgreSQL,
 * MySQL/MariaDB (every suite, on mysql2, at OMMI_BENCH_MYSQL_URL), then MongoDB (issue 12: the
 * core and structured workloads through Ommi and the official client, on the local stand-in
 * unless OMMI_BENCH_MONGO_URL names a real server). Prints a Markdown
 * report and writes it to bench/results.md. Options (databases, libraries, workloads, rounds): see options.ts.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { BenchLibrary, LibraryFactory } from "./library.js";
import { drizzle } from "./libraries/drizzle.js";
import { drizzlePrepared } from "./libraries/drizzle-prepared.js";
import { kysely } from "./libraries/kysely.js";
import { ommi } from "./libraries/ommi.js";
import { ommiPrepared } from "./libraries/ommi-prepared.js";
import { raw } from "./libraries/raw.js";
import { typeorm } from "./libraries/typeorm.js";
import { describeMachine, loadAverage } from "./machine.js";
import { mongoSuiteTarget, openMongoServer } from "./mongodb.js";
import { describeMySQL, mysqlSuiteTarget } from "./mysql.js";
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

/** Report order: the baseline first, then Ommi (plain, then prepared), then the others. */
const FACTORIES: readonly LibraryFactory[] = [raw, ommi, ommiPrepared, drizzle, drizzlePrepared, kysely, typeorm];
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

/**
 * MySQL or MariaDB, whichever answers at OMMI_BENCH_MYSQL_URL: every chosen suite, each library in
 * a fresh database of its own on the server (a library that cannot run there says why, and the others go on).
 */
async function measureMySQL(chosen: readonly Suite<SuiteLibrary>[], options: BenchOptions, results: SuiteResult[], notes: string[]): Promise<void> {
  const server = await describeMySQL(options.mysqlUrl);
  if ("reason" in server) {
    notes.unshift(`MySQL/MariaDB not measured: ${server.reason} (set OMMI_BENCH_MYSQL_URL)`);
    return;
  }
  const target = mysqlSuiteTarget(options.mysqlUrl, server);
  for (const suite of chosen) results.push(await runSuite(target, suite, options));
  notes.push(...mysqlNotes(server.label, chosen));
}

/**
 * The stand-in runs MongoDB's engine in Python: the full run would take many minutes there, so it
 * gets fewer rounds and a shorter stream (a real server, OMMI_BENCH_MONGO_URL, gets the full run).
 * Both libraries of a table are measured alike; the report states each table's rounds, and the
 * stream's name its rows.
 */
const STANDIN_SCALE = { rounds: 5, warmup: 1, streamRows: 20_000, streamRounds: 1 } as const;

function standinOptions(options: BenchOptions): BenchOptions {
  return {
    ...options,
    rounds: Math.min(options.rounds, STANDIN_SCALE.rounds),
    warmup: Math.min(options.warmup, STANDIN_SCALE.warmup),
    streamRows: Math.min(options.streamRows, STANDIN_SCALE.streamRows),
    streamRounds: Math.min(options.streamRounds, STANDIN_SCALE.streamRounds),
  };
}

/**
 * MongoDB: the core and structured suites, with the libraries that can run there (the raw
 * client and Ommi; the SQL libraries report themselves unavailable and the others go on).
 * Relations stay SQL-only: with no MongoDB baseline written, times on the stand-in would say nothing.
 */
async function measureMongoDB(chosen: readonly Suite<SuiteLibrary>[], options: BenchOptions, results: SuiteResult[], notes: string[]): Promise<void> {
  const mongoChosen = chosen.filter((suite) => suite.id !== "relations");
  if (!mongoChosen.length) {
    notes.push("MongoDB not measured: the relations workloads are SQL-only (no raw-client baseline for them is written).");
    return;
  }
  const server = await openMongoServer(options.mongoUrl);
  if (typeof server === "string") {
    notes.unshift(server);
    return;
  }
  try {
    const measured = server.standin ? standinOptions(options) : options;
    notes.push(...(server.standin ? mongodbStandinNotes(measured) : []), ...MONGODB_NOTES);
    const target = mongoSuiteTarget(server);
    const all: readonly Suite<SuiteLibrary>[] = suites(measured);
    for (const suite of all.filter((each) => mongoChosen.some((chosenSuite) => chosenSuite.id === each.id))) {
      results.push(await runSuite(target, suite, measured));
    }
  } finally {
    await server.stop();
  }
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
  "Ommi (prepared): each query built once with placeholders (`find(...).prepare()`), its values given per call, as Drizzle (prepared) builds its statements once; its lookup takes the row with `one({ id }).valueOr(undefined)`, where the Ommi column reads `(await one()).ok`. Inserts and the stream are Ommi's own calls.",
  "Streaming: Drizzle 0.45 streams only on MySQL (`iterator()` on mysql2), TypeORM streams on MySQL and, with pg-query-stream (not installed), on PostgreSQL, and Kysely on PostgreSQL needs pg-cursor (not installed): the other cells are n/a. Memory is sampled every 1,000 rows, against a baseline taken after a full GC. The JS heap figure includes garbage not yet collected: rows that arrive in batches over a socket (PostgreSQL) live long enough to be promoted to the old generation, which V8 then lets grow before collecting it. RSS is the process's, so it depends on what ran before in the same process.",
  "Before each timed run only the young generation is collected: a full GC before every run makes V8 discard compiled code and would time each library's warm-up again.",
];

const STRUCTURED_NOTES = [
  "Structured fields: the raw driver stores JSON text on SQLite (JSON.stringify in, JSON.parse out; `->>` and `json_each` in conditions) and jsonb on PostgreSQL through postgres.js, whose json/jsonb types are JSON.stringify and JSON.parse; Drizzle uses `text({ mode: \"json\" })` on SQLite and `json()` or `jsonb()` on PostgreSQL, with conditions written as `sql` fragments (it has no JSON operators). Membership is containment (`@>`) on PostgreSQL; the GIN index (jsonb_path_ops) is on the jsonb column, or on `(tags::jsonb)` for a json column, as Ommi creates it for `fields: { tags: Index }`. Every library returns the rows with address and tags decoded.",
];

const RELATIONS_NOTES = [
  "Relations: 100 users, 20 tags, 1,000 posts each with an author (Post.authorId → User) and 0 to 3 tags through PostTag (postId, tagId: the key, each a reference), the same tables and rows for every library. Each load's answer counts the authors and tag links that match the data, so every library loads the same rows. Include: Ommi `find(Post).include({ author: true, tags: true })`; Drizzle's relational queries `db.query.posts.findMany({ with: { author: true, postTags: { with: { tag: true } } } })` (the tags through the PostTag rows, as Drizzle declares a many-to-many), synchronous on better-sqlite3; TypeORM `find({ relations: { author: true, tags: true } })` with a many-to-many through PostTag (`EntitySchema`s). Lazy: the posts, then for each post in turn its author and its tags: Ommi `await post.author` and `await post.tags`; Drizzle has no lazy relations, so the two queries a Drizzle user writes per post (the author by key, the tags joined through PostTag); TypeORM's lazy relations (`lazy: true`, `await post.author`).",
  "Statements are what each library sends to its database, counted by a hook of its own: Ommi's driver operations (the Driver object's `fetch`, `count`, `add`, `update` and `delete`, wrapped; each sends one statement, which counting better-sqlite3's statement runs and PostgreSQL's committed transactions confirmed), Drizzle's `logger` option (`logQuery`, once per query) and TypeORM's custom logger (`logQuery`, once per query its query runner sends). Include sends as many statements for 100 posts as for 1,000: Ommi 4 (the posts; their authors by key; the PostTag rows of the posts, then their tags), Drizzle 1 (the relations as JSON: subqueries on SQLite, lateral joins on PostgreSQL), TypeORM 1 (LEFT JOINs, a result row per post and tag). Lazy loads send 1 statement for the posts, then per post: Drizzle and TypeORM 2 (the author; the tags joined through PostTag), Ommi 2 or 3 (the author; the PostTag rows; their tags, when there are some).",
];

const MYSQL_NOTES = {
  core: "each library has a fresh database of its own on the server (`ommi_bench_<run>_<library>`, created before it sets up and dropped after) and one connection, all on mysql2: the raw driver, Drizzle (drizzle-orm/mysql2) and Ommi (`max: 1`) on a connection each, Kysely on a mysql2 pool of one (MysqlDialect), TypeORM on its mysql driver with `poolSize: 1` (type \"mariadb\" on MariaDB, as its docs say, \"mysql\" on MySQL). The raw driver runs every statement prepared on the server (`execute`, cached by mysql2) and bulk inserts as multi-row INSERTs of 1,000 rows in one transaction; Ommi runs prepared statements too (`execute`, integers bound as 64-bit integers); Drizzle and Kysely send theirs through mysql2's `query` (the values escaped into the text by mysql2; Drizzle's `.prepare()` builds the SQL once). Tables for the raw driver, Drizzle and Kysely: int AUTO_INCREMENT keys, text, boolean (TINYINT(1)) and double columns; Ommi creates bigint keys and LONGTEXT (utf8mb4_nopad_bin) text itself, TypeORM (synchronize) int, text, tinyint and double. Streams: the raw driver `execute(...).stream()`, Drizzle `iterator()`, Kysely `stream()`, TypeORM's query builder `stream()` (raw rows, not entities), Ommi pages of 1,000 rows by key.",
  structured:
    "the raw driver stores JSON columns (on MariaDB an alias of LONGTEXT with a JSON_VALID check): JSON.stringify in, JSON.parse out, prepared statements, the path condition `JSON_VALUE(address, '$.city') = ?`, membership `JSON_CONTAINS(tags, ?)` with the tag as JSON; Drizzle the same conditions as `sql` fragments, on a `customType` JSON column that parses what it reads (Drizzle's `json()` hands MariaDB's JSON over as text, undecoded); Ommi its own JSON text in LONGTEXT, its membership condition read with JSON_TABLE. No GIN-index workload: MySQL and MariaDB have no such index (a multi-valued index is MySQL 8's only), and Drizzle (jsonb) has no jsonb there.",
  relations:
    "the same tables with int keys and InnoDB foreign keys. Drizzle's include is n/a on MariaDB: its relational queries cannot run there in either of their modes (\"default\" joins LATERAL subqueries, which MariaDB lacks; \"planetscale\" reads each relation through a derived table that names the outer row, which MariaDB refuses); on MySQL 8 they run in the default mode. Its lazy loads are the two queries per post, as elsewhere.",
};

const MONGODB_NOTES = [
  "MongoDB: each library has its own database on the server (dropped before and after) and one connection (`maxPoolSize: 1`). Drizzle, Kysely and TypeORM are SQL libraries: they report themselves unavailable there and the raw client and Ommi run alone. The raw driver is the official `mongodb` client: insert is insertMany in batches of 1,000 (the client gives each document an ObjectId), all in one `withTransaction` session when the server has transactions (a replica set; the stand-in advertises one), because Ommi's add of many rows runs in a transaction there: both inserts are atomic; fetch is `find(filter).toArray()`; lookup `findOne({ _id })` (setup gives the users the integer `_id`s 1, 2, ... that Ommi generates); count `countDocuments`; update `updateMany` with `$set` (the matched count, as SQL counts rows); the cross-model fetch as a raw user writes it, the authors' `_id`s in the country (a find with a projection) then `find({ authorId: { $in: ids } })`; the stream one `find()` cursor. Ommi: the same models and calls as on SQL. Its generated integer keys come from a counters collection (one `findOneAndUpdate` with `$inc` per add), so its insert sends one command more, and one `insertMany` of all the rows, in a transaction; its cross-model condition is a select-in (the authors' keys by a `$group` aggregation, then the books with `$in`): the same two round trips as the raw client; its stream reads pages of 1,000 documents by key (`_id` greater than the last one, sorted, limited), one `find` per page, where the raw client iterates one cursor.",
  "MongoDB, structured fields: both libraries store the address as a sub-document and the tags as an array, natively; the path condition is `{ \"address.city\": ... }`, membership `{ tags: ... }`, with no index (the GIN-index workload is PostgreSQL's). The relations workloads stay SQL-only: no raw-client baseline for them is written, and times on the stand-in alone would say nothing.",
];

/** What the MySQL/MariaDB tables need said, for the suites that ran there. */
function mysqlNotes(server: string, chosen: readonly Suite<SuiteLibrary>[]): string[] {
  const ran = (id: string) => chosen.some((suite) => suite.id === id);
  return [
    ...(ran("core") ? [`${server}: ${MYSQL_NOTES.core}`] : []),
    ...(ran("structured") ? [`${server}, structured fields: ${MYSQL_NOTES.structured}`] : []),
    ...(ran("relations") ? [`${server}, relations: ${MYSQL_NOTES.relations}`] : []),
  ];
}

/** Said whenever the MongoDB figures come from the stand-in, with the rounds and rows it got. */
function mongodbStandinNotes(measured: BenchOptions): string[] {
  const count = (value: number) => value.toLocaleString("en");
  return [
    "**The MongoDB figures come from a stand-in, not from MongoDB**: test/support/mongo-standin serves MongoDB's wire protocol with mongomock, an in-memory MongoDB engine written in Python, as the engine (no real MongoDB can be installed here). Its times are Python's and say nothing about how fast MongoDB, or Ommi on MongoDB, is; only the comparison of Ommi with the raw client on the same stand-in means anything, and even that is blurred: the slow server's time dominates each call, so Ommi's own client-side cost weighs less in the ratios than it would on a real server, while every extra command Ommi sends weighs more. Ommi's stream reads pages by key (`_id` greater than the last, sorted, 1,000 documents); the stand-in serves such pages from an ordered `_id` list, as a real server does from its `_id` index (before it did, each page filtered and sorted the whole collection, and the stream ratio grew with the collection). Set OMMI_BENCH_MONGO_URL to a real MongoDB (a replica set, for transactions) for real figures and the full run.",
    `MongoDB stand-in run length: to keep the run within minutes, its tables have ${count(measured.rounds)} rounds after ${count(measured.warmup)} warm-up round${measured.warmup === 1 ? "" : "s"} and the stream ${count(measured.streamRows)} rows measured ${measured.streamRounds === 1 ? "once" : `${count(measured.streamRounds)} times`} (as each table and the stream's name say); every other workload has the same rows as on SQLite and PostgreSQL, and both libraries of a table are measured alike.`,
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = readOptions();
  const all: readonly Suite<SuiteLibrary>[] = suites(options);
  checkSelection(options, all);
  const chosen = all.filter((suite) => suite.workloads.some((workload) => selected(workload, suite, options)));
  const loadAtStart = loadAverage();
  const machine = describeMachine();
  const results: SuiteResult[] = [];
  const onSql = options.databases.some((database) => database !== "mongodb");
  const notes = [
    ...(onSql && chosen.some((suite) => suite.id === "core") ? NOTES : []),
    ...(onSql && chosen.some((suite) => suite.id === "structured") ? STRUCTURED_NOTES : []),
    ...(onSql && chosen.some((suite) => suite.id === "relations") ? RELATIONS_NOTES : []),
  ];
  if (options.databases.includes("sqlite")) for (const suite of chosen) results.push(await runSuite(sqlite, suite, options));
  for (const suite of options.databases.includes("postgres") ? chosen : []) {
    const pg = await postgresSuite(suite, options);
    if (typeof pg === "string") notes.unshift(suite.title ? `${pg} (${suite.title})` : pg);
    else results.push(await runSuite(pg, suite, options));
  }
  if (options.databases.includes("mysql")) await measureMySQL(chosen, options, results, notes);
  if (options.databases.includes("mongodb")) await measureMongoDB(chosen, options, results, notes);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  machine.push(`- Load average (1 min) ${loadAtStart} at the start and ${loadAverage()} at the end of the run, which took ${minutes} min`);
  const report = renderReport(machine, results, notes, options);
  process.stdout.write(report);
  writeFileSync(new URL("./results.md", import.meta.url), report);
}

await main();
