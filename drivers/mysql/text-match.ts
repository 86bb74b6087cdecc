import { QueryError, tokensFor, type TextOperator } from "../../src/kit/driver.js";
import type { TextMatch } from "../sql/dialect.js";
import { sql } from "../sql/drizzle.js";
import { toLike } from "../sql/patterns.js";

/**
 * MySQL's text operators. contains, startsWith, endsWith and like are LIKE with `\` as the escape
 * character, on Ommi's `utf8mb4_nopad_bin` columns: case-sensitive, by code point. The sessions keep
 * backslash escapes on (no NO_BACKSLASH_ESCAPES, see settings.ts), so '\\\\' in the text is one
 * backslash. ilike and regex need Ommi's regex tree written for both PCRE (MariaDB) and ICU
 * (MySQL 8): not written yet, so they are a QueryError before anything runs.
 */
export function mysqlTextMatch(operator: TextOperator): TextMatch {
  switch (operator) {
    case "contains":
    case "startsWith":
    case "endsWith":
    case "like":
      return { expression: (column, pattern) => sql`${column} LIKE ${pattern} ESCAPE '\\\\'`, encode: (text) => toLike(tokensFor(operator, text)) };
    case "ilike":
    case "regex":
      throw new QueryError(`${operator}() is not supported by the MySQL driver yet`);
  }
}
