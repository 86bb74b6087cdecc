import type { FieldType, ValidationIssue } from "../../src/kit/adapter.js";
import { holdsType } from "../shared/field-types.js";

// Worded as class-validator words its own type checks.
const NOUNS: Readonly<Record<FieldType, string>> = {
  string: "a string",
  integer: "an integer number",
  float: "a number",
  boolean: "a boolean value",
  date: "a valid Date instance",
  bigint: "a bigint",
  binary: "a Uint8Array or a Buffer",
  object: "an object",
  union: "an object",
  record: "a plain object",
  array: "an array",
  json: "a JSON value",
};

/**
 * The issue for a value of the wrong type in a property whose type no decorator checks (a type from
 * `design:type`: a bigint, or a property with only `@IsDefined()` or Ommi markers), or whose top
 * class-validator lets through (an array where `@ValidateNested()` expects one object): the
 * database would get it. Null and missing values are left to the decorators.
 */
export function typeIssue(name: string, type: FieldType, value: unknown, path: readonly PropertyKey[]): ValidationIssue | undefined {
  if (value === undefined || value === null || holdsType(type, value)) return undefined;
  return wrongType(name, type, path);
}

/** The issue for a value of `name` that is not of `type`. */
export function wrongType(name: string, type: FieldType, path: readonly PropertyKey[]): ValidationIssue {
  return { path, message: `${name} must be ${NOUNS[type]}` };
}
