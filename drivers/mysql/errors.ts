import {
  ConnectionError, ConstraintError, OmmiError, QueryError, SchemaError, shortenMessage, TimeoutError, TransactionError, type TimeoutLimit,
} from "../../src/kit/driver.js";
import { NODE_CONNECTION_CODES } from "../sql/connection-codes.js";

/** What mysql2 errors carry: the server's error number (`errno`), or Node's and mysql2's own code for connection trouble. */
interface NativeError extends Error {
  readonly code?: string;
  readonly errno?: number;
  readonly fatal?: boolean;
}

type OmmiErrorClass = new (message: string, options: { cause: unknown }) => OmmiError;

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

const PATTERN_LIMIT_HINT = " (the regex or ilike pattern makes the server's backtracking regex engine give up: write it without nested or overlapping repeats)";

const HINTS: Readonly<Record<number, string>> = {
  1139: PATTERN_LIMIT_HINT, // ER_REGEXP_ERROR (MariaDB's PCRE2: "match limit exceeded")
  3699: PATTERN_LIMIT_HINT, // ER_REGEXP_TIME_OUT (MySQL's ICU: regexp_time_limit)
  3698: PATTERN_LIMIT_HINT, // ER_REGEXP_STACK_OVERFLOW (MySQL's ICU: regexp_stack_limit)
  1146: " (create the models first: await db.schema().createModels())",
  1054: " (create the models first: await db.schema().createModels() adds missing columns)",
};

/** mysql2's errors, as Ommi errors. The original stays as `cause`; `where` names host and port for connection trouble. */
export function fromMySQLError(error: unknown, doing: string, where: string): OmmiError {
  if (error instanceof OmmiError) return error;
  if (!(error instanceof Error)) return new OmmiError(`${doing}: ${String(error)}`, { cause: error });
  const { code = "", errno = 0 } = error as NativeError;
  if (CONNECTION_CODES.has(code) || (error as NativeError).fatal === true) {
    return new ConnectionError(`${doing}: cannot reach MySQL at ${where}: ${error.message}`, { cause: error });
  }
  const limit = TIMEOUTS[errno];
  if (limit) return new TimeoutError(`${doing}: ${shortenMessage(error.message)}`, { cause: error, limit });
  const message = `${doing}: ${shortenMessage(error.message)}${HINTS[errno] ?? ""}`;
  if (RETRYABLE.has(errno)) return new TransactionError(message, { cause: error, retryable: true });
  const Kind = BY_ERRNO[errno];
  if (Kind === ConnectionError) return new ConnectionError(`${doing}: MySQL at ${where}: ${error.message}`, { cause: error });
  return new (Kind ?? QueryError)(message, { cause: error });
}
