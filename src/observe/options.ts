import type { OmmiError } from "../errors.js";

/** Which operation a failure belongs to: what the user called ("add", "find.one", "schema.createModels") and on which model. */
export interface OperationContext {
  readonly operation: string;
  /** The model named, when the operation is about one. */
  readonly model: string | undefined;
}

/** Called with a failed operation's error. */
export type FailureHook = (error: OmmiError, context: OperationContext) => void;

/** One statement that ran, as a logger receives it. */
export interface StatementEvent {
  /** The driver's name: "sqlite", "postgres", "mongodb". */
  readonly driver: string;
  /** The kind of statement: "SELECT", "INSERT", "CREATE TABLE"; MongoDB's command ("find", "insert"). */
  readonly operation: string;
  /** The model it reads or writes (its table or collection has its name), when one. */
  readonly model: string | undefined;
  /** The statement with placeholders: SQL text, or the MongoDB method and its filter, pipeline or documents as JSON with `?` for each value. */
  readonly text: string;
  /** The values bound, in placeholder order; undefined unless the `params` option shows them (see ObserveOptions.params). */
  readonly params: readonly unknown[] | undefined;
  /** How long the statement ran, in milliseconds (fractions included), as the driver waited for it. */
  readonly durationMs: number;
  /** Rows returned by a read, or changed by a write; undefined for statements without a count (CREATE TABLE). */
  readonly rows: number | undefined;
  /** What the statement failed with (the database client's own error), or undefined when it succeeded. */
  readonly error: unknown;
  /** True when `slowQueryMs` is set and the statement took longer. */
  readonly slow: boolean;
}

/** Receives statement events; what it throws is reported once as a warning and never fails a statement. */
export type StatementLogger = (event: StatementEvent) => void;

/** Replaces one parameter value before it is logged: `(value, index, statement) => shown value`. */
export type ParamRedactor = (value: unknown, index: number, statement: { readonly text: string; readonly model: string | undefined }) => unknown;

/** The options of `new Ommi(driver, options)` that watch the database. */
export interface ObserveOptions {
  /**
   * Called with each operation that failed, whether or not anyone checks its result: to log or
   * count failures in one place. It does not count as checking the result (see `uncheckedFailures`).
   */
  onError?: FailureHook;
  /**
   * What happens to a failed operation whose result nobody checked (read `ok` or `error`, or used
   * `.value`, `.raiseOnErrors()` or `.valueOr()`) once that is certain: when the result was
   * garbage-collected unread, or when the process exits. "warn" (the default) emits a Node
   * warning with code OMMI_UNCHECKED_FAILURE; a function receives the error instead; "ignore"
   * does nothing.
   */
  uncheckedFailures?: "warn" | "ignore" | FailureHook;
  /** Called after every statement the driver runs, with its text, parameters (when shown), duration, rows and outcome. */
  logger?: StatementLogger;
  /**
   * Statements that run longer than this many milliseconds are slow: they go to `onSlowQuery`, or
   * (without it) become a Node warning with code OMMI_SLOW_QUERY; the logger sees `slow: true`.
   */
  slowQueryMs?: number;
  /** Receives slow statements (see `slowQueryMs`) instead of the warning. */
  onSlowQuery?: StatementLogger;
  /**
   * Whether statement events carry their parameter values. "redact" (the default) leaves them out:
   * they are the users' data (emails, names, tokens), and logs travel further than the database.
   * "show" includes them as bound; a function replaces each value with what it returns.
   */
  params?: "redact" | "show" | ParamRedactor;
  /**
   * OpenTelemetry: one client span per statement, a child of the active span, made through the
   * package `@opentelemetry/api` (Ommi does not depend on it). Left out, spans are made when the
   * package can be loaded and a tracer provider is registered when `new Ommi` runs (start the SDK
   * first); nothing is added to statements otherwise. `true` makes spans whenever the package is
   * there (for a provider registered later); `false` never.
   */
  tracing?: boolean;
}
