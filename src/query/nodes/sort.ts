import type { FieldMeta } from "../../model/meta.js";

export type SortDirection = "asc" | "desc";

/** Order by one field. Nulls come first ascending and last descending, on every driver. */
export interface SortNode {
  readonly kind: "sort";
  readonly field: FieldMeta;
  readonly direction: SortDirection;
}

export function sort(field: FieldMeta, direction: SortDirection): SortNode {
  return Object.freeze({ kind: "sort", field, direction });
}
