import type { CodePointSet } from "./code-point-set.js";

/**
 * A pattern of Ommi's regex dialect, parsed. Deliberately small: one character from an explicit
 * set, the two anchors, sequence, choice and bounded repetition. Everything a database is given
 * is written from this tree, never from the user's text.
 */
export type RegexNode =
  | { readonly kind: "set"; readonly set: CodePointSet }
  | { readonly kind: "start" }
  | { readonly kind: "end" }
  | { readonly kind: "sequence"; readonly items: readonly RegexNode[] }
  | { readonly kind: "choice"; readonly items: readonly RegexNode[] }
  /** `max` undefined: no upper bound. */
  | { readonly kind: "repeat"; readonly item: RegexNode; readonly min: number; readonly max: number | undefined };

export const EMPTY: RegexNode = Object.freeze({ kind: "sequence", items: Object.freeze([]) });
export const START: RegexNode = Object.freeze({ kind: "start" });
export const END: RegexNode = Object.freeze({ kind: "end" });

export function characterFrom(set: CodePointSet): RegexNode {
  return { kind: "set", set };
}

export function sequence(items: readonly RegexNode[]): RegexNode {
  return items.length === 1 ? (items[0] as RegexNode) : { kind: "sequence", items };
}

export function choice(items: readonly RegexNode[]): RegexNode {
  return items.length === 1 ? (items[0] as RegexNode) : { kind: "choice", items };
}

export function repeat(item: RegexNode, min: number, max: number | undefined): RegexNode {
  return { kind: "repeat", item, min, max };
}

/**
 * How many characters the pattern holds once counted repetitions are written out (`a{3}` is 3,
 * `(ab){2,}` is 6): the size of the automaton every engine builds, which bounds the work per
 * character of text.
 */
export function expandedSize(node: RegexNode): number {
  switch (node.kind) {
    case "set":
      return 1;
    case "start":
    case "end":
      return 0;
    case "sequence":
    case "choice":
      return node.items.reduce((total, item) => total + expandedSize(item), 0);
    case "repeat":
      // Repeating what reads nothing (`(){200}`, `(^)*`) still builds one automaton state per copy.
      return Math.max(1, expandedSize(node.item)) * Math.max(1, node.max ?? node.min + 1);
  }
}
