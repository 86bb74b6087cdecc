import type { ConditionNode } from "./condition.js";

/** Matches rows that at least one item matches. */
export interface OrNode {
  readonly kind: "or";
  readonly items: readonly ConditionNode[];
}

export function or(items: readonly ConditionNode[]): ConditionNode {
  const flat: ConditionNode[] = [];
  for (const item of items) {
    if (item.kind === "or") flat.push(...item.items);
    else flat.push(item);
  }
  return flat.length === 1 ? (flat[0] as ConditionNode) : Object.freeze({ kind: "or", items: Object.freeze(flat) });
}
