/**
 * How large a pattern may be. Matching takes time at most proportional to (pattern × text) on
 * every database, and these bound the pattern side: measured with the slowest patterns found for
 * each bound against a 1 MB text, every operator stays well under a second on SQLite and on
 * PostgreSQL (figures in the README's Limits). Lengths are UTF-16 code units (`text.length`).
 */

/** Longest pattern of any text operator (contains, startsWith, endsWith, like, ilike, regex). */
export const MAX_PATTERN_LENGTH = 128;

/**
 * Most `_` in a like or ilike pattern. Each `_` after a literal makes an automaton remember one
 * more position (`%a____b` must recall where each recent `a` was), which is what makes matching
 * slow on varied text; literal text and `%` cost little.
 */
export const MAX_LIKE_WILDCARDS = 32;

/** Most characters a regex may hold once its counted repetitions are written out (`a{10}` is 10, `(ab){2,}` is 6). */
export const MAX_REGEX_SIZE = 64;
