import {
  ConnectionError, ConstraintError, OmmiError, QueryError, SchemaError, TimeoutError, TransactionError,
} from "../../src/kit/driver.js";

/**
 * SQLITE_BUSY: another connection held the lock for the whole lock timeout (the busy timeout;
 * SQLite returns it without waiting only where waiting could deadlock). Either way running the
 * transaction again may succeed. SQLITE_BUSY_SNAPSHOT is no wait but a conflict: a transaction
 * that read an older snapshot cannot write.
 */
const LOCK_WAITS = new Set(["SQLITE_BUSY", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT"]);

interface SqliteError extends Error {
  readonly code?: string;
}

/** better-sqlite3's errors, as Ommi errors. The original stays as `cause`. */
export function fromSqliteError(error: unknown, doing: string): OmmiError {
  if (error instanceof OmmiError) return error;
  if (!(error instanceof Error)) return new OmmiError(`${doing}: ${String(error)}`, { cause: error });
  const code = (error as SqliteError).code ?? "";
  const message = `${doing}: ${error.message}`;
  if (code.startsWith("SQLITE_CONSTRAINT")) return new ConstraintError(message, { cause: error });
  if (/no such table|no such column|has no column named/i.test(error.message)) {
    return new SchemaError(`${message} (create the models first: await db.schema().createModels())`, { cause: error });
  }
  if (/not open|SQLITE_CANTOPEN|SQLITE_NOTADB/i.test(`${code} ${error.message}`)) return new ConnectionError(message, { cause: error });
  if (LOCK_WAITS.has(code)) return new TimeoutError(`${message} (another connection held the lock past lockTimeout)`, { cause: error, limit: "lock" });
  if (code === "SQLITE_BUSY_SNAPSHOT") return new TransactionError(message, { cause: error, retryable: true });
  if (/SQLITE_BUSY|SQLITE_LOCKED|transaction/i.test(`${code} ${error.message}`)) return new TransactionError(message, { cause: error });
  return new QueryError(message, { cause: error });
}
