import type { Document } from "mongodb";
import { QueryError, targetName, type ComparisonNode, type ValueType } from "../../src/kit/driver.js";
import type { Compilation } from "./compilation.js";
import { targetPath, valueExpression } from "./paths.js";

// Array operators (DESIGN.md section 4, rule 6). None matches a null or missing array, nor
// anything that is not an array: `$elemMatch`, `$all` of `$elemMatch`, `$size` and `$type:
// "array"` each test the array itself. Items are compared with `$eq` and `$in` inside
// `$elemMatch`, which compare each item as a whole (never looking into an item that is itself an
// array): BSON equality, the same keys in the same order and numbers by value (-0 equals 0).

const INTEGER: ValueType = Object.freeze({ type: "integer", nullable: false });

/** has, hasAny, hasAll, isEmpty. */
export function compileArrayOperator(node: ComparisonNode, compilation: Compilation): Document {
  const { field, path, operator } = node;
  const item = (path?.type ?? field).of as ValueType;
  const location = targetPath(field, path);
  // The item itself inside `some(...)` (no location): `$elemMatch`'s operator form.
  const on = (operators: Document): Document => (location === undefined ? operators : { [location]: operators });
  switch (operator) {
    case "has":
      return on({ $elemMatch: { $eq: compilation.stored(node, item) } });
    case "hasAny":
      return on({ $elemMatch: { $in: compilation.storedList(node, item) } });
    case "hasAll": {
      const wanted = compilation.storedList(node, item);
      // Every array holds every item of an empty list (as on the SQL drivers); `$all: []` would match nothing.
      if (wanted.length === 0) return on({ $type: "array" });
      return on({ $all: wanted.map((value) => ({ $elemMatch: { $eq: value } })) });
    }
    default:
      return on({ $size: 0 });
  }
}

/** A comparison of the length of a row's own array (`tags.length.gt(2)`): `$expr`, see `lengthExpression`. */
export function compileLength(node: ComparisonNode, compilation: Compilation): Document {
  return { $expr: lengthExpression(valueExpression(node.field, node.path), node, compilation) };
}

const EXPRESSION_OPERATORS = { eq: "$eq", ne: "$ne", gt: "$gt", gte: "$gte", lt: "$lt", lte: "$lte" } as const;

/**
 * A length test on the array `array` (an expression), true only where the value is an array, so
 * a null or missing array has no length (null then, for the null tests). `$size` fails on
 * anything else, and `$and` stopping at its first false is not promised by every engine, so the
 * length itself is guarded too (`arrayLength`). The expression is always true or false, never
 * an error or null, so its negation is its exact complement.
 */
export function lengthExpression(array: string | Document, node: ComparisonNode, compilation: Compilation): Document {
  const isArray = { $isArray: [array] };
  const size = arrayLength(array);
  const { operator } = node;
  switch (operator) {
    case "isNull":
      return isFalse(isArray);
    case "isNotNull":
      return isArray;
    case "in":
      return { $and: [isArray, { $in: [size, { $literal: compilation.storedList(node, INTEGER) }] }] };
    case "notIn":
      return { $and: [isArray, isFalse({ $in: [size, { $literal: compilation.storedList(node, INTEGER) }] })] };
    case "eq":
    case "ne":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { $and: [isArray, { [EXPRESSION_OPERATORS[operator]]: [size, { $literal: compilation.stored(node, INTEGER) }] }] };
    default:
      throw new QueryError(`${targetName(node.field, node.path)}.${operator}(): a length is compared as a number`);
  }
}

/**
 * has, hasAny, hasAll and isEmpty on the array `array` (an expression), as a boolean expression:
 * items are compared with `$in`, which compares whole values (BSON equality, as `$elemMatch`'s
 * `$eq` does). A value that is no array (null, missing) has no items and matches none of them,
 * `hasAll([])` included: it asks for an array first.
 */
export function arrayOperatorExpression(node: ComparisonNode, array: string | Document, compilation: Compilation): Document {
  const { field, path, operator } = node;
  const item = (path?.type ?? field).of as ValueType;
  const items = arrayOrEmpty(array);
  const holdsEach = (wanted: readonly unknown[]) => ({ $map: { input: { $literal: wanted }, as: "wanted", in: { $in: ["$$wanted", items] } } });
  switch (operator) {
    case "has":
      return { $in: [{ $literal: compilation.stored(node, item) }, items] };
    case "hasAny":
      return { $anyElementTrue: [holdsEach(compilation.storedList(node, item))] };
    case "hasAll":
      // Every array holds every item of an empty list (as on the SQL drivers).
      return { $and: [{ $isArray: [array] }, { $allElementsTrue: [holdsEach(compilation.storedList(node, item))] }] };
    default:
      return { $eq: [arrayLength(array), 0] };
  }
}

/** The array, or no items where the value is no array: what `$map` and `$in` may be given. */
export function arrayOrEmpty(array: string | Document): Document {
  return { $cond: [{ $isArray: [array] }, array, []] };
}

/** An array's length, or null where the value is no array (null, missing, anything else): `$size` alone fails there. */
export function arrayLength(reference: string | Document): Document {
  return { $cond: [{ $isArray: [reference] }, { $size: reference }, null] };
}

/**
 * An expression's negation, written `$eq: [x, false]` rather than `$not: [x]`: the same for the
 * boolean expressions negated here, and the test stand-in (mongomock) reads `$not: [x]` as the
 * negation of the (always truthy) list.
 */
export function isFalse(expression: Document): Document {
  return { $eq: [expression, false] };
}
