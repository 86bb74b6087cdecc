import type { ModelMeta } from "../../model/meta.js";
import type { ConditionNode } from "./condition.js";
import type { Placeholder } from "./placeholder.js";
import type { SortNode } from "./sort.js";

/**
 * Rows of `model` that match `where` (all rows when absent), sorted, then windowed by limit/offset.
 * A limit or offset may be a placeholder only in a query being prepared (`find(...).prepare()`);
 * the queries drivers get (PreparedQuery) always have numbers there.
 */
export interface QueryNode {
  readonly kind: "query";
  readonly model: ModelMeta;
  readonly where: ConditionNode | undefined;
  readonly sort: readonly SortNode[];
  readonly limit: number | Placeholder | undefined;
  readonly offset: number | Placeholder;
}

const UNSORTED: readonly SortNode[] = Object.freeze([]);

export function query(model: ModelMeta, parts: Partial<Omit<QueryNode, "kind" | "model">> = {}): QueryNode {
  return Object.freeze({
    kind: "query",
    model,
    where: parts.where,
    sort: parts.sort?.length ? Object.freeze([...parts.sort]) : UNSORTED,
    limit: parts.limit,
    offset: parts.offset ?? 0,
  });
}
