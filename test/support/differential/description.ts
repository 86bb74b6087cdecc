import { not, when, type ComparisonOperator, type Conditional, type Query, type Sort } from "ommi";
import type { DifferentialModels, ItemField, ItemRow } from "./models.js";

/** A comparison on an Item field, or on the label of the item's Owner (reached through `owner`). */
export type Comparison =
  | { readonly kind: "compare"; readonly model: "item"; readonly field: ItemField; readonly operator: ComparisonOperator; readonly value?: unknown }
  | { readonly kind: "compare"; readonly model: "owner"; readonly field: "label"; readonly operator: ComparisonOperator; readonly value?: unknown };

/** A condition as plain data: what fast-check generates, shrinks and prints, and both evaluators read. */
export type ConditionDescription =
  | Comparison
  | { readonly kind: "and" | "or"; readonly items: readonly ConditionDescription[] }
  | { readonly kind: "not"; readonly item: ConditionDescription };

export interface SortDescription {
  readonly field: ItemField;
  readonly direction: "asc" | "desc";
}

/**
 * A query on Item. With `sort`, `id` ascending is appended so that the order is total (and
 * limit/offset well defined); without it the rows are compared as a set and no window is taken.
 */
export interface QueryDescription {
  readonly where?: ConditionDescription;
  readonly sort?: readonly SortDescription[];
  readonly window?: { readonly limit: number; readonly offset: number };
}

type Operation = (value?: unknown) => Conditional;
type Ref = Record<string, Operation>;
type SortRef = Record<"asc" | "desc", () => Sort<ItemRow>>;

/** The Ommi query a description stands for, built through the public API as users build theirs. */
export function toOmmiQuery({ Item, Owner }: DifferentialModels, description: QueryDescription): Query<ItemRow> {
  const ref = (comparison: Comparison) => (comparison.model === "item" ? Item[comparison.field] : Owner.label) as unknown as Ref;
  const condition = (node: ConditionDescription): Conditional => {
    switch (node.kind) {
      case "compare": {
        const operation = ref(node)[node.operator] as Operation;
        return node.operator === "isNull" || node.operator === "isNotNull" ? operation.call(ref(node)) : operation.call(ref(node), node.value);
      }
      case "and":
        return when(Item, ...node.items.map(condition));
      case "or": {
        const [first, ...rest] = node.items.map(condition);
        return rest.reduce<Query<unknown>>((query, item) => query.or(item), when(Item, first as Conditional));
      }
      case "not":
        return not(condition(node.item));
    }
  };
  let query: Query<ItemRow> = description.where ? when(Item, condition(description.where)) : when(Item);
  if (description.sort) {
    const sorts = [...description.sort, { field: "id", direction: "asc" } as const].map(({ field, direction }) => (Item[field] as unknown as SortRef)[direction]());
    query = query.sort(...sorts);
    if (description.window) query = query.limit(description.window.limit, description.window.offset);
  }
  return query;
}
