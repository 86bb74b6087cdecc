import { Double, type Document } from "mongodb";
import { backtrackingPatternFor, type ComparisonNode, type ValueType } from "../../src/kit/driver.js";
import { arrayOperatorExpression, isFalse, lengthExpression } from "./arrays.js";
import type { Compilation } from "./compilation.js";
import { valueExpression } from "./paths.js";

/**
 * A comparison on a value that only an aggregation expression reaches (a key holding `.` or
 * starting with `$`, see paths.ts), as `{$expr: ...}`.
 */
export function compileExpressionComparison(node: ComparisonNode, compilation: Compilation): Document {
  return { $expr: comparisonExpression(node, valueExpression(node.field, node.path), compilation) };
}

/**
 * A comparison as a boolean aggregation expression on `value` (the expression reaching what is
 * compared: a row's field or key, an item of `some(...)` or its key; for a length, the array),
 * with Ommi's meaning:
 * - every value compared is a `$literal`, so that a string starting with `$` or an object is
 *   read as data, never as a field path or an expression;
 * - expressions order every value against every other (BSON order, null and missing lowest), so
 *   each operator but eq is guarded to values of the compared value's kind, which also keeps
 *   null and missing out (rule 1: they match only the null tests);
 * - `$eq` and `$in` compare whole values (they never look into arrays), as Ommi does.
 * The expression is always true or false (never null, never an error), so its negation is its
 * exact complement (rule 2).
 */
export function comparisonExpression(node: ComparisonNode, value: string | Document, compilation: Compilation): Document {
  const { field, path, operator } = node;
  if (path?.length) return lengthExpression(value, node, compilation);
  const type: ValueType = path?.type ?? field;
  const isThere = { $gt: [value, null] };
  switch (operator) {
    case "isNull":
      return { $lte: [value, null] };
    case "isNotNull":
      return isThere;
    case "eq":
      return { $eq: [value, { $literal: compilation.stored(node, type) }] };
    case "ne":
      return { $and: [isThere, { $ne: [value, { $literal: compilation.stored(node, type) }] }] };
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const compared = compilation.stored(node, type);
      return { $and: [ofKind(value, type, compared), { [`$${operator}`]: [value, { $literal: compared }] }] };
    }
    case "in":
      return { $and: [isThere, { $in: [value, { $literal: compilation.storedList(node, type) }] }] };
    case "notIn":
      return { $and: [isThere, isFalse({ $in: [value, { $literal: compilation.storedList(node, type) }] })] };
    case "has":
    case "hasAny":
    case "hasAll":
    case "isEmpty":
      return arrayOperatorExpression(node, value, compilation);
    default: {
      const pattern = backtrackingPatternFor(operator, compilation.value(node.value) as string);
      // `$regexMatch` fails on anything but a string: only strings are given to it.
      return { $cond: [ofKind(value, type, ""), { $regexMatch: { input: value, regex: { $literal: pattern } } }, false] };
    }
  }
}

/**
 * True where `value` is of the kind `compared` is (for an ordered comparison), never for null or
 * missing. A value of a declared type is of that type or null; a JSON value may be of any JSON
 * kind, told apart by BSON's order of kinds: null < numbers < strings < objects < arrays <
 * ... < booleans.
 */
function ofKind(value: string | Document, type: ValueType, compared: unknown): Document {
  const isThere = { $gt: [value, null] };
  if (type.type !== "json") return isThere;
  if (typeof compared === "number" || compared instanceof Double) return { $and: [isThere, { $lt: [value, ""] }] };
  if (typeof compared === "string") return { $and: [{ $gte: [value, ""] }, { $lt: [value, { $literal: {} }] }] };
  if (typeof compared === "boolean") return { $and: [{ $gte: [value, false] }, { $lte: [value, true] }] };
  return isThere;
}
