import type { Document } from "mongodb";
import { QueryError, quote, targetName, type FieldMeta, type ValuePath } from "../../src/kit/driver.js";
import { storedPath } from "./documents.js";

/**
 * Dotted document paths. Every part comes from the model (a field's stored name, the keys of its
 * object type), never from a user's value. MongoDB reads `.` as a step and a leading `$` as an
 * operator, so a key holding either cannot be reached by a query path: a condition or a sort on
 * such a key is written as an aggregation expression instead (`valueExpression`, `$getField`).
 * The keys no document can hold (empty, or holding NUL) are a QueryError naming what was asked
 * for, rather than a path that silently means something else.
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

/** Whether a key of a row's own (not `some()` item) path can only be reached by an expression (see the top of this file). */
export function needsExpression(path: ValuePath | undefined): boolean {
  return path !== undefined && !path.element && !reachableByQueryPath(path);
}

/** Whether a query path (dotted, for a find filter or `$elemMatch`) reaches every key of `path`. */
export function reachableByQueryPath(path: ValuePath | undefined): boolean {
  return (path?.keys ?? []).every((key) => partProblem(key) === undefined);
}

/**
 * The value at `field`'s `path` as an aggregation expression: `"$a.b"` as far as the keys are
 * plain, then `$getField` for each key from the first that is not (MongoDB 5.0+; the key as a
 * `$literal`, so that neither `.` nor `$` in it means anything). A missing key, or a null or
 * missing value on the way, gives null or missing: at or below null, as the null tests expect.
 * A path marked `element` starts at the item of the innermost `some(...)`: the variable `item`
 * names it (`"$$item1.a"`).
 */
export function valueExpression(field: FieldMeta, path: ValuePath | undefined, item?: string): string | Document {
  const keys = path?.keys ?? [];
  if (path?.element && item === undefined) throw new Error("unreachable: a path inside some() compiled without the item's variable");
  const plain: string[] = [path?.element ? `$${item as string}` : fieldPath(field)];
  let index = 0;
  for (; index < keys.length && partProblem(keys[index] as string) === undefined; index++) plain.push(keys[index] as string);
  let expression: string | Document = fieldReference(plain.join("."));
  for (const key of keys.slice(index)) {
    if (!reachableByGetField(key)) checkPart(key, field, path);
    expression = { $getField: { field: { $literal: key }, input: expression } };
  }
  return expression;
}

/** A path as an aggregation expression reads it: `"$a.b"`. */
export function fieldReference(path: string): string {
  return `$${path}`;
}

function checkPart(part: string, field: FieldMeta, path: ValuePath | undefined): void {
  const problem = partProblem(part);
  if (!problem) return;
  throw new QueryError(`${targetName(field, path)}: the stored name ${quote(part)} ${problem}, which a MongoDB query path cannot reach`);
}

function partProblem(part: string): string | undefined {
  return part === "" ? "is empty" : part.includes(".") ? "contains a dot" : part.startsWith("$") ? "starts with $" : part.includes("\0") ? "contains U+0000" : undefined;
}

/** Keys `$getField` reaches: any a document can hold (an empty key and one with NUL are left out: neither is stored). */
function reachableByGetField(part: string): boolean {
  return part !== "" && !part.includes("\0");
}
