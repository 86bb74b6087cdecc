import { tokensFor, type TextOperator } from "../../src/kit/driver.js";
import type { TextMatch } from "../sql/dialect.js";
import { sql } from "../sql/drizzle.js";
import { toGlob } from "./glob.js";

const asText = (text: string) => text;
/** Bound as a BLOB, so that SQLite compares bytes and counts them with `length()`, U+0000 included. */
const asBytes = (text: string) => Buffer.from(text, "utf8");

/**
 * SQLite's text operators, each linear in the text and exact for text holding U+0000 (GLOB and
 * LIKE stop at it, as do `length()` and `substr()` on TEXT; `instr()` and everything on BLOBs
 * use the stored length):
 * - contains: `instr()`, SQLite's byte-wise search;
 * - startsWith, endsWith: the first or last bytes of the UTF-8 text, compared with the value's
 *   (a zero-length BLOB reads as NULL in `substr()`, so the empty value is spelled out);
 * - like: GLOB (case-sensitive, linear in practice: it gives up a `*` once the rest cannot
 *   match) when neither side holds U+0000, else Ommi's automaton;
 * - ilike, regex: Ommi's own linear-time automaton, in functions.ts.
 */
export function sqliteTextMatch(operator: TextOperator): TextMatch {
  switch (operator) {
    case "contains":
      return { expression: (column, text) => sql`instr(${column}, ${text}) > 0`, encode: asText };
    case "startsWith":
      return {
        expression: (column, bytes) => sql`(substr(CAST(${column} AS BLOB), 1, length(${bytes})) = ${bytes} OR (length(${bytes}) = 0 AND ${column} IS NOT NULL))`,
        encode: asBytes,
      };
    case "endsWith":
      return {
        expression: (column, bytes) => sql`(substr(CAST(${column} AS BLOB), -length(${bytes})) = ${bytes} OR (length(${bytes}) = 0 AND ${column} IS NOT NULL))`,
        encode: asBytes,
      };
    case "like":
      return {
        // GLOB is exact and fast unless either side holds U+0000 (where it stops reading): then Ommi's matcher decides.
        expression: (column, glob) =>
          sql`(CASE WHEN instr(${column}, char(0)) = 0 AND instr(${glob}, char(0)) = 0 THEN ${column} GLOB ${glob} ELSE ommi_glob(${column}, ${glob}) END)`,
        encode: (text) => toGlob(tokensFor("like", text)),
      };
    case "ilike":
      return { expression: (column, pattern) => sql`ommi_ilike(${column}, ${pattern})`, encode: asText };
    case "regex":
      return { expression: (column, pattern) => sql`ommi_regexp(${column}, ${pattern})`, encode: asText };
  }
}
