/**
 * How a driver reports the statements it runs (`ommi/driver`), so that a database can be watched
 * (a logger, slow statements, OpenTelemetry spans) without the driver knowing what watches it.
 * Ommi gives a driver an observer through `Driver.observe` only when something watches; a driver
 * that has no observer runs as if this file did not exist.
 */

/** One statement as the driver is about to run it. */
export interface ObservedStatement {
  /**
   * What runs, with a placeholder where each value is bound, never a value itself: the SQL text;
   * for MongoDB the method called and its filter, pipeline or documents as JSON, every value a `?`.
   */
  readonly text: string;
  /**
   * The kind of statement, as OpenTelemetry's `db.operation.name` names it: "SELECT", "INSERT",
   * "CREATE TABLE"; for MongoDB the command ("find", "aggregate", "insert").
   */
  readonly operation: string;
  /** The Ommi model the statement reads or writes, when there is one; its table or collection has its name. */
  readonly model?: string;
  /**
   * The values for the placeholders, in order. A function: most observers never show values
   * (they are redacted unless the user asks for them), so they are only worked out when asked.
   */
  params(): readonly unknown[];
}

/** Counts the rows a statement returned or changed, from what it gave; undefined when it has no such count. */
export type RowCount<T> = (result: T) => number | undefined;

/**
 * What watches a driver's statements. The driver hands each statement and the work that runs it
 * to `run`, which runs the work once, at once (synchronously when the work is), measures it and
 * reports it, and gives back exactly what the work gave or threw. It never throws anything of its
 * own: a failing logger does not fail a statement.
 */
export interface StatementObserver {
  run<T>(statement: ObservedStatement, work: () => T, rows?: RowCount<Awaited<T>>): T;
}
