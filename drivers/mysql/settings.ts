import type { PoolOptions } from "mysql2/promise";
import type { SessionLimits } from "./limits.js";
import { DEFAULT_CONNECT_TIMEOUT, DEFAULT_POOL_SIZE } from "../sql/pool-options.js";
import type { MySQLOptions } from "./options.js";

/**
 * What every session runs first. Strict mode for every table, so a value a column cannot hold
 * (text past a VARCHAR key's length) fails instead of being cut; no
 * NO_BACKSLASH_ESCAPES (LIKE's escape is written '\\', see text-match.ts) and no ANSI_QUOTES
 * (identifiers are in backticks); UTC, so NOW() and any TIMESTAMP the user reads agree with
 * Ommi's dates; on MariaDB (the `/*M!` comment is run by MariaDB only) no server-wide regex
 * flags, which could make `^` match after a newline or spaces in a pattern mean nothing; and the
 * time limits given when connecting (limits.ts). Session settings only: the server's global ones
 * are left as they are.
 */
export function sessionSettings(limits: SessionLimits): string {
  const settings = "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO', time_zone = '+00:00' /*M!100500 , default_regex_flags = '' */";
  return [settings, ...limits.initial()].join(", ");
}

/**
 * Prepared statements kept per connection. The server counts every connection's together
 * against one global limit (max_prepared_stmt_count, 16,382 by default), shared with every other
 * client; Ommi's statements have few shapes, so a small cache costs little.
 */
const PREPARED_PER_CONNECTION = 256;

/** The database the options name, from `database` or the url's path. */
export function databaseOf(options: MySQLOptions): string | undefined {
  if (options.database !== undefined) return options.database;
  if (options.url === undefined) return undefined;
  const path = decodeURIComponent(new URL(options.url).pathname.replace(/^\//, ""));
  return path === "" ? undefined : path;
}

/** mysql2's pool options for Ommi's: values kept exact (see dialect.ts) and a bounded statement cache. */
export function mysql2Options(options: MySQLOptions, database: string): PoolOptions {
  const url = options.url === undefined ? undefined : new URL(options.url);
  return {
    host: options.host ?? (url?.hostname || "127.0.0.1"),
    port: options.port ?? (url?.port ? Number(url.port) : 3306),
    user: options.user ?? (url?.username ? decodeURIComponent(url.username) : "root"),
    password: options.password ?? (url?.password ? decodeURIComponent(url.password) : undefined),
    database,
    connectionLimit: options.max ?? DEFAULT_POOL_SIZE,
    connectTimeout: (options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 1000,
    charset: "UTF8MB4_BIN",
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    timezone: "Z",
    maxPreparedStatements: PREPARED_PER_CONNECTION,
    // No "long stack traces": mysql2 would capture a stack on every call (about 10 µs, a tenth of a
    // local key lookup) for its errors, which Ommi wraps in errors of its own, with their own stacks.
    trace: false,
    // FOUND_ROWS (mysql2's default, said here because `changes` relies on it): an UPDATE counts the rows it
    // matched, as on every Ommi driver, not only those whose values changed. No LOCAL_FILES: a statement
    // (or a server) may not make the client send a local file (LOAD DATA LOCAL INFILE).
    flags: ["FOUND_ROWS", "-LOCAL_FILES"],
  };
}
