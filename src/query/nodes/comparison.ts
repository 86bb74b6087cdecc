import type { FieldMeta } from "../../model/meta.js";
import type { ValuePath } from "./path.js";

/** Operators that compare a field with a value (or a list of values, for `in`, `notIn`, `hasAny` and `hasAll`). */
export type ComparisonOperator =
  | "eq" | "ne" | "gt" | "gte" | "lt" | "lte"
  | "in" | "notIn"
  | "contains" | "startsWith" | "endsWith" | "like" | "ilike" | "regex"
  | "isNull" | "isNotNull"
  | ArrayOperator;

/** Operators on an array: an item equal to the value, to any or to every value of a list; no item at all. */
export type ArrayOperator = "has" | "hasAny" | "hasAll" | "isEmpty";

export const ARRAY_OPERATORS: ReadonlySet<ComparisonOperator> = new Set<ArrayOperator>(["has", "hasAny", "hasAll", "isEmpty"]);

/**
 * `field <operator> value`. For `isNull`, `isNotNull` and `isEmpty` the value is `undefined`.
 * With a `path`, the value compared is inside the field's value (see ValuePath).
 */
export interface ComparisonNode {
  readonly kind: "comparison";
  readonly field: FieldMeta;
  readonly operator: ComparisonOperator;
  readonly value: unknown;
  readonly path?: ValuePath;
}

export function comparison(field: FieldMeta, operator: ComparisonOperator, value?: unknown, path?: ValuePath): ComparisonNode {
  // `eq(null)` and `ne(null)` mean the null tests, so every driver sees one spelling of them.
  if (value === null && operator === "eq") return freeze(field, "isNull", undefined, path);
  if (value === null && operator === "ne") return freeze(field, "isNotNull", undefined, path);
  const frozen = Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value;
  return freeze(field, operator, frozen, path);
}

function freeze(field: FieldMeta, operator: ComparisonOperator, value: unknown, path: ValuePath | undefined): ComparisonNode {
  return Object.freeze(path ? { kind: "comparison", field, operator, value, path } : { kind: "comparison", field, operator, value });
}
