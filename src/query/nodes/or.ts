import type { ConditionNode } from "./condition.js";

/** Matches rows that at least one item matches. */
export interface OrNode {
  readonly kind: "or";
  readonly items: readonly ConditionNode[];
}

export function or(items: readonly ConditionNode[]): ConditionNode {
  const flat = items.flatMap((item) => (item.kind === "or" ? item.items : [item]));
  return flat.length === 1 ? (flat[0] as ConditionNode) : Object.freeze({ kind: "or", items: Object.freeze(flat) });
}
