import { tokensFor, type PatternToken, type TextOperator } from "../../src/kit/driver.js";
import type { TextMatch } from "./dialect.js";
import { sql, type SQL } from "./drizzle.js";

/**
 * LIKE tokens (src/query/text: Ommi's meaning of contains/startsWith/endsWith/like) in SQL LIKE
 * syntax with `\` as the escape character (say `ESCAPE '\'` beside it).
 */
export function toLike(tokens: readonly PatternToken[]): string {
  return tokens.map((token) => (token.kind === "any" ? "%" : token.kind === "one" ? "_" : token.text.replace(/[\\%_]/g, "\\$&"))).join("");
}

type LikeMatched = Exclude<TextOperator, "ilike" | "regex">;

/**
 * The text operators of a database with LIKE ... ESCAPE and a regex operator: contains,
 * startsWith, endsWith and like as LIKE (see likeMatch), ilike and regex as `regexMatch` writes
 * them (with the pattern Ommi writes for that database's engine).
 */
export function likeOrRegexMatch(backslash: SQL, regexMatch: (operator: "ilike" | "regex") => TextMatch): (operator: TextOperator) => TextMatch {
  return (operator) => (operator === "ilike" || operator === "regex" ? regexMatch(operator) : likeMatch(operator, backslash));
}

/**
 * contains, startsWith, endsWith or like as `column LIKE pattern ESCAPE backslash` on a
 * binary-collated column (case-sensitive, by code point), its time at most proportional to pattern
 * × text (the pattern's length is bounded). `backslash` is one backslash as a literal of this database.
 */
export function likeMatch(operator: LikeMatched, backslash: SQL): TextMatch {
  return { expression: (column, pattern) => sql`${column} LIKE ${pattern} ESCAPE ${backslash}`, encode: (text) => toLike(tokensFor(operator, text)) };
}
