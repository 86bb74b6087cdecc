import { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "../../../src/query/text/index.js";
import { expandedSize, parseRegex } from "./regex.js";

/**
 * The bounds of Ommi's text patterns, as the core exports them (the numbers are its decision;
 * what they mean is checked here independently): a pattern of any text operator may be
 * MAX_PATTERN_LENGTH UTF-16 units long; a `like` or `ilike` pattern may hold MAX_LIKE_WILDCARDS
 * `_` (escaped ones are literal); a `regex` pattern MAX_REGEX_SIZE characters once its counted
 * repetitions are written out (`a{10}` is 10, `(ab){2,}` is 6).
 */
export { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE };

/** Whether every driver must accept a regex pattern: in the dialect, and within the bounds. */
export function inDialect(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  try {
    return expandedSize(parseRegex(pattern)) <= MAX_REGEX_SIZE;
  } catch {
    return false;
  }
}

/** `_` wildcards in a LIKE pattern (a `\` makes the next character literal). */
function wildcards(pattern: string): number {
  let count = 0;
  const characters = [...pattern];
  for (let index = 0; index < characters.length; index++) {
    if (characters[index] === "\\" && index + 1 < characters.length) index++;
    else if (characters[index] === "_") count++;
  }
  return count;
}

/** Whether a pattern of contains, startsWith, endsWith, like or ilike is within its bounds. */
export function patternWithinBounds(operator: string, pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return false;
  return (operator !== "like" && operator !== "ilike") || wildcards(pattern) <= MAX_LIKE_WILDCARDS;
}
