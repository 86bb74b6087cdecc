import type { ValidationIssue } from "../../src/errors.js";
import type { FieldType, SchemaField } from "../../src/model/field.js";

// Worded as class-validator words its own type checks.
const HOLDS: Readonly<Record<FieldType, { readonly is: (value: unknown) => boolean; readonly noun: string }>> = {
  string: { is: (value) => typeof value === "string", noun: "a string" },
  integer: { is: (value) => Number.isInteger(value), noun: "an integer number" },
  float: { is: (value) => typeof value === "number", noun: "a number" },
  boolean: { is: (value) => typeof value === "boolean", noun: "a boolean value" },
  date: { is: (value) => value instanceof Date, noun: "a Date instance" },
  bigint: { is: (value) => typeof value === "bigint", noun: "a bigint" },
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
    if (value === undefined || value === null || HOLDS[type].is(value)) return [];
    return [{ path: [name], message: `${name} must be ${HOLDS[type].noun}` }];
  });
}
