import type { IsolationLevel } from "../../src/kit/driver.js";
import { poolOptionsProblem, serverTimeoutsProblem, type PoolOptions } from "../sql/pool-options.js";

// Published as `ommi/postgres`'s options, so nothing here names postgres.js's types (which need
// @types/node): postgres.js's settings are made in settings.ts.

export interface PostgreSQLOptions extends PoolOptions {
  /**
   * Seconds an unused connection stays open before it closes (the pool opens it again when
   * needed); 10 unless given. Open connections keep a Node process running, so a database left
   * unclosed lets the process exit this long after its last query. 0 keeps idle connections
   * open until `close()`.
   */
  idleTimeout?: number;
  /**
   * The PostgreSQL schema that holds Ommi's tables: every connection's `search_path`, created by
   * `createModels()` when missing. Unless given, the server's search_path decides (usually `public`).
   */
  schema?: string;
  /** The isolation level of transactions that do not choose one (`db.transaction(fn, { isolation })`); PostgreSQL's default ("read committed") unless given. */
  isolation?: IsolationLevel;
  /** TLS, as postgres.js takes it (`true`, `"require"`, `"verify-full"`, or tls.connect options). */
  ssl?: "require" | "allow" | "prefer" | "verify-full" | boolean | object;
  /**
   * Milliseconds any one statement may run; the server stops it (also when the client is gone)
   * and the call fails with a TimeoutError (limit "statement"). The server's setting unless given.
   */
  statementTimeout?: number;
  /**
   * Milliseconds a statement may wait for a lock another transaction holds, then fails with a
   * retryable TimeoutError (limit "lock"). The server's setting (no limit) unless given.
   */
  lockTimeout?: number;
}

/** Long enough that a busy application rarely reconnects, short enough that a forgotten `close()` does not hang a script. */
export const DEFAULT_IDLE_TIMEOUT = 10;

/** Problems with the options themselves, found before any connection is tried. */
export function checkOptions(options: PostgreSQLOptions): string | undefined {
  const problem = poolOptionsProblem(options);
  if (problem) return problem;
  if (options.idleTimeout !== undefined && !(options.idleTimeout >= 0 && Number.isFinite(options.idleTimeout))) {
    return `idleTimeout must be a number of seconds (0 or more), got ${options.idleTimeout}`;
  }
  if (options.schema !== undefined && (typeof options.schema !== "string" || options.schema === "")) return "schema must be a non-empty string";
  return serverTimeoutsProblem(options);
}
