import { QueryError } from "../errors.js";
import { isScalar, typeName, type ValueType } from "../model/field.js";
import type { FieldMeta } from "../model/meta.js";
import { describe } from "../model/describe.js";
import { valueProblem } from "../model/value-check.js";
import { ARRAY_OPERATORS, type ComparisonOperator } from "./nodes/comparison.js";
import { targetName, type ValuePath } from "./nodes/path.js";
import { checkTextPattern, type TextOperator } from "./text/index.js";

const TEXT_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(["contains", "startsWith", "endsWith", "like", "ilike", "regex"]);
const ORDERING: ReadonlySet<ComparisonOperator> = new Set(["gt", "gte", "lt", "lte"]);

/** Throws a `QueryError` naming the field when an operator does not apply to it or a value cannot be compared with it. */
export function checkComparisonValue(field: FieldMeta, operator: ComparisonOperator, value: unknown, path?: ValuePath): void {
  const where = targetName(field, path);
  const type: ValueType = path?.type ?? field;
  if (operator === "isNull" || operator === "isNotNull") return;
  if (ARRAY_OPERATORS.has(operator)) return checkArrayOperator(where, type, operator, value);
  if (TEXT_OPERATORS.has(operator)) {
    if (type.type !== "string") throw new QueryError(`${where}.${operator}() needs a string field, but ${where} is ${typeName(type)}`);
    if (typeof value !== "string") throw new QueryError(`${where}.${operator}() needs a string, got ${describe(value)}`);
    checkValue(where, operator, type, value);
    // Too large, or (for regex) outside Ommi's dialect: refused here, before any query runs.
    checkTextPattern(where, operator as TextOperator, value);
    return;
  }
  if (operator === "in" || operator === "notIn") {
    if (!isScalar(type)) throw new QueryError(`${where}.${operator}() compares scalar values; ${where} is ${typeName(type)}`);
    if (!Array.isArray(value)) throw new QueryError(`${where}.${operator}() needs an array of values, got ${describe(value)}`);
    for (const item of value as unknown[]) checkValue(where, operator, type, item);
    return;
  }
  if (ORDERING.has(operator) && !isScalar(type)) {
    throw new QueryError(`${where}.${operator}() orders scalar values; ${where} is ${typeName(type)} (compare a value inside it, or use eq)`);
  }
  checkValue(where, operator, type, value);
}

function checkArrayOperator(where: string, type: ValueType, operator: ComparisonOperator, value: unknown): void {
  if (type.type !== "array" || !type.of) throw new QueryError(`${where}.${operator}() needs an array field, but ${where} is ${typeName(type)}`);
  if (operator === "isEmpty") return;
  if (operator === "has") return checkValue(where, operator, type.of, value);
  if (!Array.isArray(value)) throw new QueryError(`${where}.${operator}() needs an array of items, got ${describe(value)}`);
  for (const item of value as unknown[]) checkValue(where, operator, type.of, item);
}

/** A value compared with a field must be a non-null value of its type that every database holds exactly. */
function checkValue(where: string, operator: ComparisonOperator, type: ValueType, value: unknown): void {
  if (value === null || value === undefined) {
    throw new QueryError(`${where}.${operator}() needs a value, got ${String(value)} (test for null with isNull())`);
  }
  // Null was refused above, so the type's own nullability does not matter here.
  const problem = valueProblem(type, value, true);
  if (!problem) return;
  if (isScalar(type) && problem.startsWith("must be")) throw new QueryError(`${where}.${operator}() needs ${type.type === "integer" ? "an" : "a"} ${type.type} value, got ${describe(value)}`);
  throw new QueryError(`${where}.${operator}(): the value ${problem}`);
}
