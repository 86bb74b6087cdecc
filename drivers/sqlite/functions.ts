import type Database from "better-sqlite3";
import { automatonFor, type Automaton, type TextOperator } from "../../src/kit/driver.js";
import { zeroedJsonText } from "../sql/json/negative-zero.js";
import { globToLike } from "./glob.js";
import { registerIncrement } from "./increment.js";

/**
 * One SQL function per pattern operator SQLite has no safe built-in for: SQLite has no regular
 * expressions, its LIKE folds ASCII only, and its GLOB stops at U+0000 and backtracks. Each runs
 * Ommi's own linear-time automaton (src/query/text), so a pattern cannot hang the process, and
 * reads the whole JavaScript string, U+0000 included.
 *
 * The pattern is the user's value as given: the automaton is compiled once per distinct pattern
 * (the last one is kept at hand, since every row of a query brings the same one).
 */
function matcher(operator: TextOperator, toPattern: (value: string) => string = (value) => value) {
  let lastValue: string | undefined;
  let lastAutomaton: Automaton | undefined;
  return (text: unknown, value: unknown): number | null => {
    if (typeof text !== "string" || typeof value !== "string") return null;
    if (value !== lastValue || !lastAutomaton) {
      lastAutomaton = automatonFor(operator, toPattern(value));
      lastValue = value;
    }
    return lastAutomaton.test(text) ? 1 : 0;
  };
}

/** Stored JSON text with -0 written 0, as `eq` compares whole structured values (see json.ts). */
function zeroed(text: unknown): unknown {
  return typeof text === "string" ? zeroedJsonText(text) : text;
}

export function registerFunctions(db: Database.Database): void {
  db.function("ommi_json_zero", { deterministic: true }, zeroed);
  db.function("ommi_regexp", { deterministic: true }, matcher("regex"));
  db.function("ommi_ilike", { deterministic: true }, matcher("ilike"));
  // `like` where GLOB cannot be trusted (U+0000 on either side): the same GLOB text, read by Ommi's matcher.
  db.function("ommi_glob", { deterministic: true }, matcher("like", globToLike));
  registerIncrement(db);
}
