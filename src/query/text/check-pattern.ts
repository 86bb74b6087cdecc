import { QueryError } from "../../errors.js";
import { quote } from "../../util/quote.js";
import { regexOf } from "./compiled.js";
import { tokensFor, type TextOperator } from "./like-pattern.js";
import { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "./limits.js";
import { PatternError } from "./pattern-error.js";
import { expandedSize } from "./regex-node.js";

/** Why the bound: said once, in every message about it. */
const WHY = "matching time grows with pattern × text, and these bounds keep it linear and small";

/**
 * Refuses, before any query runs, a pattern that is too large or (for `regex`) outside Ommi's
 * regex dialect. `where` names the field (`User.name`).
 */
export function checkTextPattern(where: string, operator: TextOperator, pattern: string): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new QueryError(`${where}.${operator}(): the pattern is ${pattern.length} characters long, and at most ${MAX_PATTERN_LENGTH} are allowed (${WHY}): ${quote(pattern)}`);
  }
  if (operator === "like" || operator === "ilike") {
    const wildcards = tokensFor(operator, pattern).filter((token) => token.kind === "one").length;
    if (wildcards > MAX_LIKE_WILDCARDS) {
      throw new QueryError(`${where}.${operator}(): the pattern has ${wildcards} _ wildcards, and at most ${MAX_LIKE_WILDCARDS} are allowed (${WHY}): ${quote(pattern)}`);
    }
    return;
  }
  if (operator !== "regex") return;
  let size: number;
  try {
    size = expandedSize(regexOf(pattern));
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new QueryError(`${where}.regex(): ${quote(pattern)} is not in Ommi's regex dialect: ${error.construct} at position ${error.position}: ${error.problem}`, { cause: error });
  }
  if (size > MAX_REGEX_SIZE) {
    throw new QueryError(
      `${where}.regex(): ${quote(pattern)} holds ${size} characters once its counted repetitions are written out, and at most ${MAX_REGEX_SIZE} are allowed (${WHY})`,
    );
  }
}
