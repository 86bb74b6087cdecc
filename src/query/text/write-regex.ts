import { isAnyCharacter, onlyMember, type CodePointSet } from "./code-point-set.js";
import type { RegexNode } from "./regex-node.js";

/** How one engine's syntax writes a character and a set; the structure is the same for all. */
interface Syntax {
  /** `.` where the engine's own `.` means exactly "any character", or a set that does. */
  readonly any: string;
  character(codePoint: number): string;
  /** A code point inside brackets. */
  member(codePoint: number): string;
}

const isAsciiAlphanumeric = (codePoint: number) =>
  (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);

const hex = (codePoint: number, digits: number) => codePoint.toString(16).toUpperCase().padStart(digits, "0");

/**
 * PostgreSQL's advanced regular expressions (ARE). `.` matches any character, newline included,
 * unless newline-sensitive mode is asked for, which Ommi never does; `^` and `$` are then the
 * start and end of the text. Only ASCII letters and digits are written as themselves:
 * punctuation is escaped with `\` (literal in ARE), anything else in brackets or invisible is a
 * `\u`/`\U` code point escape, so neither ARE's extras (`[[:`, `\y`, `***=`) nor a locale can
 * ever be reached from a user's text.
 */
const postgres: Syntax = {
  any: ".",
  character(codePoint) {
    if (isAsciiAlphanumeric(codePoint) || codePoint > 0x9f) return String.fromCodePoint(codePoint);
    if (codePoint > 0x20 && codePoint < 0x7f) return `\\${String.fromCodePoint(codePoint)}`;
    return postgres.member(codePoint);
  },
  member(codePoint) {
    if (isAsciiAlphanumeric(codePoint)) return String.fromCodePoint(codePoint);
    return codePoint > 0xffff ? `\\U${hex(codePoint, 8)}` : `\\u${hex(codePoint, 4)}`;
  },
};

/** JavaScript, for the `u` flag (no `s` needed: `.` is written as an explicit set). */
const javascript: Syntax = {
  any: "[\\u{0}-\\u{D7FF}\\u{E000}-\\u{10FFFF}]",
  character(codePoint) {
    return isAsciiAlphanumeric(codePoint) ? String.fromCodePoint(codePoint) : `\\u{${hex(codePoint, 1)}}`;
  },
  member(codePoint) {
    return javascript.character(codePoint);
  },
};

/** The pattern in PostgreSQL's ARE syntax, for the `~` operator. */
export function toPostgresRegex(node: RegexNode): string {
  return write(node, postgres);
}

/** The pattern as a JavaScript RegExp source, to be used with the `u` flag (and no other). */
export function toJavaScriptRegex(node: RegexNode): string {
  return write(node, javascript);
}

function write(node: RegexNode, syntax: Syntax): string {
  switch (node.kind) {
    case "set":
      return writeSet(node.set, syntax);
    case "start":
      return "^";
    case "end":
      return "$";
    case "sequence":
      return node.items.map((item) => (item.kind === "choice" ? `(?:${write(item, syntax)})` : write(item, syntax))).join("");
    case "choice":
      return node.items.map((item) => write(item, syntax)).join("|");
    case "repeat": {
      const item = node.item.kind === "set" ? write(node.item, syntax) : `(?:${write(node.item, syntax)})`;
      return item + quantifier(node.min, node.max);
    }
  }
}

function writeSet(set: CodePointSet, syntax: Syntax): string {
  if (isAnyCharacter(set)) return syntax.any;
  const only = onlyMember(set);
  if (only !== undefined) return syntax.character(only);
  // An empty set (nothing can match) is never produced by the parser: it refuses `[]`.
  const members = set.map(([from, to]) => (from === to ? syntax.member(from) : to === from + 1 ? syntax.member(from) + syntax.member(to) : `${syntax.member(from)}-${syntax.member(to)}`));
  return `[${members.join("")}]`;
}

function quantifier(min: number, max: number | undefined): string {
  if (max === undefined) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}
