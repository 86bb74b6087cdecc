import { caseVariants } from "./case-folding.js";
import { ANY_CHARACTER, single } from "./code-point-set.js";
import type { PatternToken } from "./like-pattern.js";
import { characterFrom, END, repeat, sequence, START, type RegexNode } from "./regex-node.js";

/**
 * The regex that matches exactly what LIKE tokens match (the whole text), ignoring case when
 * asked. A leading or trailing "any run" is left to the search instead of written as `^.*` or
 * `.*$`: same answer, less work for every engine.
 */
export function likeToRegex(tokens: readonly PatternToken[], ignoreCase: boolean): RegexNode {
  let first = 0;
  let last = tokens.length;
  while (first < last && tokens[first]?.kind === "any") first++;
  while (last > first && tokens[last - 1]?.kind === "any") last--;
  if (tokens.length > 0 && first === tokens.length) return sequence([]); // only "any": every text
  const items: RegexNode[] = [];
  if (first === 0) items.push(START);
  let previous: PatternToken["kind"] | undefined;
  for (const token of tokens.slice(first, last)) {
    if (token.kind === "any") {
      if (previous !== "any") items.push(repeat(characterFrom(ANY_CHARACTER), 0, undefined));
    } else if (token.kind === "one") items.push(characterFrom(ANY_CHARACTER));
    else {
      for (const character of token.text) {
        const codePoint = character.codePointAt(0) as number;
        items.push(characterFrom(ignoreCase ? caseVariants(codePoint) : single(codePoint)));
      }
    }
    previous = token.kind;
  }
  if (last === tokens.length) items.push(END);
  return sequence(items);
}
