import type { PatternToken } from "../../src/kit/driver.js";

/**
 * LIKE tokens (src/query/text: Ommi's meaning of contains/startsWith/endsWith/like) in SQL LIKE
 * syntax with `\` as the escape character (say `ESCAPE '\'` beside it).
 */
export function toLike(tokens: readonly PatternToken[]): string {
  return tokens.map((token) => (token.kind === "any" ? "%" : token.kind === "one" ? "_" : token.text.replace(/[\\%_]/g, "\\$&"))).join("");
}
