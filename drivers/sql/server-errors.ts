import { ConnectionError, OmmiError, QueryError, shortenMessage, TimeoutError, TransactionError, type TimeoutLimit } from "../../src/kit/driver.js";

/** An Ommi error class, as a server's error codes name them. */
export type OmmiErrorClass = new (message: string, options: { cause: unknown }) => OmmiError;

/**
 * What a database server's errors mean, by its own codes (`Code`: PostgreSQL's SQLSTATE, MySQL's
 * error number), for the one set of rules every pooled SQL driver maps them by (fromServerError).
 */
export interface ServerErrors<Code extends string | number> {
  /** The server, as messages name it. */
  readonly server: string;
  /** Whether the client says the connection could not be made, was lost, or was closed (its own codes and Node's, not the server's). */
  lostConnection(error: Error): boolean;
  /** The server's code of the error. */
  codeOf(error: Error): Code;
  /** The Ommi error of a code; undefined for a QueryError. */
  kindOf(code: Code): OmmiErrorClass | undefined;
  /** Codes of a time limit the server enforced. */
  readonly timeouts: Readonly<Partial<Record<Code, TimeoutLimit>>>;
  /** Conflicts with a concurrent transaction, which the server rolled back: running the transaction again may succeed. */
  readonly retryable: ReadonlySet<Code>;
  /** What a message adds for a code: how to do without the error. */
  readonly hints: Readonly<Partial<Record<Code, string>>>;
  /** More of the error than its message, where the server gives it (PostgreSQL's detail), written after the message. */
  detailOf?(error: Error): string;
}

/**
 * A client's error as an Ommi error, the original kept as `cause`: an Ommi error stays as it is;
 * connection trouble is a ConnectionError naming the server at `where` (host and port); a time
 * limit a TimeoutError; a conflict a retryable TransactionError; then the code's own kind, or a
 * QueryError. Messages begin with what was being done, and are kept short.
 */
export function fromServerError<Code extends string | number>(errors: ServerErrors<Code>, error: unknown, doing: string, where: string): OmmiError {
  if (error instanceof OmmiError) return error;
  if (!(error instanceof Error)) return new OmmiError(`${doing}: ${String(error)}`, { cause: error });
  if (errors.lostConnection(error)) return new ConnectionError(`${doing}: cannot reach ${errors.server} at ${where}: ${error.message}`, { cause: error });
  const code = errors.codeOf(error);
  const limit = errors.timeouts[code];
  if (limit) return new TimeoutError(`${doing}: ${shortenMessage(error.message)}`, { cause: error, limit });
  const Kind = errors.kindOf(code);
  if (Kind === ConnectionError) return new ConnectionError(`${doing}: ${errors.server} at ${where}: ${error.message}`, { cause: error });
  const message = `${doing}: ${shortenMessage(error.message)}${errors.detailOf?.(error) ?? ""}${errors.hints[code] ?? ""}`;
  const retryable = errors.retryable.has(code);
  if (retryable || Kind === TransactionError) return new TransactionError(message, { cause: error, retryable });
  return new (Kind ?? QueryError)(message, { cause: error });
}
