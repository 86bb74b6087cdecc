import type { Document } from "mongodb";
import type { ComparisonNode, ConditionNode, SomeNode, ValueType } from "../../src/kit/driver.js";
import { compileComparison } from "./comparison.js";
import { ON_THE_ROW, someExpression } from "./condition-expression.js";
import { inTurn, type Compilation } from "./compilation.js";
import { reachableByQueryPath, targetPath } from "./paths.js";

/**
 * `some(item => ...)`. Where `$elemMatch` says it exactly, it is `$elemMatch` (which an index on
 * the array can serve): a condition on keys of object items as a query document with paths
 * relative to the item, or one on the item itself in `$elemMatch`'s operator form. Anything else
 * is `$expr` (condition-expression.ts), which says every condition: there is no some() that
 * MongoDB refuses.
 */
export async function compileSome(node: SomeNode, compilation: Compilation, query: (where: ConditionNode) => Promise<Document>): Promise<Document> {
  const form = elemMatchForm(node);
  if (form === undefined) return { $expr: await someExpression(node, compilation, ON_THE_ROW, query) };
  const location = targetPath(node.field, node.path);
  const on = (operators: Document): Document => (location === undefined ? operators : { [location]: operators });
  const { where } = node;
  if (form === "keys") return on({ $elemMatch: await query(where) });
  // Some item matches a or b: some item matches a, or some item matches b.
  if (where.kind === "or") return { $or: await inTurn(where.items, async (item) => on({ $elemMatch: await itemOperators(item, compilation, query) })) };
  return on({ $elemMatch: await itemOperators(where, compilation, query) });
}

/**
 * Which `$elemMatch` form says `node`'s condition exactly, if one does:
 * - "item", `$elemMatch`'s operator form, for one comparison on the item itself, its negation
 *   (`$not`), or an `or` of those at the top (one `$elemMatch` each); no `and`: two conditions
 *   may need the same operator, which the form holds once;
 * - "keys", a query document on the item, for `and`, `or` and `not` of comparisons on its keys.
 *   `$elemMatch` with a query document skips items that are no object (null), so where the item
 *   type allows null, only conditions that no null item meets (no `not`, no `isNull`) go there.
 * Never for lengths (`$expr` is not allowed in `$elemMatch`, and `$size` takes one length), keys
 * that no query path reaches, the row's own fields, or conditions on other models.
 */
function elemMatchForm(node: SomeNode): "item" | "keys" | undefined {
  if (!reachableByQueryPath(node.path)) return undefined;
  const { where } = node;
  if (where.kind === "or" ? where.items.every(fitsItemOperators) : fitsItemOperators(where)) return "item";
  const item = (node.path?.type ?? node.field).of as ValueType;
  const everyItemAnObject = (item.type === "object" || item.type === "record") && !item.nullable;
  if (fitsKeys(where, !everyItemAnObject)) return "keys";
  return undefined;
}

function fitsItemOperators(node: ConditionNode): boolean {
  switch (node.kind) {
    case "comparison":
      return onItemItself(node) && !node.path?.length;
    case "some":
      return onItemItself(node) && node.where.kind !== "or" && elemMatchForm(node) !== undefined;
    case "not":
      return node.item.kind === "comparison" && fitsItemOperators(node.item);
    default:
      return false;
  }
}

/** Whether `node` is about the item's keys only, in what a query document says; `nullItems`: only what a null item never meets. */
function fitsKeys(node: ConditionNode, nullItems: boolean): boolean {
  switch (node.kind) {
    case "comparison":
      return onItemKeys(node) && !node.path?.length && !(nullItems && node.operator === "isNull");
    case "some":
      return onItemKeys(node) && elemMatchForm(node) !== undefined;
    case "and":
    case "or":
      return node.items.every((item) => fitsKeys(item, nullItems));
    case "not":
      return !nullItems && fitsKeys(node.item, nullItems);
    case "related":
      return false;
  }
}

function onItemItself(node: ComparisonNode | SomeNode): boolean {
  return Boolean(node.path?.element) && node.path?.keys.length === 0;
}

function onItemKeys(node: ComparisonNode | SomeNode): boolean {
  return Boolean(node.path?.element) && Boolean(node.path?.keys.length) && reachableByQueryPath(node.path);
}

/** A condition on the item itself as `$elemMatch` operators (see `fitsItemOperators`). */
async function itemOperators(node: ConditionNode, compilation: Compilation, query: (where: ConditionNode) => Promise<Document>): Promise<Document> {
  switch (node.kind) {
    case "comparison":
      return compileComparison(node, compilation);
    case "some":
      return compileSome(node, compilation, query);
    case "not":
      return { $not: await itemOperators(node.item, compilation, query) };
    default:
      throw new Error(`unreachable: ${node.kind} on the item itself is compiled as an expression`);
  }
}
