import { Automaton } from "./automaton.js";
import { toBacktrackingPattern } from "./backtracking-pattern.js";
import { tokensFor, type TextOperator } from "./like-pattern.js";
import { likeToRegex } from "./like-to-regex.js";
import { memoize } from "./memo.js";
import { parseRegex } from "./parse-regex.js";
import type { RegexNode } from "./regex-node.js";
import { toPostgresRegex } from "./write-regex.js";

/**
 * Patterns as drivers use them, each computed once per distinct pattern: queries of one shape
 * bind new patterns each time, and a database function gets the same pattern for every row.
 */

/** A `regex` pattern parsed (throws `PatternError` outside the dialect). */
export const regexOf: (pattern: string) => RegexNode = memoize(parseRegex);

/** What a text operator's value means, as a regex over the whole text. */
export function regexFor(operator: TextOperator, value: string): RegexNode {
  return operator === "regex" ? regexOf(value) : likeToRegex(tokensFor(operator, value), operator === "ilike");
}

const automata = new Map<TextOperator, (value: string) => Automaton>();

/**
 * A linear-time matcher for a text operator's value: `automatonFor("ilike", "%cole").test(text)`.
 * Few are kept (each holds its DFA, up to half a megabyte): a query's rows share one.
 */
export function automatonFor(operator: TextOperator, value: string): Automaton {
  let compile = automata.get(operator);
  if (!compile) automata.set(operator, (compile = memoize((pattern) => new Automaton(regexFor(operator, pattern)), 32)));
  return compile(value);
}

const postgresSources = new Map<TextOperator, (value: string) => string>();

/** A text operator's value as a PostgreSQL ARE pattern for `~`. */
export function postgresRegexFor(operator: TextOperator, value: string): string {
  let write = postgresSources.get(operator);
  if (!write) postgresSources.set(operator, (write = memoize((pattern) => toPostgresRegex(regexFor(operator, pattern)))));
  return write(value);
}

const backtrackingSources = new Map<TextOperator, (value: string) => string>();

/** A text operator's value as a pattern for a backtracking engine (PCRE, ICU): MongoDB's `$regex`, MySQL's REGEXP. */
export function backtrackingPatternFor(operator: TextOperator, value: string): string {
  let write = backtrackingSources.get(operator);
  if (!write) backtrackingSources.set(operator, (write = memoize((pattern) => toBacktrackingPattern(operator, pattern))));
  return write(value);
}
