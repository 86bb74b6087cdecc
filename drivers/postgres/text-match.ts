import { postgresRegexFor } from "../../src/kit/driver.js";
import { sql } from "../sql/drizzle.js";
import { likeOrRegexMatch } from "../sql/patterns.js";

/** One backslash, whatever standard_conforming_strings says. */
const BACKSLASH = sql.raw(String.raw`E'\\'`);

/**
 * PostgreSQL's text operators. contains, startsWith, endsWith and like are LIKE with `\` as the
 * escape character (time at most proportional to pattern × text, bounded by the pattern-length
 * limit). `ilike` and `regex` are written from Ommi's regex tree (src/query/text) as ARE for `~`,
 * PostgreSQL's DFA-based engine: explicit classes, case folding spelled out as classes (ILIKE
 * under `COLLATE "C"` would fold ASCII only), nothing left to the server's locale.
 */
export const postgresTextMatch = likeOrRegexMatch(BACKSLASH, (operator) => ({
  expression: (column, pattern) => sql`${column} ~ ${pattern}`,
  encode: (text) => postgresRegexFor(operator, text),
}));
