import {
  ConnectionError, ConstraintError, OmmiError, QueryError, SchemaError, TransactionError,
} from "../../src/errors.js";

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
  if (/SQLITE_BUSY|SQLITE_LOCKED|transaction/i.test(`${code} ${error.message}`)) return new TransactionError(message, { cause: error });
  return new QueryError(message, { cause: error });
}
