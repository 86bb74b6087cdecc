import { ANY_CHARACTER, complement, normalize, single, union, type CodePointSet } from "./code-point-set.js";
import { PatternError } from "./pattern-error.js";
import { characterFrom, choice, END, repeat, sequence, START, type RegexNode } from "./regex-node.js";

/** The largest count `{n,m}` may give: PostgreSQL's limit (RE_DUP_MAX), so every database takes it. */
export const MAX_REPEAT_COUNT = 255;

/** `\d`, `\w`, `\s`: ASCII only, so that no database's Unicode tables or locale change their meaning. */
export const CLASS_ESCAPES: Readonly<Record<"d" | "w" | "s", CodePointSet>> = {
  d: normalize([[0x30, 0x39]]),
  w: normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]),
  // Tab, line feed, vertical tab, form feed, carriage return, space.
  s: normalize([[0x09, 0x0d], [0x20, 0x20]]),
};

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

/** Characters that mean something outside a class; written `\x` they mean themselves. */
const METACHARACTERS = new Set("\\^$.|?*+()[]{}");

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

const WORD_BOUNDARY =
  "word boundaries differ between databases (PostgreSQL reads \\b as a backspace, and each database has its own idea of a word character); " +
  "write the boundary out, e.g. (^|[^A-Za-z0-9_])word([^A-Za-z0-9_]|$)";

/**
 * Parses a pattern of Ommi's regex dialect (documented in the README) into a `RegexNode`, or
 * throws a `PatternError` at the first construct outside it.
 */
export function parseRegex(pattern: string): RegexNode {
  const parser = new RegexParser(pattern);
  const node = parser.alternatives();
  parser.expectEnd();
  return node;
}

/** A class member: one code point, or a class escape (which cannot end a range). */
type Member = { readonly codePoint: number; readonly set?: undefined } | { readonly codePoint?: undefined; readonly set: CodePointSet };

class RegexParser {
  #at = 0;

  constructor(readonly pattern: string) {}

  expectEnd(): void {
    if (this.#at < this.pattern.length) {
      // Only a `)` stops the top-level alternatives early.
      throw this.#error(this.#at, ")", "this ) closes no group; write \\) for a literal parenthesis");
    }
  }

  alternatives(): RegexNode {
    const items = [this.#sequence()];
    while (this.#peek() === "|") {
      this.#at++;
      items.push(this.#sequence());
    }
    return choice(items);
  }

  #sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (let next = this.#peek(); next !== undefined && next !== "|" && next !== ")"; next = this.#peek()) {
      const start = this.#at;
      const atom = this.#atom();
      items.push(this.#quantified(atom, start));
    }
    return sequence(items);
  }

  #quantified(atom: RegexNode, atomStart: number): RegexNode {
    const start = this.#at;
    const bounds = this.#quantifier();
    if (!bounds) return atom;
    const written = this.pattern.slice(start, this.#at);
    // A bare anchor cannot be repeated (PostgreSQL refuses `^*`); a group holding one can.
    if (this.pattern[atomStart] === "^" || this.pattern[atomStart] === "$") {
      throw this.#error(start, written, `an anchor (${this.pattern.slice(atomStart, start)}) cannot be repeated`);
    }
    if (this.#peek() === "?") this.#at++; // Lazy: the same yes/no answer as greedy.
    else if (this.#peek() === "+") throw this.#error(start, `${written}+`, "possessive quantifiers are not in Ommi's regex dialect; write the quantifier without the +");
    const next = this.#at;
    if (this.#quantifier()) {
      throw this.#error(next, this.pattern.slice(next, this.#at), "a quantifier cannot follow another one; group first, e.g. (a*)*");
    }
    return repeat(atom, bounds[0], bounds[1]);
  }

  /** Reads a quantifier if one is next, or returns undefined without moving. */
  #quantifier(): [number, number | undefined] | undefined {
    const next = this.#peek();
    if (next === "*" || next === "+" || next === "?") {
      this.#at++;
      return next === "*" ? [0, undefined] : next === "+" ? [1, undefined] : [0, 1];
    }
    if (next !== "{") return undefined;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.#at, this.#at + 24));
    if (!match) {
      if (/^\{,\d*\}/.test(this.pattern.slice(this.#at, this.#at + 24))) throw this.#error(this.#at, "{,", "a count needs its lower bound: write {0,n}");
      throw this.#error(this.#at, "{", "a literal { must be escaped as \\{ (a count is written {n}, {n,} or {n,m})");
    }
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : undefined;
    const written = match[0];
    if (min > MAX_REPEAT_COUNT || (max !== undefined && max > MAX_REPEAT_COUNT)) {
      throw this.#error(this.#at, written, `a count may be at most ${MAX_REPEAT_COUNT}`);
    }
    if (max !== undefined && max < min) throw this.#error(this.#at, written, "the upper bound is below the lower one");
    this.#at += written.length;
    return [min, max];
  }

  #atom(): RegexNode {
    const start = this.#at;
    const next = this.#peek() as string;
    switch (next) {
      case "^":
        this.#at++;
        return START;
      case "$":
        this.#at++;
        return END;
      case ".":
        this.#at++;
        return characterFrom(ANY_CHARACTER);
      case "(":
        return this.#group();
      case "[":
        return characterFrom(this.#class());
      case "\\": {
        const member = this.#escape(false);
        return characterFrom(member.set ?? single(member.codePoint));
      }
      case "*":
      case "+":
      case "?":
      case "{": {
        if (next === "{" && !/^\{\d+(,\d*)?\}/.test(this.pattern.slice(start, start + 24))) this.#quantifier(); // throws the brace message
        throw this.#error(start, next, "this quantifier has nothing to repeat; escape it (\\" + next + ") for the character itself");
      }
      case "}":
      case "]":
        throw this.#error(start, next, `a literal ${next} must be escaped as \\${next}`);
      default: {
        const codePoint = this.pattern.codePointAt(start) as number;
        this.#at += codePoint > 0xffff ? 2 : 1;
        return characterFrom(single(codePoint));
      }
    }
  }

  #group(): RegexNode {
    const start = this.#at;
    this.#at++;
    if (this.#peek() === "?") {
      const rest = this.pattern.slice(start, start + 12);
      if (rest.startsWith("(?:")) this.#at += 2;
      else throw this.#error(start, groupConstruct(rest), groupProblem(rest));
    }
    const inner = this.alternatives();
    if (this.#peek() !== ")") throw this.#error(start, "(", "this group is never closed with )");
    this.#at++;
    return inner;
  }

  #class(): CodePointSet {
    const start = this.#at;
    this.#at++;
    const negated = this.#peek() === "^";
    if (negated) this.#at++;
    if (this.#peek() === "]") {
      const written = this.pattern.slice(start, this.#at + 1);
      throw this.#error(start, written, negated ? "[^] is JavaScript's \"any character\"; write . instead" : "an empty class matches nothing; escape a literal ] as \\]");
    }
    const parts: CodePointSet[] = [];
    for (;;) {
      const next = this.#peek();
      if (next === undefined) throw this.#error(start, "[", "this class is never closed with ]");
      if (next === "]") break;
      const memberStart = this.#at;
      const member = this.#member();
      // `-` between two members is a range; first or last in the class it is itself.
      if (this.#peek() !== "-" || this.pattern[this.#at + 1] === "]" || this.#at + 1 >= this.pattern.length) {
        parts.push(member.set ?? single(member.codePoint));
        continue;
      }
      this.#at++;
      const end = this.#member();
      const written = this.pattern.slice(memberStart, this.#at);
      if (member.set || end.set) throw this.#error(memberStart, written, "a range needs a single character at each end; escape a literal - as \\-");
      if (end.codePoint < member.codePoint) throw this.#error(memberStart, written, "this range is out of order");
      parts.push(normalize([[member.codePoint, end.codePoint]]));
      if (this.#peek() === "-" && this.pattern[this.#at + 1] !== "]") {
        throw this.#error(this.#at, "-", "a - right after a range is ambiguous; escape it as \\-");
      }
    }
    this.#at++;
    const members = union(...parts);
    const set = negated ? complement(members) : members;
    if (set.length === 0) throw this.#error(start, this.pattern.slice(start, this.#at), "this class matches no character at all");
    return set;
  }

  #member(): Member {
    const start = this.#at;
    const next = this.#peek() as string;
    if (next === "\\") return this.#escape(true);
    if (next === "[") {
      const kind = this.pattern[start + 1];
      if (kind === ":" || kind === "." || kind === "=") {
        const close = this.pattern.indexOf(`${kind}]`, start + 2);
        const written = close < 0 ? `[${kind}` : this.pattern.slice(start, close + 2);
        throw this.#error(start, written, "POSIX classes depend on the server's locale and are not in Ommi's regex dialect; write the ranges, e.g. [A-Za-z]");
      }
      throw this.#error(start, "[", "a literal [ inside a class must be escaped as \\[");
    }
    const codePoint = this.pattern.codePointAt(start) as number;
    this.#at += codePoint > 0xffff ? 2 : 1;
    return { codePoint };
  }

  /** After a `\`, inside a class or not. */
  #escape(inClass: boolean): Member {
    const start = this.#at;
    this.#at++;
    const codePoint = this.pattern.codePointAt(this.#at);
    if (codePoint === undefined) throw this.#error(start, "\\", "a trailing \\ escapes nothing; write \\\\ for a backslash");
    const next = String.fromCodePoint(codePoint);
    this.#at += next.length;
    const written = `\\${next}`;
    switch (next) {
      case "d":
      case "w":
      case "s":
        return { set: CLASS_ESCAPES[next] };
      case "D":
      case "W":
      case "S":
        return { set: complement(CLASS_ESCAPES[next.toLowerCase() as "d" | "w" | "s"]) };
      case "t":
      case "n":
      case "v":
      case "f":
      case "r":
        return { codePoint: CONTROL_ESCAPES[next] as number };
      case "u":
        return { codePoint: this.#unicodeEscape(start) };
      case "x": {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.pattern.slice(this.#at, this.#at + 2));
        if (!hex) throw this.#error(start, written, "\\x needs two hexadecimal digits, e.g. \\x41");
        this.#at += 2;
        return { codePoint: Number.parseInt(hex[0], 16) };
      }
      case "b":
      case "B":
        throw this.#error(start, written, inClass ? "\\b inside a class means a backspace in some databases only; write \\u0008" : WORD_BOUNDARY);
      case "p":
      case "P":
        throw this.#error(start, propertyConstruct(this.pattern, start), "Unicode property classes are not available on every database; write the ranges, e.g. [A-Za-zÀ-ÖØ-öø-ÿ]");
      case "k":
        throw this.#error(start, written, "backreferences are not in Ommi's regex dialect: they cannot be matched in linear time");
      case "A":
      case "z":
      case "Z":
      case "G":
        throw this.#error(start, written, "write ^ for the start and $ for the end of the text");
    }
    if (next >= "1" && next <= "9") throw this.#error(start, written, "backreferences are not in Ommi's regex dialect: they cannot be matched in linear time");
    if (next === "0") throw this.#error(start, written, "octal escapes are not in Ommi's regex dialect; write \\u0000 for U+0000");
    if (ASCII_PUNCTUATION.test(next)) return { codePoint };
    if (codePoint > 0x7f) throw this.#error(start, written, `write ${next} without the backslash`);
    const known = inClass ? "" : METACHARACTERS.has(next) ? "" : " (a backslash makes ASCII punctuation literal, and \\d \\w \\s \\D \\W \\S \\t \\n \\r \\f \\v \\uXXXX \\u{X…} \\xHH are escapes)";
    throw this.#error(start, written, `this escape is not in Ommi's regex dialect${known}`);
  }

  /** `\uXXXX` (two of them for a surrogate pair) or `\u{X…}`: a code point, never a lone surrogate. */
  #unicodeEscape(start: number): number {
    if (this.#peek() === "{") {
      const match = /^\{([0-9A-Fa-f]{1,6})\}/.exec(this.pattern.slice(this.#at, this.#at + 8));
      const value = match ? Number.parseInt(match[1] as string, 16) : undefined;
      if (!match || value === undefined || value > 0x10ffff) throw this.#error(start, "\\u{", "\\u{…} needs 1 to 6 hexadecimal digits naming a code point up to 10FFFF");
      this.#at += match[0].length;
      if (value >= 0xd800 && value <= 0xdfff) throw this.#error(start, this.pattern.slice(start, this.#at), "a lone surrogate can never occur in stored text");
      return value;
    }
    const unit = this.#fourHex(start);
    if (unit >= 0xdc00 && unit <= 0xdfff) throw this.#error(start, this.pattern.slice(start, this.#at), "a lone surrogate can never occur in stored text");
    if (unit < 0xd800 || unit > 0xdbff) return unit;
    // A high surrogate: only the first half of an escaped pair, as in JavaScript's `u` mode.
    if (this.pattern.startsWith("\\u", this.#at)) {
      const back = this.#at;
      this.#at += 2;
      const low = /^[0-9A-Fa-f]{4}/.test(this.pattern.slice(this.#at, this.#at + 4)) ? this.#fourHex(start) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      this.#at = back;
    }
    throw this.#error(start, this.pattern.slice(start, this.#at), "a lone surrogate can never occur in stored text");
  }

  #fourHex(start: number): number {
    const hex = /^[0-9A-Fa-f]{4}/.exec(this.pattern.slice(this.#at, this.#at + 4));
    if (!hex) throw this.#error(start, "\\u", "\\u needs four hexadecimal digits (\\u00E9) or braces (\\u{1F600})");
    this.#at += 4;
    return Number.parseInt(hex[0], 16);
  }

  #peek(): string | undefined {
    return this.pattern[this.#at];
  }

  #error(position: number, construct: string, problem: string): PatternError {
    return new PatternError(position, construct, problem);
  }
}

function groupConstruct(rest: string): string {
  if (rest.startsWith("(?<=") || rest.startsWith("(?<!")) return rest.slice(0, 4);
  return /^\(\?[a-zA-Z-]+[):]/.exec(rest)?.[0] ?? rest.slice(0, 3);
}

function groupProblem(rest: string): string {
  if (/^\(\?(=|!|<=|<!)/.test(rest)) return "lookaround is not in Ommi's regex dialect: not every database has it, and it cannot be matched in linear time";
  if (rest.startsWith("(?<")) return "named groups are not in Ommi's regex dialect; write (…) or (?:…)";
  if (rest.startsWith("(?>")) return "atomic groups are not in Ommi's regex dialect; write (?:…)";
  if (rest.startsWith("(?#")) return "comments are not in Ommi's regex dialect";
  if (/^\(\?[a-zA-Z-]/.test(rest)) return "inline flags are not in Ommi's regex dialect; regex is always case-sensitive (use ilike to ignore case), . always matches a newline, and ^ $ always mean the start and end of the text";
  return "only (?:…) may follow ( with ?";
}

function propertyConstruct(pattern: string, start: number): string {
  const close = pattern.indexOf("}", start);
  return pattern[start + 2] === "{" && close > 0 && close - start < 40 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2);
}
