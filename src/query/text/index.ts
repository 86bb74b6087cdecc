/**
 * Ommi's own text-matching semantics, the same on every driver: LIKE tokens, case folding, the
 * regex dialect (parser, writers for each engine, and a linear-time matcher), and pattern bounds.
 * Drivers import from here; nothing here knows a database.
 */
export { Automaton } from "./automaton.js";
export { caseVariants } from "./case-folding.js";
export { checkTextPattern } from "./check-pattern.js";
export { ANY_CHARACTER, type CodePointSet } from "./code-point-set.js";
export { automatonFor, backtrackingPatternFor, postgresRegexFor, regexFor, regexOf } from "./compiled.js";
export { parseLike, tokensFor, type LikeOperator, type PatternToken, type TextOperator } from "./like-pattern.js";
export { likeToRegex } from "./like-to-regex.js";
export { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "./limits.js";
export { CLASS_ESCAPES, MAX_REPEAT_COUNT, parseRegex } from "./parse-regex.js";
export { PatternError } from "./pattern-error.js";
export { expandedSize, type RegexNode } from "./regex-node.js";
export { toJavaScriptRegex, toPostgresRegex } from "./write-regex.js";
