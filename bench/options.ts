import { DEFAULT_MYSQL_URL } from "./mysql.js";
import { DEFAULT_PG_URL } from "./postgres.js";

/** In the order they are measured and reported ("mysql" is MySQL or MariaDB, whichever answers at OMMI_BENCH_MYSQL_URL). */
export const DATABASES = ["sqlite", "postgres", "mysql", "mongodb"] as const;
export type DatabaseId = (typeof DATABASES)[number];

export interface BenchOptions {
  /** Measured rounds per workload (each library once per round), after `warmup` unmeasured ones. */
  readonly rounds: number;
  readonly warmup: number;
  /** Rows in the streaming table, and measured rounds of the stream (it is long enough to warm itself). */
  readonly streamRows: number;
  readonly streamRounds: number;
  readonly pgUrl: string;
  /** A MySQL or MariaDB server (OMMI_BENCH_MYSQL_URL); each library gets a fresh database of its own there. */
  readonly mysqlUrl: string;
  /** A real MongoDB server (OMMI_BENCH_MONGO_URL); without it the benchmark starts the local stand-in. */
  readonly mongoUrl: string | undefined;
  /** The databases to measure (OMMI_BENCH_DATABASES, e.g. "sqlite,mysql"; all of them by default). */
  readonly databases: readonly DatabaseId[];
  /** Only these libraries (by name, case-insensitive), when OMMI_BENCH_LIBS lists some. */
  readonly only: readonly string[] | undefined;
  /**
   * Only these workloads, when OMMI_BENCH_WORKLOADS lists some: a suite ("core", "structured",
   * "relations") or workload ids (insert, fetch, lookup, count, update, cross, stream;
   * structured-insert, structured-fetch, path, has, has-gin; include, include-100, lazy, lazy-100).
   */
  readonly workloads: readonly string[] | undefined;
  readonly quick: boolean;
}

/** A comma-separated list, lower-cased; undefined when empty. */
function list(name: string): string[] | undefined {
  const items = process.env[name]?.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean);
  return items?.length ? items : undefined;
}

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

function databases(): DatabaseId[] {
  const names = list("OMMI_BENCH_DATABASES");
  if (!names) return [...DATABASES];
  const unknown = names.filter((name) => !(DATABASES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`OMMI_BENCH_DATABASES names ${unknown.join(", ")}; known: ${DATABASES.join(", ")}`);
  return DATABASES.filter((name) => names.includes(name));
}

/**
 * `--quick` (a smoke run of well under a minute) and the environment: OMMI_BENCH_ROUNDS,
 * OMMI_BENCH_STREAM_ROWS, OMMI_BENCH_PG_URL, OMMI_BENCH_MYSQL_URL, OMMI_BENCH_MONGO_URL,
 * OMMI_BENCH_DATABASES (e.g. "sqlite,mongodb", or "mysql"), OMMI_BENCH_LIBS (e.g. "raw driver,Ommi"),
 * OMMI_BENCH_WORKLOADS (e.g. "structured", "relations", or "fetch,has-gin").
 */
export function readOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const unknown = argv.filter((argument) => argument !== "--quick");
  if (unknown.length) throw new Error(`unknown argument(s) ${unknown.join(" ")}; the only flag is --quick`);
  const quick = argv.includes("--quick");
  const only = list("OMMI_BENCH_LIBS");
  const workloads = list("OMMI_BENCH_WORKLOADS");
  return {
    rounds: positiveInteger("OMMI_BENCH_ROUNDS", quick ? 3 : 10),
    warmup: quick ? 1 : 2,
    streamRows: positiveInteger("OMMI_BENCH_STREAM_ROWS", quick ? 50_000 : 1_000_000),
    streamRounds: quick ? 1 : 3,
    pgUrl: process.env.OMMI_BENCH_PG_URL || DEFAULT_PG_URL,
    mysqlUrl: process.env.OMMI_BENCH_MYSQL_URL || DEFAULT_MYSQL_URL,
    mongoUrl: process.env.OMMI_BENCH_MONGO_URL || undefined,
    databases: databases(),
    only,
    workloads,
    quick,
  };
}
