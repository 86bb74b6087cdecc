import type { ValidationIssue, FieldType, SchemaField } from "../../src/kit/adapter.js";
import { holdsType } from "../shared/field-types.js";

// Worded as class-validator words its own type checks.
const NOUNS: Readonly<Record<FieldType, string>> = {
  string: "a string",
  integer: "an integer number",
  float: "a number",
  boolean: "a boolean value",
  date: "a valid Date instance",
  bigint: "a bigint",
};

/**
 * Issues for values of the wrong type in fields whose type no decorator checks, because it came
 * from `design:type` (a bigint, or a property with only `@IsDefined()` or Ommi markers):
 * class-validator lets any value through there, and the database would get it. Null and missing
 * values are left to the decorators and the column.
 */
export function designTypeIssues(fields: readonly SchemaField[], values: Readonly<Record<string, unknown>>): ValidationIssue[] {
  return fields.flatMap(({ name, type }) => {
    const value = values[name];
    if (value === undefined || value === null || holdsType(type, value)) return [];
    return [{ path: [name], message: `${name} must be ${NOUNS[type]}` }];
  });
}
