import type { FieldMeta } from "../../model/meta.js";
import type { ValuePath } from "./path.js";

export type SortDirection = "asc" | "desc";

/** Order by one field (or a scalar inside it, with `path`). Nulls come first ascending and last descending, on every driver. */
export interface SortNode {
  readonly kind: "sort";
  readonly field: FieldMeta;
  readonly direction: SortDirection;
  readonly path?: ValuePath;
}

export function sort(field: FieldMeta, direction: SortDirection, path?: ValuePath): SortNode {
  return Object.freeze(path ? { kind: "sort", field, direction, path } : { kind: "sort", field, direction });
}
