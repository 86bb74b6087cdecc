import { backtrackingPatternFor } from "../../src/kit/driver.js";
import { sql } from "../sql/drizzle.js";
import { likeOrRegexMatch } from "../sql/patterns.js";

/** One backslash (backslash escapes are on in Ommi's sessions). */
const BACKSLASH = sql.raw(String.raw`'\\'`);

/**
 * MySQL's text operators. contains, startsWith, endsWith and like are LIKE with `\` as the escape
 * character, on Ommi's binary-collated columns: case-sensitive, by code point. The sessions keep
 * backslash escapes on (no NO_BACKSLASH_ESCAPES, see settings.ts), so '\\\\' in the text is one
 * backslash. ilike and regex are REGEXP with the pattern Ommi writes for backtracking engines
 * (src/query/text/backtracking-pattern.ts), which MariaDB's PCRE2 and MySQL 8's ICU read alike:
 * explicit classes, case folding spelled out, ilike's `%` runs as atomic searches. A pattern that
 * still backtracks past the engine's limit is an error, never an answer (see runner.ts).
 */
export const mysqlTextMatch = likeOrRegexMatch(BACKSLASH, (operator) => ({
  expression: (column, pattern) => sql`${column} REGEXP ${pattern}`,
  encode: (text) => backtrackingPatternFor(operator, text),
}));

