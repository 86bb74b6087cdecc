import type { CodePointSet } from "./code-point-set.js";
import type { RegexNode } from "./regex-node.js";

/**
 * The alphabet an automaton reads: code points grouped into classes that no set of the pattern
 * tells apart (for `[Kk\u212A]x`: the three K's, `x`, and everything else). A DFA state then has
 * one transition per class rather than per code point, and the classes are few: at most one
 * more than the pattern has distinct sets.
 */
export class Alphabet {
  /** How many classes. */
  readonly width: number;
  /** The class of each ASCII code point, looked up without a search. */
  readonly ascii = new Int32Array(128);
  /** Where each run of code points with the same class begins, and that class. */
  readonly #starts: Int32Array;
  readonly #classes: Int32Array;
  /** For each distinct set (by its ranges), which classes are in it. */
  readonly #members = new Map<string, Uint8Array>();

  constructor(node: RegexNode) {
    const sets = new Map<string, CodePointSet>();
    collectSets(node, sets);
    const points = new Set<number>([0]);
    for (const set of sets.values()) {
      for (const [from, to] of set) {
        points.add(from);
        points.add(to + 1);
      }
    }
    this.#starts = Int32Array.from(points).sort();
    // A run's signature: which sets hold it. Runs with the same signature are one class.
    const keys = [...sets.keys()];
    const bySignature = new Map<string, number>();
    const memberships: boolean[][] = [];
    this.#classes = this.#starts.map((start) => {
      const holds = keys.map((key) => contains(sets.get(key) as CodePointSet, start));
      const signature = holds.map((held) => (held ? "1" : "0")).join("");
      let symbol = bySignature.get(signature);
      if (symbol === undefined) {
        bySignature.set(signature, (symbol = memberships.length));
        memberships.push(holds);
      }
      return symbol;
    });
    this.width = memberships.length;
    keys.forEach((key, index) => this.#members.set(key, Uint8Array.from(memberships, (holds) => (holds[index] ? 1 : 0))));
    for (let codePoint = 0; codePoint < 128; codePoint++) this.ascii[codePoint] = this.classOf(codePoint);
  }

  classOf(codePoint: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= codePoint) low = middle;
      else high = middle - 1;
    }
    return this.#classes[low] as number;
  }

  /** Which classes a set of the pattern contains (1) or not (0), by class. */
  members(set: CodePointSet): Uint8Array {
    return this.#members.get(keyOf(set)) as Uint8Array;
  }
}

function keyOf(set: CodePointSet): string {
  return set.map(([from, to]) => `${from}-${to}`).join(",");
}

function collectSets(node: RegexNode, sets: Map<string, CodePointSet>): void {
  if (node.kind === "set") sets.set(keyOf(node.set), node.set);
  else if (node.kind === "sequence" || node.kind === "choice") for (const item of node.items) collectSets(item, sets);
  else if (node.kind === "repeat") collectSets(node.item, sets);
}

function contains(set: CodePointSet, codePoint: number): boolean {
  let low = 0;
  let high = set.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = set[middle] as readonly [number, number];
    if (codePoint < from) high = middle - 1;
    else if (codePoint > to) low = middle + 1;
    else return true;
  }
  return false;
}
