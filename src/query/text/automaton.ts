import { Alphabet } from "./alphabet.js";
import { onlyMember, type CodePointSet } from "./code-point-set.js";
import type { RegexNode } from "./regex-node.js";

/**
 * Matching in time linear in the text, whatever the pattern: nothing ever backtracks. The
 * pattern becomes a Thompson NFA, and the text is read once, one code point at a time, keeping
 * the set of NFA states alive at that position.
 *
 * Two ways of keeping that set, both linear: a DFA built lazily from the NFA (each set of alive
 * states becomes a DFA state the first time the text needs it, and is reused for the rest of this
 * text and for later texts: a character then costs one table lookup), and, when a pattern makes
 * new sets at nearly every character (as `a.{30}b` does on varied text) so that building DFA
 * states would cost more than it saves, the plain NFA simulation: one pass over the alive states
 * per character. The DFA cache is bounded and starts over when full.
 *
 * Only "does the pattern match somewhere in the text" is answered: no position is tracked, and
 * the search stops at the first match.
 */

const SET = 0;
const SPLIT = 1;
const START = 2;
const END = 3;
const MATCH = 4;

/** The DFA cache is emptied past this many states or transition slots (so memory stays small). */
const MAX_DFA_STATES = 1024;
const MAX_DFA_SLOTS = 1 << 17;
/**
 * A text that has needed more new DFA states than the NFA has states (twice, plus a margin), at
 * more than one per FEW_CHARACTERS characters, goes on with the NFA: the DFA is thrashing. A
 * pattern that settles (a long literal needs one DFA state per character at first) stays below.
 */
const THRASHING_MARGIN = 64;
const FEW_CHARACTERS = 8;

/** What a DFA state says about the text read so far. */
const RUNNING = 0;
/** The pattern has matched (MATCH was reached): the answer is yes, whatever follows. */
const ACCEPTING = 1;
/** Nothing is alive and nothing can start again (the pattern begins with `^`): the answer is no. */
const DEAD = 2;

/** A compiled pattern: `test(text)` says whether it matches anywhere in the text. */
export class Automaton {
  // The NFA, one entry per state.
  readonly #op: Uint8Array;
  readonly #out: Int32Array;
  readonly #other: Int32Array;
  /** Whether state s reads alphabet class c: `#reads[s * #width + c]` (one flat table, for speed). */
  readonly #reads: Uint8Array;
  readonly #width: number;
  readonly #start: number;
  /** New DFA states one text may need before the NFA simulation takes over. */
  readonly #thrashing: number;

  /** The longest literal text every match contains, if the pattern has one. */
  readonly #required: string | undefined;
  readonly #alphabet: Alphabet;
  readonly #asciiClass: Int32Array;

  // The lazily built DFA: state `id` is the set of NFA states `#sets[id]` (those that read a
  // character, or wait for the end), its successor on class c is `#table[id * #width + c] - 1`
  // (-1: not made yet), and `#kinds[id]` says whether it decides the answer.
  #sets: Int32Array[] = [];
  #buckets = new Map<number, number[]>();
  #kinds = new Uint8Array(0);
  /** Whether the text ending in a state completes a match: -1 not known yet, 0 no, 1 yes. */
  #endings = new Int8Array(0);
  #table = new Int32Array(0);
  /** How many DFA states may exist before the cache starts over. */
  readonly #capacity: number;
  #initial = -1;
  #flushes = 0;

  // Scratch space: marks for closures, a stack, and two lists of alive states.
  readonly #mark: Int32Array;
  #generation = 0;
  readonly #stack: Int32Array;
  #current: Int32Array;
  #next: Int32Array;

  constructor(node: RegexNode) {
    this.#required = requiredLiteral(node);
    this.#alphabet = new Alphabet(node);
    this.#asciiClass = this.#alphabet.ascii;
    const nfa = new NfaBuilder((set) => this.#alphabet.members(set));
    this.#start = nfa.compile(node, nfa.add(MATCH, -1, -1));
    this.#op = Uint8Array.from(nfa.op);
    this.#out = Int32Array.from(nfa.out);
    this.#other = Int32Array.from(nfa.other);
    this.#width = this.#alphabet.width;
    this.#reads = new Uint8Array(nfa.reads.length * this.#width);
    nfa.reads.forEach((row, state) => this.#reads.set(row, state * this.#width));
    const size = this.#op.length;
    this.#thrashing = 2 * size + THRASHING_MARGIN;
    this.#capacity = Math.max(16, Math.min(MAX_DFA_STATES, Math.floor(MAX_DFA_SLOTS / this.#width)));
    this.#mark = new Int32Array(size);
    // Every state is pushed at most once per edge into it, plus the seeds.
    this.#stack = new Int32Array(3 * size + 2);
    this.#current = new Int32Array(size);
    this.#next = new Int32Array(size);
  }

  test(text: string): boolean {
    // Most texts that cannot match lack some literal every match contains: V8's search finds that fastest.
    if (this.#required !== undefined && !text.includes(this.#required)) return false;
    if (this.#initial < 0) this.#initial = this.#startState();
    let state = this.#initial;
    if (this.#kinds[state] === ACCEPTING) return true;
    const length = text.length;
    if (length === 0) return this.#acceptsAtEnd(this.#sets[state] as Int32Array, (this.#sets[state] as Int32Array).length, true);
    const width = this.#width;
    const asciiClass = this.#asciiClass;
    let table = this.#table;
    let kinds = this.#kinds;
    let misses = 0;
    for (let index = 0; index < length; ) {
      // A surrogate pair is one character; a lone surrogate (never stored) stands for itself.
      const codePoint = text.codePointAt(index) as number;
      index += codePoint > 0xffff ? 2 : 1;
      const symbol = codePoint < 128 ? (asciiClass[codePoint] as number) : this.#alphabet.classOf(codePoint);
      let next = (table[state * width + symbol] as number) - 1;
      if (next < 0) {
        const alive = this.#sets[state] as Int32Array;
        if (++misses > this.#thrashing && misses * FEW_CHARACTERS > index) return this.#simulate(text, index, alive, symbol);
        next = this.#step(state, symbol);
        table = this.#table;
        kinds = this.#kinds;
      }
      const kind = kinds[next];
      if (kind !== RUNNING) return kind === ACCEPTING;
      state = next;
    }
    let ending = this.#endings[state] as number;
    if (ending < 0) {
      const alive = this.#sets[state] as Int32Array;
      this.#endings[state] = ending = this.#acceptsAtEnd(alive, alive.length, false) ? 1 : 0;
    }
    return ending === 1;
  }

  // --- Steps shared by both ways --------------------------------------------------------------

  #newGeneration(): void {
    if (this.#generation === 0x3fffffff) {
      this.#mark.fill(0);
      this.#generation = 0;
    }
    this.#generation++;
  }

  /**
   * The states alive after reading `symbol` with `states` alive (a match may also begin there),
   * written into `into`: how many, or -1 when the pattern has matched. A successor that reads a
   * character is taken directly (the common case: a chain of characters); others go through the
   * closure.
   */
  #advance(states: Int32Array, count: number, symbol: number, into: Int32Array): number {
    const reads = this.#reads;
    const width = this.#width;
    const op = this.#op;
    const out = this.#out;
    const mark = this.#mark;
    const stack = this.#stack;
    this.#newGeneration();
    const generation = this.#generation;
    let found = 0;
    let top = 0;
    for (let index = 0; index < count; index++) {
      const state = states[index] as number;
      if (reads[state * width + symbol] !== 1) continue; // END states read nothing: their row is empty
      const successor = out[state] as number;
      if (op[successor] !== SET) stack[top++] = successor;
      else if (mark[successor] !== generation) {
        mark[successor] = generation;
        into[found++] = successor;
      }
    }
    stack[top++] = this.#start;
    return this.#closure(top, into, false, false, found);
  }

  /**
   * Follows every move that reads no character from the stacked states, writing the states that
   * read or wait for the end into `into`. Returns how many, or -1 when MATCH was reached.
   */
  #closure(top: number, into: Int32Array, atStart: boolean, atEnd: boolean, found = 0): number {
    const op = this.#op;
    const out = this.#out;
    const other = this.#other;
    const mark = this.#mark;
    const stack = this.#stack;
    const generation = this.#generation;
    let count = found;
    while (top > 0) {
      const state = stack[--top] as number;
      if (mark[state] === generation) continue;
      mark[state] = generation;
      switch (op[state]) {
        case SET:
          into[count++] = state;
          break;
        case SPLIT:
          stack[top++] = other[state] as number;
          stack[top++] = out[state] as number;
          break;
        case START:
          if (atStart) stack[top++] = out[state] as number;
          break;
        case END:
          if (atEnd) stack[top++] = out[state] as number;
          else into[count++] = state;
          break;
        case MATCH:
          return -1;
      }
    }
    return count;
  }

  /** Whether text ending with these states alive completes a match (through `$`; `^` too, for the empty text). */
  #acceptsAtEnd(states: Int32Array, count: number, atStart: boolean): boolean {
    this.#newGeneration();
    let top = 0;
    for (let index = 0; index < count; index++) {
      const state = states[index] as number;
      if (this.#op[state] === END) this.#stack[top++] = this.#out[state] as number;
    }
    return top > 0 && this.#closure(top, this.#next, atStart, true) === -1;
  }

  // --- The lazy DFA ------------------------------------------------------------------------

  #step(state: number, symbol: number): number {
    const alive = this.#sets[state] as Int32Array;
    const flushes = this.#flushes;
    const next = this.#internCount(this.#advance(alive, alive.length, symbol, this.#next));
    // When the cache was just emptied, `state` has left it: its number now names another set.
    if (flushes === this.#flushes) this.#table[state * this.#width + symbol] = next + 1;
    return next;
  }

  /** The DFA state where the text starts: the NFA's start and what follows it without reading. */
  #startState(): number {
    this.#newGeneration();
    this.#stack[0] = this.#start;
    return this.#internCount(this.#closure(1, this.#next, true, false));
  }

  /** The DFA state for the `count` NFA states just written into #next (-1: matched). */
  #internCount(count: number): number {
    return count === -1 ? this.#intern(NOTHING, ACCEPTING) : this.#intern(this.#next.slice(0, count).sort(), count === 0 ? DEAD : RUNNING);
  }

  /** The DFA state for a set of NFA states: found, or made (emptying the cache first when it is full). */
  #intern(states: Int32Array, kind: number): number {
    let hash = kind === ACCEPTING ? 0x51ed27 : states.length;
    for (let index = 0; index < states.length; index++) hash = Math.imul(hash ^ (states[index] as number), 0x9e3779b1) >>> 0;
    const bucket = this.#buckets.get(hash);
    if (bucket) {
      for (const id of bucket) if (this.#kinds[id] === kind && sameStates(this.#sets[id] as Int32Array, states)) return id;
    }
    let id = this.#sets.length;
    if (id >= this.#capacity) {
      this.#flushes++;
      this.#sets = [];
      this.#buckets = new Map();
      this.#table.fill(0);
      this.#endings.fill(-1);
      this.#initial = -1;
      id = 0;
    } else if (id >= this.#kinds.length) this.#grow();
    this.#sets.push(states);
    this.#kinds[id] = kind;
    this.#endings[id] = -1;
    const list = this.#buckets.get(hash);
    if (list) list.push(id);
    else this.#buckets.set(hash, [id]);
    return id;
  }

  #grow(): void {
    const states = Math.min(this.#capacity, Math.max(16, this.#kinds.length * 2));
    const kinds = new Uint8Array(states);
    kinds.set(this.#kinds);
    const endings = new Int8Array(states).fill(-1);
    endings.set(this.#endings);
    const table = new Int32Array(states * this.#width);
    table.set(this.#table);
    this.#kinds = kinds;
    this.#endings = endings;
    this.#table = table;
  }

  // --- The NFA simulation --------------------------------------------------------------------

  /** Reads the rest of the text (from `index`, `symbol` just read) with one pass over the alive states per character. */
  #simulate(text: string, index: number, alive: Int32Array, symbol: number): boolean {
    let current = this.#current;
    let next = this.#next;
    current.set(alive);
    let count = alive.length;
    const length = text.length;
    for (;;) {
      count = this.#advance(current, count, symbol, next);
      if (count === -1) return true;
      if (count === 0) return false;
      [current, next] = [next, current];
      if (index >= length) break;
      // A surrogate pair is one character; a lone surrogate (never stored) stands for itself.
      const codePoint = text.codePointAt(index) as number;
      index += codePoint > 0xffff ? 2 : 1;
      symbol = codePoint < 128 ? (this.#asciiClass[codePoint] as number) : this.#alphabet.classOf(codePoint);
    }
    this.#current = current;
    this.#next = next;
    // #acceptsAtEnd writes into #next: keep the alive states apart from it.
    return this.#acceptsAtEnd(current, count, false);
  }
}

function sameStates(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Thompson's construction, back to front: each node is compiled knowing the state that follows it. */
class NfaBuilder {
  readonly op: number[] = [];
  readonly out: number[] = [];
  readonly other: number[] = [];
  readonly reads: Uint8Array[] = [];

  constructor(readonly members: (set: CodePointSet) => Uint8Array) {}

  add(op: number, out: number, other: number, reads: Uint8Array = NO_SYMBOLS): number {
    this.op.push(op);
    this.out.push(out);
    this.other.push(other);
    this.reads.push(reads);
    return this.op.length - 1;
  }

  /** Compiles `node` so that it continues to `next`; returns its entry state. */
  compile(node: RegexNode, next: number): number {
    switch (node.kind) {
      case "set": {
        return this.add(SET, next, -1, this.members(node.set));
      }
      case "start":
        return this.add(START, next, -1);
      case "end":
        return this.add(END, next, -1);
      case "sequence": {
        let entry = next;
        for (let index = node.items.length - 1; index >= 0; index--) entry = this.compile(node.items[index] as RegexNode, entry);
        return entry;
      }
      case "choice": {
        let entry = this.compile(node.items[node.items.length - 1] as RegexNode, next);
        for (let index = node.items.length - 2; index >= 0; index--) entry = this.add(SPLIT, this.compile(node.items[index] as RegexNode, next), entry);
        return entry;
      }
      case "repeat": {
        let entry: number;
        if (node.max === undefined) {
          const loop = this.add(SPLIT, -1, next);
          this.out[loop] = this.compile(node.item, loop);
          entry = loop;
        } else {
          entry = next;
          for (let count = node.min; count < node.max; count++) entry = this.add(SPLIT, this.compile(node.item, entry), next);
        }
        for (let count = 0; count < node.min; count++) entry = this.compile(node.item, entry);
        return entry;
      }
    }
  }
}

const NO_SYMBOLS = new Uint8Array(0);
const NOTHING = new Int32Array(0);

/** The longest run of single characters in the pattern's top-level sequence: every match contains it. */
function requiredLiteral(node: RegexNode): string | undefined {
  const items = node.kind === "sequence" ? node.items : [node];
  let longest = "";
  let run = "";
  for (const item of items) {
    const only = item.kind === "set" ? onlyMember(item.set) : undefined;
    if (only !== undefined) run += String.fromCodePoint(only);
    else if (item.kind !== "start" && item.kind !== "end") run = "";
    if (run.length > longest.length) longest = run;
  }
  return longest || undefined;
}
