import { ReferenceRegex } from "./regex.js";

/**
 * DESIGN §4 rule 3 in plain JavaScript, in time linear in (pattern × text) so that the reference
 * never hangs on the long texts and many wildcards the generator makes: `contains`, `startsWith`
 * and `endsWith` take literal text; `like` takes `%` (any run) and `_` (one character), `\` making
 * the next character literal (a trailing `\` is itself); `ilike` is `like` ignoring case as
 * JavaScript's `iu` RegExp flags do (Unicode simple case folding, one code point at a time).
 */

type Token = number | "any" | "one";

const codePoints = (text: string) => [...text].map((character) => character.codePointAt(0) as number);

function likeTokens(pattern: string): Token[] {
  const characters = codePoints(pattern);
  const tokens: Token[] = [];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as number;
    if (character === 0x25) tokens.push("any");
    else if (character === 0x5f) tokens.push("one");
    else if (character === 0x5c && index + 1 < characters.length) tokens.push(characters[++index] as number);
    else tokens.push(character);
  }
  return tokens;
}

/** Wildcard matching that backtracks only to the last `%`: at most (pattern × text) steps. */
function likeMatches(tokens: readonly Token[], text: readonly number[], same: (a: number, b: number) => boolean): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token === "one" || (typeof token === "number" && same(token, text[t] as number))) {
      t++;
      p++;
    } else if (token === "any") {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (tokens[p] === "any") p++;
  return p === tokens.length;
}

const exactly = (a: number, b: number) => a === b;

/** One RegExp per pattern code point: `iu` matching is the definition of "the same ignoring case". */
const folded = new Map<number, RegExp>();
function sameIgnoringCase(a: number, b: number): boolean {
  if (a === b) return true;
  let regExp = folded.get(a);
  if (!regExp) {
    const escaped = String.fromCodePoint(a).replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    folded.set(a, (regExp = new RegExp(`^${escaped}$`, "iu")));
  }
  return regExp.test(String.fromCodePoint(b));
}

const regexes = new Map<string, ReferenceRegex>();
function regexFor(pattern: string): ReferenceRegex {
  let found = regexes.get(pattern);
  if (!found) {
    if (regexes.size > 2000) regexes.clear();
    regexes.set(pattern, (found = new ReferenceRegex(pattern)));
  }
  return found;
}

/** Whether `text` matches the pattern of a text operator. */
export function textMatches(operator: string, text: string, pattern: string): boolean {
  switch (operator) {
    case "contains":
      return text.includes(pattern);
    case "startsWith":
      return text.startsWith(pattern);
    case "endsWith":
      return text.endsWith(pattern);
    case "like":
      return likeMatches(likeTokens(pattern), codePoints(text), exactly);
    case "ilike":
      return likeMatches(likeTokens(pattern), codePoints(text), sameIgnoringCase);
    case "regex":
      return regexFor(pattern).test(text);
  }
  throw new Error(`the reference knows no text operator ${operator}`);
}
