import type { Hop } from "../../model/paths.js";
import type { ConditionNode } from "./condition.js";

export type { Hop };

/**
 * Matches rows of the query's model for which some row of another model, reached through
 * `path`, matches `item`. Built by core when a condition names a model other than the first.
 */
export interface RelatedNode {
  readonly kind: "related";
  readonly path: readonly Hop[];
  readonly item: ConditionNode;
}

export function related(path: readonly Hop[], item: ConditionNode): RelatedNode {
  return Object.freeze({ kind: "related", path: Object.freeze([...path]), item });
}
