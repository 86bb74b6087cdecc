import { complement, isAnyCharacter, MAX_CODE_POINT, onlyMember, type CodePointSet } from "./code-point-set.js";
import type { RegexNode } from "./regex-node.js";

/**
 * Ommi's regex tree (already checked against the dialect) written as a pattern that the
 * backtracking engines read identically: PCRE in UTF mode with no options (MongoDB, MariaDB's
 * REGEXP), ICU (MySQL 8's REGEXP) and Python's `re` (the MongoDB test stand-in's engine):
 * - every class is written out from its code-point set, never left to an engine's `.`, `\w` or
 *   locale: any character is `[\s\S]`, whatever the newline rules;
 * - `^` is the start of the text (neither engine is in multiline mode) and the end is
 *   `(?![\s\S])`, since both engines' `$` also match before a final newline (PCRE's `\z` is
 *   Python's `\Z`, so neither spelling is common to both);
 * - ASCII letters and digits are themselves, other ASCII is `\` + character or `\xHH`, U+0080 to
 *   U+00FF `\xHH`, anything above the character itself: no NUL byte ever reaches MongoDB (which
 *   refuses one in a pattern), no escape is read differently (`\x{...}` is PCRE only, `\u`
 *   Python only), and ICU's set syntax (`[[a]&&[b]]`) is never reached, since every punctuation
 *   character inside a class is escaped.
 */

export const ANY = "[\\s\\S]";
export const END_OF_TEXT = "(?![\\s\\S])";

/** The pattern for a `regex` value's tree. */
export function writeRegex(node: RegexNode): string {
  return write(withoutNestedRepeats(node));
}

/** One character of `set`: itself, a class, or a negated class when that is shorter. */
export function writeSet(set: CodePointSet): string {
  if (isAnyCharacter(set)) return ANY;
  const only = onlyMember(set);
  if (only !== undefined) return character(only);
  const first = set[0];
  const last = set[set.length - 1];
  // `\D`, `[^a]`, ... hold nearly everything: their complement is the short thing to write.
  if (first?.[0] === 0 && last?.[1] === MAX_CODE_POINT) return `[^${ranges(complement(set))}]`;
  return `[${ranges(set)}]`;
}

function write(node: RegexNode): string {
  switch (node.kind) {
    case "set":
      return writeSet(node.set);
    case "start":
      return "^";
    case "end":
      return END_OF_TEXT;
    case "sequence":
      return node.items.map((item) => (item.kind === "choice" ? `(?:${write(item)})` : write(item))).join("");
    case "choice":
      return node.items.map(write).join("|");
    case "repeat": {
      const item = node.item.kind === "set" ? write(node.item) : `(?:${write(node.item)})`;
      return item + quantifier(node.min, node.max);
    }
  }
}

/**
 * `(x+)+` is `x+`, `(x*){2,}` is `x*`: the same texts match, and a backtracking engine (both
 * MongoDB's and Python's are) no longer tries every way of splitting a run between the two
 * loops, which is exponential in the run's length. This removes the classic blow-up; it is not a
 * linear-time guarantee for every pattern (see the README's MongoDB notes).
 */
function withoutNestedRepeats(node: RegexNode): RegexNode {
  switch (node.kind) {
    case "sequence":
    case "choice":
      return { kind: node.kind, items: node.items.map(withoutNestedRepeats) };
    case "repeat": {
      const item = withoutNestedRepeats(node.item);
      if (node.max === undefined && item.kind === "repeat" && item.max === undefined && item.min <= 1) {
        return { kind: "repeat", item: item.item, min: item.min * node.min, max: undefined };
      }
      return { kind: "repeat", item, min: node.min, max: node.max };
    }
    default:
      return node;
  }
}

function quantifier(min: number, max: number | undefined): string {
  if (max === undefined) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(2, "0");

const isAsciiAlphanumeric = (codePoint: number) =>
  (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);

/** A code point written so that it means itself, inside a class or outside one. */
function character(codePoint: number): string {
  if (isAsciiAlphanumeric(codePoint)) return String.fromCodePoint(codePoint);
  // `\` before ASCII punctuation is that character in both engines, inside classes too.
  if (codePoint > 0x20 && codePoint < 0x7f) return `\\${String.fromCodePoint(codePoint)}`;
  if (codePoint <= 0xff) return `\\x${hex(codePoint)}`;
  return String.fromCodePoint(codePoint);
}

function ranges(set: CodePointSet): string {
  return set.map(([from, to]) => (from === to ? character(from) : to === from + 1 ? character(from) + character(to) : `${character(from)}-${character(to)}`)).join("");
}
