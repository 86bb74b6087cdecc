import type { ConditionNode } from "./condition.js";

/** Matches exactly the rows that `item` does not match (nulls included: SQL's `(item) IS NOT TRUE`). */
export interface NotNode {
  readonly kind: "not";
  readonly item: ConditionNode;
}

export function not(item: ConditionNode): NotNode {
  return Object.freeze({ kind: "not", item });
}
