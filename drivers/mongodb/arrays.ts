import type { Document } from "mongodb";
import { QueryError, targetName, type ComparisonNode, type ConditionNode, type SomeNode, type ValueType } from "../../src/kit/driver.js";
import { compileComparison } from "./comparison.js";
import type { Compilation } from "./filter.js";
import { targetPath, valueExpression } from "./paths.js";
import { bothPatterns } from "./text.js";

// Array operators (DESIGN.md section 4, rule 6). None matches a null or missing array, nor
// anything that is not an array: `$elemMatch`, `$all` of `$elemMatch`, `$size` and `$type:
// "array"` each test the array itself. Items are compared with `$eq` and `$in` inside
// `$elemMatch`, which compare each item as a whole (never looking into an item that is itself an
// array): BSON equality, the same keys in the same order and numbers by value (-0 equals 0).

const INTEGER: ValueType = Object.freeze({ type: "integer", nullable: false });

/**
 * Length thresholds inside `some(...)` are written as the lengths they exclude (`$size` is the
 * only length test `$elemMatch` can hold: `$expr` is for whole documents), at most this many.
 */
const MAX_LISTED_LENGTHS = 256;

/** has, hasAny, hasAll, isEmpty. */
export function compileArrayOperator(node: ComparisonNode, compilation: Compilation): Document {
  const { field, path, operator } = node;
  const item = (path?.type ?? field).of as ValueType;
  const on = at(targetPath(field, path));
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

/**
 * A comparison of an array's length (`tags.length.gt(2)`). On a row's own arrays, `$expr` with
 * `$size` where `$isArray` holds, so a null or missing array has no length (null then, for the
 * null tests). Inside `some(...)`, where `$expr` cannot go, `$size` and lists of lengths.
 */
export function compileLength(node: ComparisonNode, compilation: Compilation): Document {
  const { field, path, operator } = node;
  if (!path?.element) return lengthExpression(valueExpression(field, path), node, compilation);
  const location = targetPath(field, path);
  const on = at(location);
  const name = targetName(field, path);
  const value = (): number => Number(compilation.value(node.value));
  switch (operator) {
    case "isNull":
      return on({ $not: { $type: "array" } });
    case "isNotNull":
      return on({ $type: "array" });
    case "eq":
      return on(sizeIs(value()));
    case "ne":
      return on(value() < 0 ? { $type: "array" } : { $type: "array", $not: { $size: value() } });
    case "gte":
      return atLeast(location, value(), name);
    case "gt":
      return atLeast(location, value() + 1, name);
    case "lt":
      return below(location, value(), name);
    case "lte":
      return below(location, value() + 1, name);
    case "in":
    case "notIn": {
      const lengths = (compilation.value(node.value) as readonly number[]).map(Number);
      if (location === undefined) {
        if (lengths.length > 1) throw new QueryError(`${name}.${operator}(): inside some(), MongoDB can compare the length of the item itself with one length only`);
        return operator === "in" ? on(sizeIs(lengths[0] ?? -1)) : on(lengths.length ? { $type: "array", $not: sizeIs(lengths[0] as number) } : { $type: "array" });
      }
      const anyOf = lengths.length ? { $or: lengths.map((length) => on(sizeIs(length))) } : on({ $in: [] });
      return operator === "in" ? anyOf : { $and: [on({ $type: "array" }), { $nor: [anyOf] }] };
    }
    default:
      throw new QueryError(`${name}.${operator}(): a length is compared as a number`);
  }
}

/** `$size`, or nothing for a negative length (`$size` refuses one). */
function sizeIs(length: number): Document {
  return length < 0 ? { $in: [] } : { $size: length };
}

/** An array of at least `length` items, inside `some(...)`. */
function atLeast(location: string | undefined, length: number, name: string): Document {
  const on = at(location);
  if (length <= 0) return on({ $type: "array" });
  if (length === 1) return on({ $type: "array", $not: { $size: 0 } });
  if (location === undefined) throw new QueryError(`${name}: inside some(), MongoDB can compare the length of the item itself with 0 and 1 only (use eq, ne or isEmpty)`);
  if (length > MAX_LISTED_LENGTHS) throw new QueryError(`${name}: inside some(), MongoDB can compare a length with at most ${MAX_LISTED_LENGTHS}, got ${length}`);
  const shorter = Array.from({ length }, (_, size) => on({ $size: size }));
  return { $and: [on({ $type: "array" }), { $nor: shorter }] };
}

/** An array of fewer than `length` items, inside `some(...)`. */
function below(location: string | undefined, length: number, name: string): Document {
  const on = at(location);
  if (length <= 0) return on({ $in: [] });
  if (length === 1) return on({ $size: 0 });
  if (location === undefined) throw new QueryError(`${name}: inside some(), MongoDB can compare the length of the item itself with 0 and 1 only (use eq, ne or isEmpty)`);
  return { $and: [on({ $type: "array" }), { $nor: [atLeast(location, length, name)] }] };
}

const EXPRESSION_OPERATORS = { eq: "$eq", ne: "$ne", gt: "$gt", gte: "$gte", lt: "$lt", lte: "$lte" } as const;

/**
 * A length test on a row's own array: `$expr`, true only where the value is an array. `$size`
 * fails on anything else, and `$and` stopping at its first false is not promised by every engine
 * (the test stand-in evaluates every item), so the length itself is guarded too (`arrayLength`).
 * The expression is always true or false, never an error or null, so `not` (`$nor`) is its exact
 * complement.
 */
function lengthExpression(reference: string | Document, node: ComparisonNode, compilation: Compilation): Document {
  const isArray = { $isArray: [reference] };
  const size = arrayLength(reference);
  const { operator } = node;
  switch (operator) {
    case "isNull":
      return { $expr: isFalse(isArray) };
    case "isNotNull":
      return { $expr: isArray };
    case "in":
      return { $expr: { $and: [isArray, { $in: [size, compilation.storedList(node, INTEGER)] }] } };
    case "notIn":
      return { $expr: { $and: [isArray, isFalse({ $in: [size, compilation.storedList(node, INTEGER)] })] } };
    case "eq":
    case "ne":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { $expr: { $and: [isArray, { [EXPRESSION_OPERATORS[operator]]: [size, compilation.stored(node, INTEGER)] }] } };
    default:
      throw new QueryError(`${targetName(node.field, node.path)}.${operator}(): a length is compared as a number`);
  }
}

/**
 * `some(item => ...)`: `$elemMatch`. Where the condition is about keys of the items (objects),
 * it is a query document with paths relative to the item; where it is about the item itself
 * (strings, numbers, arrays), it is `$elemMatch`'s operator form, which has no `$or` (some item
 * matches a or b is: some item matches a, or some item matches b) and one key per operator.
 */
export async function compileSome(node: SomeNode, compilation: Compilation, condition: (where: ConditionNode) => Promise<Document>): Promise<Document> {
  const { field, path, where } = node;
  const on = at(targetPath(field, path));
  const name = `${targetName(field, path)}.some()`;
  const targets = itemTargets(where, name);
  if (targets.has("keys") && targets.has("item")) {
    throw new QueryError(`${name}: a condition on the item itself and one on its keys cannot share one $elemMatch in MongoDB; write them in separate some() calls`);
  }
  if (!targets.has("item")) return on({ $elemMatch: await condition(where) });
  if (where.kind === "or") return { $or: await Promise.all(where.items.map(async (item) => on({ $elemMatch: await itemOperators(item, compilation, name) }))) };
  return on({ $elemMatch: await itemOperators(where, compilation, name) });
}

/** A condition on the item itself as `$elemMatch` operators. */
async function itemOperators(node: ConditionNode, compilation: Compilation, name: string): Promise<Document> {
  switch (node.kind) {
    case "comparison":
      return compileComparison(node, compilation);
    case "some":
      return compileSome(node, compilation, () => Promise.reject(new Error("unreachable: an item-itself some() is written with operators")));
    case "not": {
      if (node.item.kind === "not") return itemOperators(node.item.item, compilation, name);
      const inner = await itemOperators(node.item, compilation, name);
      if ("$not" in inner) throw new QueryError(`${name}: this not() cannot be written in $elemMatch's operator form; state the condition without nested not()`);
      return { $not: inner };
    }
    case "and": {
      const parts = await Promise.all(node.items.map((item) => itemOperators(item, compilation, name)));
      return parts.reduce((merged, part) => merge(merged, part, name), {});
    }
    case "or":
      throw new QueryError(`${name}: an or() inside and() or not() on the item itself cannot be written in $elemMatch; write the or() at the top of some(), or as separate some() calls`);
    case "related":
      throw new QueryError(`${name}: a condition on another model cannot be inside some()`);
  }
}

/** Both operator sets at once: one key each, two text patterns as one, two `$nin` lists as one. */
function merge(first: Document, second: Document, name: string): Document {
  const merged: Document = { ...first };
  for (const [key, value] of Object.entries(second) as [string, unknown][]) {
    if (!(key in merged)) merged[key] = value;
    else if (key === "$regex") merged[key] = bothPatterns(merged[key] as string, value as string);
    else if (key === "$nin") merged[key] = [...(merged[key] as unknown[]), ...(value as unknown[])];
    else throw new QueryError(`${name}: two ${key} conditions on the item itself cannot be written in $elemMatch's operator form; combine them into one`);
  }
  return merged;
}

/** Whether the comparisons of a some() condition are about the item itself, its keys, or neither (the row: refused). */
function itemTargets(node: ConditionNode, name: string): Set<"item" | "keys"> {
  const found = new Set<"item" | "keys">();
  const visit = (each: ConditionNode): void => {
    switch (each.kind) {
      case "and":
      case "or":
        each.items.forEach(visit);
        return;
      case "not":
        return visit(each.item);
      case "related":
        throw new QueryError(`${name}: a condition on another model cannot be inside some()`);
      case "comparison":
      case "some":
        if (!each.path?.element) throw new QueryError(`${name}: a condition inside some() must be about the item (the row's own fields cannot be reached from $elemMatch); write it outside some()`);
        found.add(each.path.keys.length ? "keys" : "item");
    }
  };
  visit(node);
  return found;
}

/** `{path: operators}`, or the operators alone for the item itself. */
function at(location: string | undefined): (operators: Document) => Document {
  return (operators) => (location === undefined ? operators : { [location]: operators });
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
