/**
 * Ommi's regex dialect, implemented a second time for the reference evaluator: a parser of the
 * documented subset and a matcher that simulates the pattern's automaton (Thompson's
 * construction), so that the reference runs in time linear in (pattern × text) like the drivers
 * must, and shares no code with the core's parser or the drivers' translations. Its meaning of
 * each construct is in CLASSES and `predicate` below, taken from the dialect's documentation.
 */

/** A class escape: `\d \w \s` and their complements. */
export type ClassName = "d" | "w" | "s" | "D" | "W" | "S";

export type SetItem =
  | { readonly kind: "char"; readonly code: number }
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "class"; readonly name: ClassName };

export type RegexNode =
  | { readonly kind: "char"; readonly code: number }
  | { readonly kind: "any" }
  | { readonly kind: "class"; readonly name: ClassName }
  | { readonly kind: "set"; readonly negated: boolean; readonly items: readonly SetItem[] }
  | { readonly kind: "start" }
  | { readonly kind: "end" }
  | { readonly kind: "group"; readonly alternatives: readonly (readonly RegexNode[])[] }
  | { readonly kind: "repeat"; readonly node: RegexNode; readonly min: number; readonly max: number | undefined };

/** A pattern: its alternatives, each a sequence. */
export type Regex = readonly (readonly RegexNode[])[];

const inRanges = (ranges: readonly (readonly [number, number])[]) => (code: number) => ranges.some(([from, to]) => code >= from && code <= to);

/**
 * What `\d`, `\w` and `\s` match: ASCII digits; ASCII letters, digits and `_`; tab, line feed,
 * vertical tab, form feed, carriage return and space. The upper-case escapes match every other
 * code point.
 */
const CLASS_RANGES: Readonly<Record<"d" | "w" | "s", readonly (readonly [number, number])[]>> = {
  d: [[0x30, 0x39]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  s: [[0x09, 0x0d], [0x20, 0x20]],
};

export const CLASSES: Readonly<Record<"d" | "w" | "s", (code: number) => boolean>> = {
  d: inRanges(CLASS_RANGES.d),
  w: inRanges(CLASS_RANGES.w),
  s: inRanges(CLASS_RANGES.s),
};

function classMatches(name: ClassName, code: number): boolean {
  const base = CLASSES[name.toLowerCase() as "d" | "w" | "s"];
  return name === name.toLowerCase() ? base(code) : !base(code);
}

/** Characters that mean something outside brackets; escaped with `\\` they mean themselves. */
export const METACHARACTERS = "\\^$.|?*+()[]{}";
/** Characters to escape inside brackets (`-` only where it would make a range; `^` only first). */
export const SET_METACHARACTERS = "\\]^-[";

/** Escapes for control characters. */
const CONTROL: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };
/** Largest count of `{n,m}`. */
export const MAX_COUNT = 255;

const isAsciiPunctuation = (unit: number) => (unit >= 0x21 && unit <= 0x2f) || (unit >= 0x3a && unit <= 0x40) || (unit >= 0x5b && unit <= 0x60) || (unit >= 0x7b && unit <= 0x7e);
const isHex = (text: string) => /^[0-9A-Fa-f]+$/.test(text);
const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

export class RegexSyntaxError extends Error {}

/** Whether brackets match no character: every code point outside the surrogates is in them (negated) or none is. */
function matchesNothing(set: { readonly negated: boolean; readonly items: readonly SetItem[] }): boolean {
  if (!set.negated) return set.items.length === 0;
  const covered: [number, number][] = [[0xd800, 0xdfff]];
  for (const item of set.items) {
    if (item.kind === "char") covered.push([item.code, item.code]);
    else if (item.kind === "range") covered.push([item.from, item.to]);
    else {
      const ranges = CLASS_RANGES[item.name.toLowerCase() as "d" | "w" | "s"];
      if (item.name === item.name.toLowerCase()) covered.push(...ranges.map(([from, to]): [number, number] => [from, to]));
      else {
        let next = 0;
        for (const [from, to] of ranges) {
          if (from > next) covered.push([next, from - 1]);
          next = to + 1;
        }
        covered.push([next, 0x10ffff]);
      }
    }
  }
  covered.sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [from, to] of covered) {
    if (from > next) return false;
    next = Math.max(next, to + 1);
  }
  return next > 0x10ffff;
}

/** Parses a pattern of the dialect; throws RegexSyntaxError for anything outside it. */
export function parseRegex(pattern: string): Regex {
  const parser = new Parser([...pattern].map((character) => character.codePointAt(0) as number));
  const alternatives = parser.alternatives();
  if (!parser.done()) throw new RegexSyntaxError(`unexpected ${parser.describe()} at ${parser.at}`);
  return alternatives;
}

const code = (character: string) => character.codePointAt(0) as number;

class Parser {
  at = 0;
  constructor(private readonly codes: readonly number[]) {}

  done(): boolean {
    return this.at >= this.codes.length;
  }

  describe(): string {
    return this.done() ? "the end" : JSON.stringify(String.fromCodePoint(this.codes[this.at] as number));
  }

  #peek(offset = 0): number | undefined {
    return this.codes[this.at + offset];
  }

  #take(): number {
    const next = this.codes[this.at++];
    if (next === undefined) throw new RegexSyntaxError("unexpected end of pattern");
    return next;
  }

  #is(character: string, offset = 0): boolean {
    return this.#peek(offset) === code(character);
  }

  /** The next `length` characters as text (fewer at the end). */
  #ahead(length: number): string {
    return String.fromCodePoint(...this.codes.slice(this.at, this.at + length));
  }

  alternatives(): RegexNode[][] {
    const alternatives = [this.#sequence()];
    while (this.#is("|")) {
      this.at++;
      alternatives.push(this.#sequence());
    }
    return alternatives;
  }

  #sequence(): RegexNode[] {
    const nodes: RegexNode[] = [];
    while (!this.done() && !this.#is("|") && !this.#is(")")) nodes.push(this.#quantified());
    return nodes;
  }

  #quantified(): RegexNode {
    const atom = this.#atom();
    const bounds = this.#quantifier();
    if (!bounds) return atom;
    // A bare anchor; a group holding one may be repeated.
    if (atom.kind === "start" || atom.kind === "end") throw new RegexSyntaxError("an anchor cannot be repeated");
    // Lazy (`*?`) answers the same yes or no as greedy; possessive (`*+`) is not in the dialect.
    if (this.#is("?")) this.at++;
    if (this.#is("*") || this.#is("+") || this.#is("?") || this.#is("{")) throw new RegexSyntaxError("a quantifier cannot follow a quantifier");
    return { kind: "repeat", node: atom, min: bounds[0], max: bounds[1] };
  }

  #quantifier(): [number, number | undefined] | undefined {
    if (this.#is("*")) return (this.at++, [0, undefined]);
    if (this.#is("+")) return (this.at++, [1, undefined]);
    if (this.#is("?")) return (this.at++, [0, 1]);
    if (!this.#is("{")) return undefined;
    const count = /^\{([0-9]+)(,([0-9]*))?\}/.exec(this.#ahead(24));
    if (!count) throw new RegexSyntaxError("a { that starts no count {n}, {n,} or {n,m}");
    const min = Number(count[1]);
    const max = count[2] === undefined ? min : count[3] ? Number(count[3]) : undefined;
    if (min > MAX_COUNT || (max ?? 0) > MAX_COUNT) throw new RegexSyntaxError(`a count above ${MAX_COUNT}`);
    if (max !== undefined && max < min) throw new RegexSyntaxError("{n,m} with m < n");
    this.at += count[0].length;
    return [min, max];
  }

  #atom(): RegexNode {
    const next = this.#take();
    switch (String.fromCodePoint(next)) {
      case "^":
        return { kind: "start" };
      case "$":
        return { kind: "end" };
      case ".":
        return { kind: "any" };
      case "(": {
        if (this.#is("?")) {
          if (!this.#is(":", 1)) throw new RegexSyntaxError("only (?: may follow ( with ?");
          this.at += 2;
        }
        const alternatives = this.alternatives();
        if (this.done() || this.#take() !== code(")")) throw new RegexSyntaxError("unclosed (");
        return { kind: "group", alternatives };
      }
      case "[":
        return this.#set();
      case "\\":
        return this.#escape(false);
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "]":
        throw new RegexSyntaxError(`unescaped ${String.fromCodePoint(next)}`);
      default:
        return { kind: "char", code: next };
    }
  }

  /** After a `\\`: a class, a control character, a code point in hexadecimal, or escaped ASCII punctuation. */
  #escape(inSet: boolean): RegexNode & SetItem {
    const next = this.#take();
    const letter = String.fromCodePoint(next);
    if ("dwsDWS".includes(letter)) return { kind: "class", name: letter as ClassName };
    if (letter in CONTROL) return { kind: "char", code: CONTROL[letter] as number };
    if (letter === "x") {
      const digits = this.#ahead(2);
      if (digits.length < 2 || !isHex(digits)) throw new RegexSyntaxError("\\x needs two hexadecimal digits");
      this.at += 2;
      return { kind: "char", code: Number.parseInt(digits, 16) };
    }
    if (letter === "u") return { kind: "char", code: this.#unicode() };
    if (letter === "b" && inSet) throw new RegexSyntaxError("\\b inside brackets");
    if (isAsciiPunctuation(next)) return { kind: "char", code: next };
    throw new RegexSyntaxError(`\\${letter} is not in the dialect`);
  }

  /** After `\\u`: `XXXX` (a pair of them for a character above U+FFFF) or `{X…}`; never a lone surrogate. */
  #unicode(): number {
    if (this.#is("{")) {
      const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(this.#ahead(9));
      const value = braced ? Number.parseInt(braced[1] as string, 16) : Number.NaN;
      if (!braced || value > 0x10ffff || isSurrogate(value)) throw new RegexSyntaxError("\\u{...} must name a code point that is not a surrogate");
      this.at += braced[0].length;
      return value;
    }
    const unit = this.#fourHex();
    if (!isSurrogate(unit)) return unit;
    if (unit <= 0xdbff && this.#ahead(2) === "\\u") {
      this.at += 2;
      const low = this.#fourHex();
      if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }
    throw new RegexSyntaxError("\\u names a lone surrogate");
  }

  #fourHex(): number {
    const digits = this.#ahead(4);
    if (digits.length < 4 || !isHex(digits)) throw new RegexSyntaxError("\\u needs four hexadecimal digits");
    this.at += 4;
    return Number.parseInt(digits, 16);
  }

  #set(): RegexNode {
    const negated = this.#is("^");
    if (negated) this.at++;
    const items: SetItem[] = [];
    if (this.#is("]")) throw new RegexSyntaxError("an empty bracket expression");
    while (!this.#is("]")) {
      if (this.done()) throw new RegexSyntaxError("unclosed [");
      const first = this.#setMember();
      // `-` makes a range between two members; first or last in the brackets it is itself.
      if (!this.#is("-") || this.#is("]", 1) || this.#peek(1) === undefined) {
        items.push(first);
        continue;
      }
      this.at++;
      const last = this.#setMember();
      if (first.kind !== "char" || last.kind !== "char") throw new RegexSyntaxError("a range needs a character at each end");
      if (last.code < first.code) throw new RegexSyntaxError("a range out of order");
      items.push({ kind: "range", from: first.code, to: last.code });
      if (this.#is("-") && !this.#is("]", 1)) throw new RegexSyntaxError("a - right after a range");
    }
    this.at++;
    const set = { kind: "set", negated, items } as const;
    if (matchesNothing(set)) throw new RegexSyntaxError("brackets that match no character at all");
    return set;
  }

  #setMember(): SetItem {
    const next = this.#take();
    if (next === code("\\")) return this.#escape(true);
    if (next === code("[")) throw new RegexSyntaxError("an unescaped [ inside [...]");
    return { kind: "char", code: next };
  }
}

/** Characters the pattern holds once counted repetitions are written out: a repetition counts its upper bound (or its lower bound + 1, when it has none). */
export function expandedSize(regex: Regex): number {
  const size = (node: RegexNode): number => {
    switch (node.kind) {
      case "start":
      case "end":
        return 0;
      case "group":
        return expandedSize(node.alternatives);
      case "repeat":
        // As documented: a repeated part that reads nothing (`(){10}`, `(^)*`) still counts 1 per copy.
        return Math.max(1, size(node.node)) * Math.max(1, node.max ?? node.min + 1);
      default:
        return 1;
    }
  };
  return regex.reduce((total, sequence) => total + sequence.reduce((sum, node) => sum + size(node), 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Matching: the pattern becomes a program of a few instruction kinds; a set of threads walks the
// text once, so time is linear in (pattern × text) whatever the pattern.

type Instruction =
  | { readonly op: "test"; readonly matches: (code: number) => boolean }
  | { readonly op: "split"; next: number; other: number }
  | { readonly op: "jump"; next: number }
  | { readonly op: "start" | "end" | "match" };

/** Repetitions beyond this are refused: a pattern of the dialect is bounded in length anyway. */
const MAX_PROGRAM = 200_000;

class Compiler {
  readonly program: Instruction[] = [];

  emit(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM) throw new RegexSyntaxError("the pattern is too large for the reference");
    return this.program.push(instruction) - 1;
  }

  alternatives(alternatives: Regex): void {
    // split L1, next; L1: seq1; jump end; next: split L2, ...
    const jumps: { next: number }[] = [];
    alternatives.forEach((sequence, index) => {
      const last = index === alternatives.length - 1;
      const split = last ? undefined : (this.program[this.emit({ op: "split", next: 0, other: 0 })] as { next: number; other: number });
      if (split) split.next = this.program.length;
      for (const node of sequence) this.node(node);
      if (!last) {
        const jump = this.program[this.emit({ op: "jump", next: 0 })] as { next: number };
        jumps.push(jump);
        (split as { other: number }).other = this.program.length;
      }
    });
    for (const jump of jumps) jump.next = this.program.length;
  }

  node(node: RegexNode): void {
    switch (node.kind) {
      case "char":
        this.emit({ op: "test", matches: (code) => code === node.code });
        return;
      case "any":
        this.emit({ op: "test", matches: () => true });
        return;
      case "class":
        this.emit({ op: "test", matches: (code) => classMatches(node.name, code) });
        return;
      case "set":
        this.emit({ op: "test", matches: (code) => node.items.some((item) => itemMatches(item, code)) !== node.negated });
        return;
      case "start":
      case "end":
        this.emit({ op: node.kind });
        return;
      case "group":
        this.alternatives(node.alternatives);
        return;
      case "repeat":
        this.repeat(node.node, node.min, node.max);
    }
  }

  repeat(node: RegexNode, min: number, max: number | undefined): void {
    for (let index = 0; index < min; index++) this.node(node);
    if (max === undefined) {
      // L: split body, out; body; jump L
      const loop = this.emit({ op: "split", next: 0, other: 0 });
      const split = this.program[loop] as { next: number; other: number };
      split.next = this.program.length;
      this.node(node);
      this.emit({ op: "jump", next: loop });
      split.other = this.program.length;
      return;
    }
    const exits: { other: number }[] = [];
    for (let index = min; index < max; index++) {
      const split = this.program[this.emit({ op: "split", next: 0, other: 0 })] as { next: number; other: number };
      split.next = this.program.length;
      exits.push(split);
      this.node(node);
    }
    for (const exit of exits) exit.other = this.program.length;
  }
}

function itemMatches(item: SetItem, code: number): boolean {
  switch (item.kind) {
    case "char":
      return code === item.code;
    case "range":
      return code >= item.from && code <= item.to;
    case "class":
      return classMatches(item.name, code);
  }
}

/** A compiled pattern: `test(text)` says whether it matches anywhere in the text. */
export class ReferenceRegex {
  readonly #program: readonly Instruction[];

  constructor(pattern: string) {
    const compiler = new Compiler();
    compiler.alternatives(parseRegex(pattern));
    compiler.emit({ op: "match" });
    this.#program = compiler.program;
  }

  test(text: string): boolean {
    const codes = [...text].map((character) => character.codePointAt(0) as number);
    const program = this.#program;
    let current: number[] = [];
    let next: number[] = [];
    const seen = new Int32Array(program.length).fill(-1);
    let generation = 0;
    // Adds a thread at `pc` and everything reachable from it without reading (at position `at`).
    const add = (list: number[], pc: number, at: number): boolean => {
      const stack = [pc];
      while (stack.length) {
        const index = stack.pop() as number;
        if (seen[index] === generation) continue;
        seen[index] = generation;
        const instruction = program[index] as Instruction;
        switch (instruction.op) {
          case "match":
            return true;
          case "jump":
            stack.push(instruction.next);
            break;
          case "split":
            stack.push(instruction.other, instruction.next);
            break;
          case "start":
            if (at === 0) stack.push(index + 1);
            break;
          case "end":
            if (at === codes.length) stack.push(index + 1);
            break;
          case "test":
            list.push(index);
        }
      }
      return false;
    };
    for (let at = 0; at <= codes.length; at++) {
      // A search: a new thread may start at every position.
      if (add(current, 0, at)) return true;
      if (at === codes.length) return false;
      generation++;
      const character = codes[at] as number;
      next = [];
      for (const pc of current) {
        const instruction = program[pc] as { op: "test"; matches: (code: number) => boolean };
        if (instruction.matches(character) && add(next, pc + 1, at + 1)) return true;
      }
      current = next;
    }
    return false;
  }
}
