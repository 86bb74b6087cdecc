import type { IsolationLevel } from "../../src/kit/driver.js";
import { ISOLATION_LEVELS, poolOptionsProblem, type PoolOptions } from "../sql/pool-options.js";

// Published as `ommi/mysql`'s options, so nothing here names mysql2's types: mysql2's settings are made in settings.ts.

export interface MySQLOptions extends PoolOptions {
  /** The database that holds Ommi's tables (every statement names it); required, here or in the url. */
  database?: string;
  /** The isolation level of transactions that do not choose one; the server's default (InnoDB: "repeatable read") unless given. */
  isolation?: IsolationLevel;
}

export const DEFAULT_CONNECT_TIMEOUT = 10;
export const DEFAULT_POOL_SIZE = 10;

export { ISOLATION_LEVELS };

/** Problems with the options themselves, found before any connection is tried. */
export function checkOptions(options: MySQLOptions): string | undefined {
  const problem = poolOptionsProblem(options);
  if (problem) return problem;
  if (options.database !== undefined && (typeof options.database !== "string" || options.database === "")) return "database must be a non-empty string";
  return undefined;
}
