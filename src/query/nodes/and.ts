import type { ConditionNode } from "./condition.js";

/** Matches rows that every item matches. */
export interface AndNode {
  readonly kind: "and";
  readonly items: readonly ConditionNode[];
}

export function and(items: readonly ConditionNode[]): ConditionNode {
  const flat: ConditionNode[] = [];
  for (const item of items) {
    if (item.kind === "and") flat.push(...item.items);
    else flat.push(item);
  }
  return flat.length === 1 ? (flat[0] as ConditionNode) : Object.freeze({ kind: "and", items: Object.freeze(flat) });
}
