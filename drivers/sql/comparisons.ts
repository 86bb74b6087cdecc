import { Param, type ComparisonNode, type ConditionNode } from "../../src/kit/driver.js";

/**
 * The first comparison of a condition, in the order it is written, for which `visit` finds
 * something: how a refusal finds the comparison to name (PostgreSQL's U+0000, MySQL's date range)
 * once it knows that one of a query's values is refused.
 */
export function firstComparison<T>(node: ConditionNode, visit: (comparison: ComparisonNode) => T | undefined): T | undefined {
  switch (node.kind) {
    case "comparison":
      return visit(node);
    case "and":
    case "or":
      for (const item of node.items) {
        const found = firstComparison(item, visit);
        if (found !== undefined) return found;
      }
      return undefined;
    case "not":
    case "related":
      return firstComparison(node.item, visit);
    case "some":
      return firstComparison(node.where, visit);
  }
}

/** The values one call binds to a comparison: its value, or each value of its list (undefined for a constant). */
export function boundValues(node: ComparisonNode, values: readonly unknown[]): unknown[] {
  const params = Array.isArray(node.value) ? (node.value as unknown[]) : [node.value];
  return params.map((param) => (param instanceof Param ? values[param.index] : undefined));
}
