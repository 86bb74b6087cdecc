import { automatonFor, parseRegex as parseCoreRegex, type TextOperator } from "../../../src/query/text/index.js";

/**
 * The core's own text semantics (its regex parser and linear-time matcher, which SQLite runs),
 * for checking in-process that the reference means the same as the core: a difference found
 * here is cheaper to read than one found through a database.
 */

/** Whether the core's parser accepts the pattern as Ommi's regex dialect (bounds aside). */
export function coreParses(pattern: string): boolean {
  try {
    parseCoreRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Whether the core's matcher says `text` matches the operator's pattern. */
export function coreMatches(operator: TextOperator, text: string, pattern: string): boolean {
  return automatonFor(operator, pattern).test(text);
}
