import type { FieldMeta } from "../../model/meta.js";

/** Operators that compare a field with a value (or a list of values, for `in` and `notIn`). */
export type ComparisonOperator =
  | "eq" | "ne" | "gt" | "gte" | "lt" | "lte"
  | "in" | "notIn"
  | "contains" | "startsWith" | "endsWith" | "like" | "ilike" | "regex"
  | "isNull" | "isNotNull";

/** `field <operator> value`. For `isNull` and `isNotNull` the value is `undefined`. */
export interface ComparisonNode {
  readonly kind: "comparison";
  readonly field: FieldMeta;
  readonly operator: ComparisonOperator;
  readonly value: unknown;
}

export function comparison(field: FieldMeta, operator: ComparisonOperator, value?: unknown): ComparisonNode {
  // `eq(null)` and `ne(null)` mean the null tests, so every driver sees one spelling of them.
  if (value === null && operator === "eq") return Object.freeze({ kind: "comparison", field, operator: "isNull", value: undefined });
  if (value === null && operator === "ne") return Object.freeze({ kind: "comparison", field, operator: "isNotNull", value: undefined });
  const frozen = Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value;
  return Object.freeze({ kind: "comparison", field, operator, value: frozen });
}
