import { QueryError, quote, targetName, type FieldMeta, type ValuePath } from "../../src/kit/driver.js";
import { storedPath } from "./documents.js";

/**
 * Dotted document paths. Every part comes from the model (a field's stored name, the keys of its
 * object type), never from a user's value. MongoDB reads `.` as a step and a leading `$` as an
 * operator, so a name holding either cannot be reached inside a filter: that is a QueryError
 * naming what was asked for, rather than a path that silently means something else.
 */

/** The stored path of `field` ("_id" for a single key). */
export function fieldPath(field: FieldMeta): string {
  const path = storedPath(field);
  checkPart(path, field, undefined);
  return path;
}

/**
 * Where a condition or a sort looks: the field's path and the path's keys, dotted. For a path
 * marked `element` (inside `some(...)`), the keys are relative to the item: undefined when they
 * are none, i.e. the item itself (compiled in `$elemMatch`'s operator form).
 */
export function targetPath(field: FieldMeta, path: ValuePath | undefined): string | undefined {
  const keys = path?.keys ?? [];
  for (const key of keys) checkPart(key, field, path);
  if (path?.element) return keys.length ? keys.join(".") : undefined;
  return [fieldPath(field), ...keys].join(".");
}

/** A path as an aggregation expression reads it: `"$a.b"`. */
export function fieldReference(path: string): string {
  return `$${path}`;
}

function checkPart(part: string, field: FieldMeta, path: ValuePath | undefined): void {
  const problem =
    part === "" ? "is empty" : part.includes(".") ? "contains a dot" : part.startsWith("$") ? "starts with $" : part.includes("\0") ? "contains U+0000" : undefined;
  if (!problem) return;
  throw new QueryError(`${targetName(field, path)}: the stored name ${quote(part)} ${problem}, which a MongoDB query path cannot reach`);
}
