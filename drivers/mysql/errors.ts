import { ConnectionError, ConstraintError, OmmiError, SchemaError, type TimeoutLimit } from "../../src/kit/driver.js";
import { NODE_CONNECTION_CODES } from "../sql/connection-codes.js";
import { fromServerError, type OmmiErrorClass, type ServerErrors } from "../sql/server-errors.js";

/** What mysql2 errors carry: the server's error number (`errno`), or Node's and mysql2's own code for connection trouble. */
interface NativeError extends Error {
  readonly code?: string;
  readonly errno?: number;
  readonly fatal?: boolean;
}

/** Node's and mysql2's codes for a connection that could not be made, was lost, or was closed. */
const CONNECTION_CODES = new Set([
  ...NODE_CONNECTION_CODES,
  "PROTOCOL_CONNECTION_LOST", "PROTOCOL_SEQUENCE_TIMEOUT", "PROTOCOL_ENQUEUE_AFTER_QUIT", "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "POOL_CLOSED", "HANDSHAKE_SSL_ERROR",
]);

/** Server error numbers → the Ommi error for them. */
const BY_ERRNO: Readonly<Record<number, OmmiErrorClass>> = {
  1062: ConstraintError, // ER_DUP_ENTRY
  1451: ConstraintError, // ER_ROW_IS_REFERENCED_2: a row others refer to
  1452: ConstraintError, // ER_NO_REFERENCED_ROW_2: a reference to no row
  1216: ConstraintError, // ER_NO_REFERENCED_ROW
  1217: ConstraintError, // ER_ROW_IS_REFERENCED
  1048: ConstraintError, // ER_BAD_NULL_ERROR: NULL in a NOT NULL column
  1364: ConstraintError, // ER_NO_DEFAULT_FOR_FIELD
  3819: ConstraintError, // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
  4025: ConstraintError, // ER_CONSTRAINT_FAILED (MariaDB)
  1146: SchemaError, // ER_NO_SUCH_TABLE
  1054: SchemaError, // ER_BAD_FIELD_ERROR: unknown column
  1049: ConnectionError, // ER_BAD_DB_ERROR: the database does not exist
  1045: ConnectionError, // ER_ACCESS_DENIED_ERROR
  1044: ConnectionError, // ER_DBACCESS_DENIED_ERROR
  1040: ConnectionError, // ER_CON_COUNT_ERROR: too many connections
  1927: ConnectionError, // ER_CONNECTION_KILLED (MariaDB)
  2006: ConnectionError, // CR_SERVER_GONE_ERROR
  2013: ConnectionError, // CR_SERVER_LOST
};

/** Error numbers of a time limit the server enforced. */
const TIMEOUTS: Readonly<Record<number, TimeoutLimit>> = {
  1205: "lock", // ER_LOCK_WAIT_TIMEOUT: innodb_lock_wait_timeout
  3024: "statement", // ER_QUERY_TIMEOUT (MySQL: max_execution_time)
  1969: "statement", // ER_STATEMENT_TIMEOUT (MariaDB: max_statement_time)
};

/** Conflicts with a concurrent transaction, which the server rolled back: running it again may succeed. */
const RETRYABLE = new Set([1213]); // ER_LOCK_DEADLOCK

/** ER_SP_DOES_NOT_EXIST: what ROLLBACK TO SAVEPOINT says once the server rolled the whole transaction back. */
const NO_SUCH_SAVEPOINT = 1305;

/**
 * Whether the server rolled back the whole transaction, not just the failed statement (MySQL
 * keeps a transaction open after most failures): "now" when this error did (a deadlock), and
 * "earlier" when a savepoint that no longer exists says an earlier failure did (a lock wait
 * timeout, with the server's innodb_rollback_on_timeout on).
 */
export function rolledBackTransaction(error: unknown): "now" | "earlier" | undefined {
  const native = (error instanceof OmmiError ? error.cause : error) as NativeError | undefined;
  if (native?.errno === 1213) return "now";
  return native?.errno === NO_SUCH_SAVEPOINT ? "earlier" : undefined;
}

const PATTERN_LIMIT_HINT = " (the regex or ilike pattern makes the server's backtracking regex engine give up: write it without nested or overlapping repeats)";

const HINTS: Readonly<Record<number, string>> = {
  1139: PATTERN_LIMIT_HINT, // ER_REGEXP_ERROR (MariaDB's PCRE2: "match limit exceeded")
  3699: PATTERN_LIMIT_HINT, // ER_REGEXP_TIME_OUT (MySQL's ICU: regexp_time_limit)
  3698: PATTERN_LIMIT_HINT, // ER_REGEXP_STACK_OVERFLOW (MySQL's ICU: regexp_stack_limit)
  1146: " (create the models first: await db.schema().createModels())",
  1054: " (create the models first: await db.schema().createModels() adds missing columns)",
};

const MYSQL_ERRORS: ServerErrors<number> = {
  server: "MySQL",
  // mysql2 marks an error after which the connection is unusable `fatal`.
  lostConnection: (error) => CONNECTION_CODES.has((error as NativeError).code ?? "") || (error as NativeError).fatal === true,
  codeOf: (error) => (error as NativeError).errno ?? 0,
  kindOf: (errno) => BY_ERRNO[errno],
  timeouts: TIMEOUTS,
  retryable: RETRYABLE,
  hints: HINTS,
};

/** mysql2's errors, as Ommi errors. The original stays as `cause`; `where` names host and port for connection trouble. */
export function fromMySQLError(error: unknown, doing: string, where: string): OmmiError {
  return fromServerError(MYSQL_ERRORS, error, doing, where);
}
