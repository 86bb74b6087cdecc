import type { PatternToken } from "../sql/patterns.js";

/**
 * Case-insensitive matching that agrees with JavaScript's (the `iu` RegExp flags, i.e. Unicode
 * simple case folding), written as a case-sensitive regular expression: each letter becomes a
 * bracket of every character that folds like it (`k` → `[kKK]`, with the Kelvin sign).
 * PostgreSQL's own ILIKE and `~*` fold by the column's collation, and under `COLLATE "C"` (which
 * Ommi's tables use for code point order) they fold ASCII letters only.
 */

/** Last code point with a case mapping in Unicode 15 is in Adlam (U+1E943); a margin costs little. */
const LAST_CASED = 0x1ffff;

let variants: ReadonlyMap<string, string> | undefined;

/** Every character that has case variants → all of them (itself included), in code point order. */
function caseVariants(): ReadonlyMap<string, string> {
  if (variants) return variants;
  const groups = new Map<string, Set<string>>();
  const join = (a: string, b: string) => {
    const first = groups.get(a) ?? new Set([a]);
    const second = groups.get(b) ?? new Set([b]);
    if (first === second) return;
    for (const member of second) first.add(member);
    for (const member of first) groups.set(member, first);
  };
  for (let codePoint = 0; codePoint <= LAST_CASED; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const character = String.fromCodePoint(codePoint);
    const candidates = [character.toLowerCase(), character.toUpperCase()].filter((other) => other !== character && [...other].length === 1);
    if (candidates.length === 0) continue;
    // toLowerCase/toUpperCase are not case folding (e.g. `ı`.toUpperCase() is `I`, which does not fold to `ı`): ask the RegExp engine.
    const sameLetter = new RegExp(`^${escapeRegex(character)}$`, "iu");
    for (const other of candidates) if (sameLetter.test(other)) join(character, other);
  }
  const result = new Map<string, string>();
  for (const [character, group] of groups) result.set(character, [...group].sort(byCodePoint).join(""));
  return (variants = result);
}

function byCodePoint(a: string, b: string): number {
  return (a.codePointAt(0) as number) - (b.codePointAt(0) as number);
}

/** Characters that are special in both JavaScript and PostgreSQL (ARE) regular expressions. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An anchored, case-sensitive regular expression (PostgreSQL ARE syntax) that matches what the
 * tokens match, ignoring case. In ARE `.` matches any character, newlines included.
 */
export function toCaseInsensitiveRegex(tokens: readonly PatternToken[]): string {
  const table = caseVariants();
  let source = "^";
  for (const token of tokens) {
    if (token.kind === "any") source += ".*";
    else if (token.kind === "one") source += ".";
    else {
      for (const character of token.text) {
        const group = table.get(character);
        source += group ? `[${group}]` : escapeRegex(character);
      }
    }
  }
  return `${source}$`;
}
