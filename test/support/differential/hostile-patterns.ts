import fc from "fast-check";
import { MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "./dialect.js";
import { dialectPattern } from "./regex-arbitrary.js";

/**
 * Regex constructs outside Ommi's dialect: each database reads them differently or not at all
 * (word boundaries, Unicode properties, `[^]`, lookaround, backreferences, inline flags,
 * possessive quantifiers, POSIX classes, octal and unknown escapes, lone surrogates named by
 * escapes), or they are malformed. Every driver must refuse them with a QueryError before any
 * query runs. Whether a pattern is in the dialect is decided by the reference's own parser, so a
 * construct that becomes valid beside others (`a` + `{1}`) is simply expected to work.
 */
export const OUT_OF_DIALECT = [
  "\\b", "a\\b", "\\B", "\\p{L}", "\\P{Lu}", "\\p{Script=Greek}", "[^]", "[]", "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(?<n>a)",
  "(?i)a", "(?s).", "(?>a)", "(?#c)", "(a)\\1", "\\k<n>", "a*+", "a++", "a**", "a{,3}", "a{", "a{2,1}", "a{256}", "a{1,256}",
  "\\0", "\\07", "\\cJ", "\\Z", "\\A", "\\z", "\\G", "\\h", "\\R", "\\X", "\\N", "\\K", "\\e", "\\q", "\\é", "\\ ", "[[:alpha:]]",
  "[[.a.]]", "[[=a=]]", "[a-\\d]", "[\\w-z]", "[z-a]", "[a-c-e]", "[\\b]", "[[]", "(", ")", "a)", "[a", "*a", "+", "?", "{1}", "]",
  "}", "\\", "a\\", "\\uD800", "\\uDC00", "\\uD800\\u0041", "\\u{D800}", "\\u{110000}", "\\u{}", "\\u12", "\\x4", "\\xg0", "^*",
  "$+", "(?:", "(?P<n>a)", "a{1}{2}", "a?+",
];

/**
 * Patterns at and just beyond the bounds (length as written, in UTF-16 units; size with counts
 * written out), each with whether it is within them, worked out by hand from the documented rules.
 */
export const BOUNDARY_PATTERNS: readonly (readonly [string, boolean])[] = [
  [`a{${MAX_REGEX_SIZE}}`, true],
  [`a{${MAX_REGEX_SIZE - 1}}b`, true],
  [`a{${MAX_REGEX_SIZE - 1}}b{2}`, false],
  [`a{${MAX_REGEX_SIZE},}`, false],
  [`(ab){${MAX_REGEX_SIZE / 2}}`, true],
  [`(ab){${MAX_REGEX_SIZE / 2 + 1}}`, false],
  [`(a{2}){${MAX_REGEX_SIZE / 2}}`, true],
  [`(a{2}){${MAX_REGEX_SIZE / 2},}`, false],
  [`((a|b){8}){${MAX_REGEX_SIZE / 16 + 1}}`, false],
  ["a".repeat(MAX_REGEX_SIZE), MAX_REGEX_SIZE <= MAX_PATTERN_LENGTH],
  ["a".repeat(MAX_REGEX_SIZE + 1), false],
  ["😀".repeat(MAX_REGEX_SIZE), 2 * MAX_REGEX_SIZE <= MAX_PATTERN_LENGTH],
  [`[${"x".repeat(MAX_PATTERN_LENGTH - 2)}]`, true],
  [`[${"x".repeat(MAX_PATTERN_LENGTH - 1)}]`, false],
  [`[${"😀".repeat(MAX_PATTERN_LENGTH / 2)}]`, false],
  ["\\u0061".repeat(Math.floor(MAX_PATTERN_LENGTH / 6)), true],
  ["\\u0061".repeat(Math.floor(MAX_PATTERN_LENGTH / 6) + 1), false],
  [`${"(a|b)*".repeat(Math.ceil(MAX_PATTERN_LENGTH / 6))}c`, false],
];

/** Outside the dialect or over a bound, alone or beside a pattern of the dialect. */
export const hostilePattern: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...OUT_OF_DIALECT), weight: 4 },
  { arbitrary: fc.tuple(dialectPattern, fc.constantFrom(...OUT_OF_DIALECT), fc.boolean()).map(([valid, invalid, before]) => (before ? invalid + valid : valid + invalid)), weight: 4 },
  fc.constantFrom(...BOUNDARY_PATTERNS.map(([pattern]) => pattern)),
);
