import type { IsolationLevel } from "../../src/kit/driver.js";
import { poolOptionsProblem, serverTimeoutsProblem, type PoolOptions } from "../sql/pool-options.js";

// Published as `ommi/mysql`'s options, so nothing here names mysql2's types: mysql2's settings are made in settings.ts.

export interface MySQLOptions extends PoolOptions {
  /** The database that holds Ommi's tables (every statement names it); required, here or in the url. */
  database?: string;
  /** The isolation level of transactions that do not choose one; the server's default (InnoDB: "repeatable read") unless given. */
  isolation?: IsolationLevel;
  /**
   * Milliseconds any one statement may run; the server stops it and the call fails with a
   * TimeoutError (limit "statement"). MariaDB stops any statement (`max_statement_time`); MySQL
   * stops only SELECTs (`max_execution_time`), so there writes run to the end. The server's
   * setting (no limit) unless given.
   */
  statementTimeout?: number;
  /**
   * Milliseconds a statement may wait for a lock another transaction holds (a row, or a table
   * during DDL), then fails with a retryable TimeoutError (limit "lock"). MySQL counts whole
   * seconds, so this is rounded up: 100 waits 1 second. The server's setting (InnoDB: 50
   * seconds) unless given.
   */
  lockTimeout?: number;
}

/** Problems with the options themselves, found before any connection is tried. */
export function checkOptions(options: MySQLOptions): string | undefined {
  const problem = poolOptionsProblem(options);
  if (problem) return problem;
  if (options.database !== undefined && (typeof options.database !== "string" || options.database === "")) return "database must be a non-empty string";
  return serverTimeoutsProblem(options);
}
