import { isPlainObject, type FieldType } from "../../src/kit/adapter.js";

// An invalid Date has no time to store (it would reach the database as NaN, which SQLite stores as NULL).
const HOLDS: Readonly<Record<FieldType, (value: unknown) => boolean>> = {
  string: (value) => typeof value === "string",
  integer: (value) => Number.isInteger(value),
  float: (value) => typeof value === "number",
  boolean: (value) => typeof value === "boolean",
  date: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
  bigint: (value) => typeof value === "bigint",
  binary: (value) => value instanceof Uint8Array,
  object: isPlainObject,
  record: isPlainObject,
  union: isPlainObject,
  array: (value) => Array.isArray(value),
  // The write checks each value inside (see src/model/value-check.ts).
  json: () => true,
};

/** Whether a field of `type` stores `value` as it is (for structured types: the outer shape only). */
export function holdsType(type: FieldType, value: unknown): boolean {
  return HOLDS[type](value);
}
