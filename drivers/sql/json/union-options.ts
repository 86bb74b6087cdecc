import { isPlainObject, valueProblem, type ValueType } from "../../../src/kit/driver.js";

// A union without a discriminator stores no tag: the option a value is written as, and the one a
// stored object is read as, are chosen by what the value holds.

/** The option of a union without a discriminator that a value is written as: the first it is a value of, without keys the option does not declare if one fits so. */
export function optionOfValue(options: readonly ValueType[], value: unknown): number {
  const strict = options.findIndex((option) => hasOnlyDeclaredKeys(option, value) && valueProblem(option, value) === undefined);
  if (strict >= 0) return strict;
  const loose = options.findIndex((option) => valueProblem(option, value) === undefined);
  if (loose < 0) throw new Error("the value is of none of the union's options (it was checked before it reached the driver)");
  return loose;
}

/** The option a stored object of a union without a discriminator is read as: the first whose keys and stored values it fits (see optionOfValue). */
export function optionOfStored(options: readonly ValueType[], parsed: unknown): number {
  const strict = options.findIndex((option) => hasOnlyDeclaredKeys(option, parsed) && fitsStored(option, parsed, 0));
  if (strict >= 0) return strict;
  return options.findIndex((option) => fitsStored(option, parsed, 0));
}

/**
 * The option a value of a union without a discriminator will be read back as, once stored: its
 * Dates, bigints and binary data are numbers and strings in JSON, so another option than the one
 * it is of may fit it first (a Date where an earlier option has a number). See UnionRefusal.
 */
export function optionReadBack(options: readonly ValueType[], value: unknown): number {
  return optionOfStored(options, asStored(value, 0));
}

/** A value as JSON.parse gives it back: Dates as numbers, bigints and binary data as strings. */
function asStored(value: unknown, depth: number): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return "";
  if (depth > 256 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => asStored(item, depth + 1));
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, asStored(item, depth + 1)]));
}

function hasOnlyDeclaredKeys(option: ValueType, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const declared = new Set((option.fields ?? []).map((field) => field.name));
  return Object.keys(value).every((key) => declared.has(key) || value[key] === undefined);
}

const DIGITS = /^-?\d+$/;

/** Whether parsed JSON is what a value of `type` is stored as. */
function fitsStored(type: ValueType, parsed: unknown, depth: number): boolean {
  if (parsed === null) return type.nullable || type.type === "json";
  if (depth > 256) return false;
  switch (type.type) {
    case "string":
    case "binary":
      return typeof parsed === "string";
    case "bigint":
      return typeof parsed === "string" && DIGITS.test(parsed);
    case "integer":
    case "date":
      return Number.isSafeInteger(parsed);
    case "float":
      return typeof parsed === "number";
    case "boolean":
      return typeof parsed === "boolean";
    case "json":
      return true;
    case "array":
      return Array.isArray(parsed) && parsed.every((item) => fitsStored(type.of as ValueType, item, depth + 1));
    case "record":
      return isPlainObject(parsed) && Object.values(parsed).every((item) => fitsStored(type.of as ValueType, item, depth + 1));
    case "union":
      return (type.options ?? []).some((option) => fitsStored(option, parsed, depth));
    case "object":
      return isPlainObject(parsed) && (type.fields ?? []).every((field) => (parsed[field.name] === undefined ? field.optional : fitsStored(field, parsed[field.name], depth + 1)));
  }
}
