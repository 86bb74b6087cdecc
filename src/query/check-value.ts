import { QueryError } from "../errors.js";
import type { FieldType } from "../model/field.js";
import type { FieldMeta } from "../model/meta.js";
import { describe } from "../model/describe.js";
import type { ComparisonOperator } from "./nodes/comparison.js";
import { malformedText } from "../util/text.js";
import { checkTextPattern, type TextOperator } from "./text/index.js";

const TEXT_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(["contains", "startsWith", "endsWith", "like", "ilike", "regex"]);

const accepts: Record<FieldType, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  integer: (value) => Number.isSafeInteger(value),
  float: (value) => typeof value === "number" && Number.isFinite(value),
  boolean: (value) => typeof value === "boolean",
  date: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
  bigint: (value) => typeof value === "bigint" || Number.isSafeInteger(value),
};

/** Throws a `QueryError` naming the field when a value cannot be compared with it. */
export function checkComparisonValue(field: FieldMeta, operator: ComparisonOperator, value: unknown): void {
  const where = `${field.model.name}.${field.name}`;
  if (operator === "isNull" || operator === "isNotNull") return;
  if (TEXT_OPERATORS.has(operator)) {
    if (field.type !== "string") throw new QueryError(`${where}.${operator}() needs a string field, but ${where} is ${field.type}`);
    if (typeof value !== "string") throw new QueryError(`${where}.${operator}() needs a string, got ${describe(value)}`);
    checkWellFormed(where, operator, value);
    // Too large, or (for regex) outside Ommi's dialect: refused here, before any query runs.
    checkTextPattern(where, operator as TextOperator, value);
    return;
  }
  if (operator === "in" || operator === "notIn") {
    if (!Array.isArray(value)) throw new QueryError(`${where}.${operator}() needs an array of values, got ${describe(value)}`);
    for (const item of value as unknown[]) checkScalar(field, operator, item);
    return;
  }
  checkScalar(field, operator, value);
}

function checkScalar(field: FieldMeta, operator: ComparisonOperator, value: unknown): void {
  if (!accepts[field.type](value)) {
    throw new QueryError(`${field.model.name}.${field.name}.${operator}() needs a ${field.type} value, got ${describe(value)}`);
  }
  checkWellFormed(`${field.model.name}.${field.name}`, operator, value);
}

/** A value no database can hold exactly would be compared as something else: refuse it. */
function checkWellFormed(where: string, operator: ComparisonOperator, value: unknown): void {
  const problem = malformedText(value);
  if (problem) throw new QueryError(`${where}.${operator}(): the value ${problem}`);
}
