import type { UserInput } from "./data.js";

/** A value now (synchronous drivers) or later: each library answers the way it naturally does. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * A MySQL or MariaDB server (its URL) and the library's own database on it (MySQL's schemas are
 * databases); `mariadb` says which server it is, for libraries whose documentation configures them apart (TypeORM).
 */
export type MySqlTarget = { readonly kind: "mysql"; readonly url: string; readonly database: string; readonly mariadb: boolean };

/** Where a SQL library runs: its own in-memory SQLite database, its own PostgreSQL schema, or its own MySQL database. */
export type SqlTarget = { readonly kind: "sqlite" } | { readonly kind: "postgres"; readonly url: string; readonly schema: string } | MySqlTarget;

/** A MongoDB server (a real one, or the local stand-in) and the library's own database on it. */
export type MongoTarget = { readonly kind: "mongodb"; readonly url: string; readonly database: string };

/** Where a library runs. */
export type Target = SqlTarget | MongoTarget;

/**
 * One library, connected and set up, doing each workload its own idiomatic way. Tables (same
 * shape for every library): User, UserInsert and UserStream (id, name, age, email, active,
 * score), Author (id, name, country) and Book (id, title, authorId → Author, year).
 */
export interface BenchLibrary {
  /** Creates the tables and loads users, authors and books (not timed). */
  setup(): Promise<void>;
  /** Stores the rows in UserInsert in one call or one transaction. */
  insert(rows: UserInput[]): MaybePromise<unknown>;
  /** Empties UserInsert between rounds (not timed). */
  clearInserted(): MaybePromise<unknown>;
  /** The users with `age < FILTERS.fetchBelowAge`; returns how many. */
  fetchFiltered(): MaybePromise<number>;
  /** The user with this key; returns whether it was found. */
  lookup(id: number): MaybePromise<boolean>;
  /** How many users have `age >= FILTERS.countFromAge` and are active. */
  count(): MaybePromise<number>;
  /** Sets `score` on the users with `age < FILTERS.updateBelowAge`; returns how many changed. */
  update(score: number): MaybePromise<number>;
  /** The books whose author lives in `FILTERS.authorCountry`; returns how many. */
  crossModel(): MaybePromise<number>;
  /** Fills UserStream (not timed); only libraries with a streaming API have it. */
  loadStream?(batches: Iterable<UserInput[]>): Promise<void>;
  /** Every UserStream row, one at a time, without holding them all. */
  stream?(): Iterable<unknown> | AsyncIterable<unknown>;
  /** Drops what setup created and closes the connection. */
  teardown(): Promise<void>;
}

/** A library the benchmark knows: its name, and how to open it on a target (for the core workloads, or `L`'s). */
export interface LibraryFactory<L = BenchLibrary> {
  readonly name: string;
  /** Why it cannot run on this target here (e.g. a driver not written yet); undefined when it can. */
  unavailable?(target: Target): Promise<string | undefined>;
  open(target: Target): Promise<L>;
}

/** What a SQL-only library declares: its name, how it opens on SQLite, PostgreSQL or MySQL, and why it cannot there, if it cannot. */
export interface SqlLibraryFactory<L> {
  readonly name: string;
  unavailable?(target: SqlTarget): Promise<string | undefined>;
  open(target: SqlTarget): Promise<L>;
}

/** A library that speaks SQL only (Drizzle, Kysely, TypeORM): on MongoDB it reports itself unavailable. */
export function sqlOnly<L>(factory: SqlLibraryFactory<L>): LibraryFactory<L> {
  return {
    name: factory.name,
    unavailable: (target) =>
      target.kind === "mongodb" ? Promise.resolve(`${factory.name} is a SQL library; it has no MongoDB support`) : (factory.unavailable?.(target) ?? Promise.resolve(undefined)),
    open: (target) => (target.kind === "mongodb" ? Promise.reject(new Error(`${factory.name} cannot run on MongoDB`)) : factory.open(target)),
  };
}

/** Rows per statement for libraries that insert many rows per statement: under every database's parameter limit (MySQL's is 65,535). */
export const INSERT_CHUNK = 1000;

export function chunks<T>(rows: readonly T[], size = INSERT_CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}
