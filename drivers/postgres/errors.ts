import { ConnectionError, ConstraintError, SchemaError, shortenMessage, TransactionError, type OmmiError, type TimeoutLimit } from "../../src/kit/driver.js";
import { NODE_CONNECTION_CODES } from "../sql/connection-codes.js";
import { fromServerError, type OmmiErrorClass, type ServerErrors } from "../sql/server-errors.js";

/** What postgres.js errors carry: a SQLSTATE (`code`) from the server, or a code of its own for connection trouble. */
interface NativeError extends Error {
  readonly code?: string;
  readonly detail?: string;
}

/** postgres.js's and Node's codes for a connection that could not be made, was lost, or was closed. */
const CONNECTION_CODES = new Set([
  ...NODE_CONNECTION_CODES,
  "ERR_SOCKET_CLOSED", "ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "SASL_SIGNATURE_MISMATCH",
  "AUTH_TYPE_NOT_IMPLEMENTED", "MESSAGE_NOT_SUPPORTED",
  // TLS: the server's certificate could not be trusted, or the handshake failed.
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID", "ERR_SSL_WRONG_VERSION_NUMBER", "SSL_NOT_ACCEPTED",
]);

/** SQLSTATEs (exact, then by class: their first two characters) → the Ommi error for them. */
const BY_STATE: Readonly<Record<string, OmmiErrorClass>> = {
  "42P01": SchemaError, // undefined_table
  "42703": SchemaError, // undefined_column
  "3F000": SchemaError, // invalid_schema_name
  "2BP01": SchemaError, // dependent_objects_still_exist
  "3D000": ConnectionError, // invalid_catalog_name: the database does not exist
  "53300": ConnectionError, // too_many_connections
  "57P01": ConnectionError, // admin_shutdown
  "57P02": ConnectionError, // crash_shutdown
  "57P03": ConnectionError, // cannot_connect_now
  "57P04": ConnectionError, // database_dropped
  "57P05": ConnectionError, // idle_session_timeout: the server closed an idle connection
  "25P03": ConnectionError, // idle_in_transaction_session_timeout: the server closed the connection
  "23": ConstraintError, // integrity_constraint_violation: unique, foreign key, not null, check
  "25": TransactionError, // invalid_transaction_state (e.g. 25P02, a statement failed earlier in the transaction)
  "40": TransactionError, // transaction_rollback: serialization failure, deadlock
  "08": ConnectionError, // connection_exception
  "28": ConnectionError, // invalid_authorization_specification: unknown role, wrong password
};

/** SQLSTATEs of a time limit the server enforced. */
const TIMEOUTS: Readonly<Record<string, TimeoutLimit>> = {
  "57014": "statement", // query_canceled: statement_timeout, or a cancel request
  "55P03": "lock", // lock_not_available: lock_timeout (or NOWAIT)
};

/** Conflicts with a concurrent transaction: running the transaction again may well succeed. */
const RETRYABLE = new Set(["40001", "40P01"]);

const HINTS: Readonly<Record<string, string>> = {
  "42P01": " (create the models first: await db.schema().createModels())",
  "42703": " (create the models first: await db.schema().createModels() adds missing columns)",
  "25P02": " (in PostgreSQL a failed statement aborts its transaction; run what may fail in a nested tx.transaction() to recover from it)",
};

const codeOf = (error: Error) => (error as NativeError).code ?? "";

const POSTGRES_ERRORS: ServerErrors<string> = {
  server: "PostgreSQL",
  lostConnection: (error) => CONNECTION_CODES.has(codeOf(error)),
  codeOf,
  kindOf: (code) => BY_STATE[code] ?? BY_STATE[code.slice(0, 2)],
  timeouts: TIMEOUTS,
  retryable: RETRYABLE,
  hints: HINTS,
  // A unique violation's detail repeats the whole key value: keep messages short.
  detailOf: (error) => ((error as NativeError).detail ? ` (${shortenMessage((error as NativeError).detail as string)})` : ""),
};

/** postgres.js's errors, as Ommi errors. The original stays as `cause`; `where` names host and port for connection trouble. */
export function fromPostgresError(error: unknown, doing: string, where: string): OmmiError {
  return fromServerError(POSTGRES_ERRORS, error, doing, where);
}
