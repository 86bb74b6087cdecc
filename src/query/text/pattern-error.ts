/**
 * A pattern outside what Ommi accepts, found by the parser before any query runs. It knows the
 * position and the problem; the caller, who knows the field, turns it into a `QueryError`.
 */
export class PatternError extends Error {
  override readonly name = "PatternError";

  constructor(
    /** Where in the pattern (a UTF-16 index, as `pattern[position]`). */
    readonly position: number,
    /** The construct found there, as written (e.g. `\b`, `(?=`). */
    readonly construct: string,
    /** Why it is refused, and what to write instead. */
    readonly problem: string,
  ) {
    super(`${construct} at position ${position}: ${problem}`);
  }
}
