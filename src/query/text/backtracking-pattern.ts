import { ANY, END_OF_TEXT, writeRegex, writeSet } from "./backtracking-regex.js";
import { caseVariants } from "./case-folding.js";
import type { CodePointSet } from "./code-point-set.js";
import { tokensFor, type PatternToken, type TextOperator } from "./like-pattern.js";
import { parseRegex } from "./parse-regex.js";

/**
 * The pattern for a text operator's value on a backtracking engine (MongoDB's `$regex`, MySQL's
 * and MariaDB's REGEXP), with Ommi's meaning:
 * contains/startsWith/endsWith take their value literally, like/ilike read `%`, `_` and `\`
 * Ommi's way, ilike ignores case by Ommi's folding (each letter written as the class of its case
 * variants, so no engine's `i` flag takes part), and regex is the dialect's tree (backtracking-regex.ts).
 */
export function toBacktrackingPattern(operator: TextOperator, value: string): string {
  return operator === "regex" ? writeRegex(parseRegex(value)) : likePattern(tokensFor(operator, value), operator === "ilike");
}

/**
 * LIKE tokens as a pattern that backtracking engines run in time linear in the text (times the
 * pattern): the literal runs between `%` are fixed-length, so taking each run at its earliest
 * place after the previous one is right (it leaves the most room for the rest), and each
 * `(?>[\s\S]*?run)` does exactly that and never gives its place back. Written naively,
 * `%a%a%a%b` on a long text of `a`s tries every way of placing the runs.
 */
function likePattern(tokens: readonly PatternToken[], ignoreCase: boolean): string {
  const runs = splitAtAny(tokens);
  const anchoredStart = tokens[0]?.kind !== "any";
  const anchoredEnd = tokens.length === 0 || tokens[tokens.length - 1]?.kind !== "any";
  const write = (run: readonly PatternToken[]) => run.map((token) => writeToken(token, ignoreCase)).join("");
  if (runs.length === 1 && anchoredStart && anchoredEnd) return `^${write(runs[0] ?? [])}${END_OF_TEXT}`;
  let pattern = "^";
  runs.forEach((run, index) => {
    const first = index === 0;
    const last = index === runs.length - 1;
    const end = last && anchoredEnd ? END_OF_TEXT : "";
    pattern += first && anchoredStart ? write(run) : `(?>${ANY}*?${write(run)}${end})`;
  });
  return pattern;
}

/** The literal runs (text and `_`) between `%`s; none when the tokens are only `%`s. */
function splitAtAny(tokens: readonly PatternToken[]): PatternToken[][] {
  const runs: PatternToken[][] = [];
  let run: PatternToken[] = [];
  for (const token of tokens) {
    if (token.kind !== "any") run.push(token);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  // The empty pattern is one empty run: it matches the empty text only.
  if (run.length || tokens.length === 0) runs.push(run);
  return runs;
}

function writeToken(token: PatternToken, ignoreCase: boolean): string {
  if (token.kind === "one") return ANY;
  if (token.kind === "any") return `${ANY}*`;
  let written = "";
  for (const character of token.text) {
    const codePoint = character.codePointAt(0) as number;
    const set: CodePointSet = ignoreCase ? caseVariants(codePoint) : [[codePoint, codePoint]];
    written += writeSet(set);
  }
  return written;
}

