import { shortenMessage } from "./util/quote.js";

/**
 * Every failure Ommi reports is an `OmmiError`. Subclasses say what kind of failure it was;
 * `cause` keeps the original error (a driver's, a schema library's) for whoever needs the detail.
 */
export class OmmiError extends Error {
  override readonly name: string = "OmmiError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** One problem with one field of one input value. */
export interface ValidationIssue {
  /** Path into the value, e.g. `["age"]`; empty when the problem is with the whole value. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Input that its model's schema rejected. Nothing was written. */
export class ValidationError extends OmmiError {
  override readonly name = "ValidationError";

  constructor(
    readonly model: string,
    /** Issues in the Ommi shape, one per field and problem. */
    readonly issues: readonly ValidationIssue[],
    /** Issues exactly as the schema library reported them. */
    readonly libraryIssues: unknown,
    /** Position of the rejected value among the values of one call, when there were several. */
    readonly index?: number,
  ) {
    super(describeValidation(model, issues, index));
  }
}

function describeValidation(model: string, issues: readonly ValidationIssue[], index?: number): string {
  const where = index === undefined ? model : `${model} (value ${index})`;
  const lines = issues.map((issue) => `  ${issue.path.length ? shortenMessage(issue.path.map(String).join(".")) : "(value)"}: ${shortenMessage(issue.message)}`);
  return `${where} is not valid:\n${lines.join("\n")}`;
}

/** A model definition that cannot work: found when the model is defined, never at query time. */
export class ModelError extends OmmiError {
  override readonly name = "ModelError";
}

/** The database could not be reached, refused the credentials, or the connection was lost or closed. */
export class ConnectionError extends OmmiError {
  override readonly name = "ConnectionError";
}

/** A query that cannot be run: wrong value types, unknown fields, unsupported operators. */
export class QueryError extends OmmiError {
  override readonly name = "QueryError";
}

/** The database refused a write that breaks a unique, key or foreign-key constraint. */
export class ConstraintError extends OmmiError {
  override readonly name = "ConstraintError";
}

/** A transaction could not begin, commit or go on (e.g. it was already rolled back, or lost a conflict). */
export class TransactionError extends OmmiError {
  override readonly name = "TransactionError";
  /** The database aborted it over a conflict with another transaction: running it again may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options);
    this.retryable = options?.retryable ?? isRetryable(options?.cause);
  }
}

/** A call on a transaction that has committed or rolled back: every driver says it alike. */
export function transactionEnded(): TransactionError {
  return new TransactionError("This transaction has ended");
}

/** A call on a transaction that an earlier failed call doomed (it can only roll back), on every driver alike. */
export function transactionDoomed(failure: OmmiError): TransactionError {
  return new TransactionError(`An earlier call in this transaction failed, so it can only roll back: ${failure.message}`, { cause: failure });
}

/** Which limit a `TimeoutError` hit: a statement ran too long, or waited too long for a lock. */
export type TimeoutLimit = "statement" | "lock";

/**
 * The database stopped an operation at a time limit: `statementTimeout` or `.timeout(ms)`
 * ("statement"), or `lockTimeout`, the wait for a lock another transaction holds ("lock").
 * In PostgreSQL either one aborts the transaction it happened in.
 */
export class TimeoutError extends OmmiError {
  override readonly name = "TimeoutError";
  readonly limit: TimeoutLimit;
  /**
   * A lock wait that timed out may well succeed when run again (`transaction(fn, { retries })`
   * does so); a statement that ran out of time would most likely run out of it again.
   */
  readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown; limit: TimeoutLimit }) {
    super(message, options);
    this.limit = options.limit;
    this.retryable = options.limit === "lock";
  }
}

/** A conflict or lock wait that running the transaction again may get past. */
function isRetryable(error: unknown): boolean {
  return (error instanceof TransactionError || error instanceof TimeoutError) && error.retryable;
}

/** The database's tables do not match the models: a missing table, a column that cannot be added. */
export class SchemaError extends OmmiError {
  override readonly name = "SchemaError";
}

/** `one()` found nothing. */
export class NoResultError extends OmmiError {
  override readonly name = "NoResultError";
}

/** Wraps anything thrown that is not an OmmiError yet, so that results only ever carry OmmiErrors. */
export function asOmmiError(error: unknown): OmmiError {
  if (error instanceof OmmiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OmmiError(message, { cause: error });
}
