import type { CompiledStatement } from "../sql/compiled.js";

/** A model's INSERT: its one-row statement (text and how a row binds), and the generated key it returns, if any. */
export interface PreparedInsert {
  readonly row: CompiledStatement;
  /** `INSERT ... (columns) VALUES` without the values, and ` RETURNING key` or nothing. */
  readonly head: string;
  readonly tail: string;
  /** The text of one row's values: `(?, ?, ...)`. */
  readonly values: string;
}
