import type { Document } from "mongodb";
import { backtrackingPatternFor, type ComparisonNode, type ValueType } from "../../src/kit/driver.js";
import { compileArrayOperator, compileLength } from "./arrays.js";
import type { Compilation } from "./compilation.js";
import { compileExpressionComparison } from "./expression-comparison.js";
import { needsExpression, targetPath } from "./paths.js";

/**
 * One comparison: a query document `{path: operators}` (or `$nor`/`$and` of such), or, for the
 * item itself inside `some(...)` (no path: see paths.ts), the operators alone, for `$elemMatch`'s
 * operator form. Every value is bound as it is stored (values.ts, toStored), so that it has the
 * stored value's BSON type.
 *
 * Rule 1 (DESIGN.md section 4): `$ne` and `$nin` match null and missing values, so `ne(v)` is
 * `$nin: [v, null]` and `notIn(list)` `$nin: [...list, null]`; `$gt` and the rest compare only
 * values of the same kind (type bracketing), so they never match null. Every document so
 * compiled either matches a row or does not, so `not` is `$nor` (filter.ts).
 *
 * MongoDB's path matching looks into arrays: `{p: v}` also matches an array holding v, and
 * `{p: null}` an array holding null. That matters only where the value compared may itself be
 * an array (an array or JSON field): there `eq`, `ne` and the null tests are guarded so that
 * they compare the whole value (see `wholeValue`). Inside `$elemMatch`'s operator form the item
 * is compared as it is, without looking into it.
 *
 * A key that no query path reaches (one holding `.` or starting with `$`) is compared by an
 * expression instead: expression-comparison.ts.
 */
export function compileComparison(node: ComparisonNode, compilation: Compilation): Document {
  const { field, operator, path } = node;
  if (path?.length) return compileLength(node, compilation);
  if (needsExpression(path)) return compileExpressionComparison(node, compilation);
  switch (operator) {
    case "has":
    case "hasAny":
    case "hasAll":
    case "isEmpty":
      return compileArrayOperator(node, compilation);
    default:
      break;
  }
  const type: ValueType = path?.type ?? field;
  const at = targetPath(field, path);
  const on = (operators: Document): Document => (at === undefined ? operators : { [at]: operators });
  const whole = at !== undefined && mayHoldArray(type);
  switch (operator) {
    case "isNull":
      return on(whole ? WHOLE_NULL : { $eq: null });
    case "isNotNull":
      return whole ? { $nor: [on(WHOLE_NULL)] } : on({ $ne: null });
    case "eq":
      return on(whole ? wholeValue(compilation.stored(node, type)) : { $eq: compilation.stored(node, type) });
    case "ne": {
      const value = compilation.stored(node, type);
      if (!whole) return on({ $nin: [value, null] });
      return { $and: [{ $nor: [on(WHOLE_NULL)] }, { $nor: [on(wholeValue(value))] }] };
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return on({ [`$${operator}`]: compilation.stored(node, type) });
    case "in":
      return on({ $in: compilation.storedList(node, type) });
    case "notIn":
      return on({ $nin: [...compilation.storedList(node, type), null] });
    default:
      return on({ $regex: backtrackingPatternFor(operator, compilation.value(node.value) as string) });
  }
}

/** Null or missing, but not an array holding null. */
const WHOLE_NULL: Document = Object.freeze({ $eq: null, $not: { $type: "array" } });

/**
 * Equal to `value` as a whole, where the stored value may be an array: `$eq` also matches an
 * array holding the value, so a value that is no array must meet no array, and an array must be
 * no item of the stored one (an array cannot be equal to itself and hold itself). BSON equality
 * is what SQL's JSON text equality is: the same keys in the same order, equal values, numbers by
 * value (-0 equals 0, 1 equals 1.0).
 */
function wholeValue(value: unknown): Document {
  return Array.isArray(value) ? { $eq: value, $not: { $elemMatch: { $eq: value } } } : { $eq: value, $not: { $type: "array" } };
}

/** Whether a value of `type` may be an array, which MongoDB's path matching would look into. */
export function mayHoldArray(type: ValueType): boolean {
  return type.type === "array" || type.type === "json";
}
