import { QueryError, timeoutProblem } from "../../src/kit/driver.js";

/** Time limits of a session, in milliseconds (`statementTimeout`, `lockTimeout`); one left out is the server's own setting. */
export interface Limits {
  readonly statementTimeout?: number | undefined;
  readonly lockTimeout?: number | undefined;
}

/** `ms`, once it is known to be a whole number of milliseconds in range: it is spelled into SQL (SET takes no bound parameters). */
function checked(ms: number, name: string): number {
  const problem = timeoutProblem(name, ms);
  if (problem) throw new QueryError(problem);
  return ms;
}

/**
 * How long a statement may run, as each server spells it: MariaDB's `max_statement_time`
 * (seconds, to the microsecond; any statement) and MySQL's `max_execution_time` (milliseconds;
 * SELECT only). Each server runs only its own executable comment: MySQL skips `/*M!`, and
 * MariaDB skips `/*!` comments of MySQL 5.7 and later. `null` is the server's own setting.
 */
function statementTime(ms: number | null): string {
  const [seconds, milliseconds] = ms === null ? ["DEFAULT", "DEFAULT"] : [(checked(ms, "statementTimeout") / 1000).toFixed(3), String(ms)];
  return `/*M!100100 max_statement_time = ${seconds} */ /*!80000 max_execution_time = ${milliseconds} */`;
}

/**
 * How long a statement may wait for a lock: InnoDB's row locks (`innodb_lock_wait_timeout`)
 * and table metadata locks (`lock_wait_timeout`, which DDL and the statements queued behind it
 * wait for). Both count whole seconds, so the limit is rounded up: 100 ms waits 1 s.
 */
function lockTime(ms: number | null): string {
  const seconds = ms === null ? "DEFAULT" : String(Math.ceil(checked(ms, "lockTimeout") / 1000));
  return `innodb_lock_wait_timeout = ${seconds}, lock_wait_timeout = ${seconds}`;
}

/** The assignments (for SET SESSION) of the limits given; `null` puts a limit back to the server's own setting. */
function assignments(limits: { statementTimeout?: number | null; lockTimeout?: number | null }): string[] {
  return [
    ...(limits.statementTimeout === undefined ? [] : [statementTime(limits.statementTimeout)]),
    ...(limits.lockTimeout === undefined ? [] : [lockTime(limits.lockTimeout)]),
  ];
}

/**
 * The limits of a driver's sessions: those given when connecting hold on every connection
 * (set with the session settings), and a transaction or a `find(...).timeout(ms)` call changes
 * them on its connection for a while, then puts them back before anything else runs there.
 */
export class SessionLimits {
  constructor(private readonly connected: Limits) {}

  /** The limits given when connecting, as assignments to add to a new connection's SET SESSION. */
  initial(): string[] {
    return assignments(this.connected);
  }

  /** A SET SESSION of the limits given (those left out stay as they are), or undefined when none is given. */
  set(limits: Limits): string | undefined {
    const parts = assignments(limits);
    return parts.length > 0 ? `SET SESSION ${parts.join(", ")}` : undefined;
  }

  /** A SET SESSION that puts back the connection's own value of each limit `changed` names, or undefined when none does. */
  restore(changed: { statementTimeout: boolean; lockTimeout: boolean }): string | undefined {
    const parts = assignments({
      ...(changed.statementTimeout ? { statementTimeout: this.connected.statementTimeout ?? null } : {}),
      ...(changed.lockTimeout ? { lockTimeout: this.connected.lockTimeout ?? null } : {}),
    });
    return parts.length > 0 ? `SET SESSION ${parts.join(", ")}` : undefined;
  }
}
