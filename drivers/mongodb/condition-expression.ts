import type { Document } from "mongodb";
import type { ConditionNode, SomeNode } from "../../src/kit/driver.js";
import { arrayOrEmpty, isFalse } from "./arrays.js";
import { comparisonExpression } from "./expression-comparison.js";
import { inTurn, type Compilation } from "./compilation.js";
import { valueExpression } from "./paths.js";
import { relatedExpression } from "./related.js";

/**
 * Where an expression is evaluated: on the row (no `some(...)` around it), or inside the n-th
 * nested `some(...)`, whose item is the variable `item<n>`. A path marked `element` starts at the
 * innermost item; any other at the row (`"$field"` reads the row inside `$map` too).
 */
export interface ExpressionScope {
  readonly depth: number;
  readonly item?: string;
}

export const ON_THE_ROW: ExpressionScope = Object.freeze({ depth: 0 });

/**
 * A condition as a boolean aggregation expression, with exactly the meaning of its query form
 * (DESIGN.md section 4): each comparison is true or false, never null (expression-comparison.ts),
 * so `and`, `or` and the negation are exact, and `not` is the exact complement (rule 2). This is
 * how a condition is written where no query document can say it: inside `some(...)`, a
 * condition on the item itself next to one on its keys, an `or` under `and`, lengths, keys that
 * no query path reaches, the row's own fields (see some.ts).
 *
 * `query` compiles a condition on another model's rows as a query document (filter.ts), for
 * the select-in of related.ts.
 */
export async function conditionExpression(node: ConditionNode, compilation: Compilation, scope: ExpressionScope, query: (node: ConditionNode) => Promise<Document>): Promise<Document> {
  switch (node.kind) {
    case "comparison":
      return comparisonExpression(node, valueExpression(node.field, node.path, scope.item), compilation);
    case "and":
    case "or": {
      const items = await inTurn(node.items, (item) => conditionExpression(item, compilation, scope, query));
      return { [node.kind === "and" ? "$and" : "$or"]: items };
    }
    case "not":
      return isFalse(await conditionExpression(node.item, compilation, scope, query));
    case "some":
      return someExpression(node, compilation, scope, query);
    case "related":
      return relatedExpression(node, compilation, query);
  }
}

/**
 * `some(item => ...)` as an expression: whether the condition holds for any item, each item the
 * variable of the next depth (`$$item1`, `$$item2`, ...). A value that is no array (null,
 * missing) has no items, so no item matches (rule 6).
 */
export async function someExpression(node: SomeNode, compilation: Compilation, scope: ExpressionScope, query: (node: ConditionNode) => Promise<Document>): Promise<Document> {
  const array = valueExpression(node.field, node.path, scope.item);
  const inner: ExpressionScope = { depth: scope.depth + 1, item: `item${scope.depth + 1}` };
  const holds = await conditionExpression(node.where, compilation, inner, query);
  return { $anyElementTrue: [{ $map: { input: arrayOrEmpty(array), as: inner.item, in: holds } }] };
}
