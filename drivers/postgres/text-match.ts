import { postgresRegexFor, tokensFor, type TextOperator } from "../../src/kit/driver.js";
import type { TextMatch } from "../sql/dialect.js";
import { sql } from "../sql/drizzle.js";
import { toLike } from "../sql/patterns.js";

/**
 * PostgreSQL's text operators. contains, startsWith, endsWith and like are LIKE with `\` as the
 * escape character (time at most proportional to pattern × text, bounded by the pattern-length
 * limit). `ilike` and `regex` are written from Ommi's regex tree (src/query/text) as ARE for `~`,
 * PostgreSQL's DFA-based engine: explicit classes, case folding spelled out as classes (ILIKE
 * under `COLLATE "C"` would fold ASCII only), nothing left to the server's locale.
 */
export function postgresTextMatch(operator: TextOperator): TextMatch {
  switch (operator) {
    case "contains":
    case "startsWith":
    case "endsWith":
    case "like":
      // E'\\' is one backslash whatever standard_conforming_strings says.
      return { expression: (column, pattern) => sql`${column} LIKE ${pattern} ESCAPE E'\\\\'`, encode: (text) => toLike(tokensFor(operator, text)) };
    case "ilike":
    case "regex":
      return { expression: (column, pattern) => sql`${column} ~ ${pattern}`, encode: (text) => postgresRegexFor(operator, text) };
  }
}
