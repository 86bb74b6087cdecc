import type { FieldMeta } from "../model/meta.js";
import { and, comparison, or, sort, type ConditionNode, type SortNode, type ValuePath } from "./nodes/index.js";

/** The query's sort, completed by the key fields so that every row has one place in the order. */
export function totalOrder(sorts: readonly SortNode[], keys: readonly FieldMeta[]): SortNode[] {
  const sorted = new Set(sorts.filter((entry) => !entry.path).map((entry) => entry.field));
  return [...sorts, ...keys.filter((key) => !sorted.has(key)).map((key) => sort(key, "asc"))];
}

/**
 * The rows that come after `row` in a total order (nulls first ascending, last descending),
 * built from ordinary comparison nodes so that every driver can page with it. Keyset paging,
 * unlike OFFSET, costs the same for the last batch as for the first.
 */
export function rowsAfter(order: readonly SortNode[], row: Readonly<Record<string, unknown>>): ConditionNode | undefined {
  return rowsAfterPosition(order, positionOf(order, row));
}

/** Where `row` stands in the order: the value of each entry (null where it has none), what a cursor holds. */
export function positionOf(order: readonly SortNode[], row: Readonly<Record<string, unknown>>): unknown[] {
  return order.map(({ field, path }) => valueAt(row[field.name], path));
}

/** The rows after a position (one value per entry of `order`, as `positionOf` gives it). */
export function rowsAfterPosition(order: readonly SortNode[], position: readonly unknown[]): ConditionNode | undefined {
  const branches: ConditionNode[] = [];
  const equalSoFar: ConditionNode[] = [];
  order.forEach(({ field, direction, path }, index) => {
    const value = position[index] ?? null;
    const beyond = beyondValue(field, direction, value, path);
    if (beyond) branches.push(and([...equalSoFar, beyond]));
    equalSoFar.push(comparison(field, value === null ? "isNull" : "eq", value === null ? undefined : value, path));
  });
  return branches.length ? or(branches) : undefined;
}

/** The value a sort path reaches in a field's value (or the length of the array it reaches); null where a part of the way is null or missing (rule 6). */
function valueAt(value: unknown, path: ValuePath | undefined): unknown {
  let current = value;
  for (const key of path?.keys ?? []) {
    if (typeof current !== "object" || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  if (path?.length) return Array.isArray(current) ? current.length : null;
  return current ?? null;
}

function beyondValue(field: FieldMeta, direction: "asc" | "desc", value: unknown, path: ValuePath | undefined): ConditionNode | undefined {
  if (direction === "asc") return value === null ? comparison(field, "isNotNull", undefined, path) : comparison(field, "gt", value, path);
  // Descending, nulls come last: after a value come smaller values and then the nulls.
  return value === null ? undefined : or([comparison(field, "lt", value, path), comparison(field, "isNull", undefined, path)]);
}
