import type { Document } from "mongodb";
import type { SortNode } from "../../src/kit/driver.js";
import { arrayLength } from "./arrays.js";
import { needsExpression, targetPath, valueExpression } from "./paths.js";

/** A sort spec, and the computed fields it needs (an array's length), if any. */
export interface CompiledSort {
  readonly sort?: Document;
  readonly addFields?: Document;
}

/** The computed field holding the n-th sort key that is no stored path: a name no stored field can have (they may not start with `$`, nor hold this prefix from Ommi). */
export const sortKeyName = (index: number): string => `__ommi_sort_${index}`;

/**
 * Sorting: `{path: 1 | -1}` on stored paths (dotted into sub-documents). MongoDB orders null and
 * missing values below every other, which is Ommi's rule (nulls first ascending, last
 * descending); strings by their UTF-8 bytes, which is code point order, since no collation is
 * ever set. A sort by an array's length sorts by a computed field: `$size` where the value is an
 * array, else null; so does a sort by a key no query path reaches (paths.ts: `$getField`). Ties keep no order, as on the SQL drivers: no key is added.
 */
export function compileSort(entries: readonly SortNode[]): CompiledSort {
  if (entries.length === 0) return {};
  const sort: Document = {};
  const addFields: Document = {};
  entries.forEach((entry, index) => {
    const direction = entry.direction === "asc" ? 1 : -1;
    if (!entry.path?.length && !needsExpression(entry.path)) {
      const path = targetPath(entry.field, entry.path) as string;
      // A later sort by the same value changes nothing: the first decides.
      if (!(path in sort)) sort[path] = direction;
      return;
    }
    const name = sortKeyName(index);
    const value = valueExpression(entry.field, entry.path);
    addFields[name] = entry.path?.length ? arrayLength(value) : value;
    sort[name] = direction;
  });
  return Object.keys(addFields).length ? { sort, addFields } : { sort };
}
