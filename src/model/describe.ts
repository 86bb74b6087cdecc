import { quote } from "../util/quote.js";
import { isModelHandle, metaOf } from "./brands.js";

/** A short description of a value the caller did not expect, for error messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  // A model's metadata names it in String(): the brand does not say what it carries.
  if (isModelHandle(value)) return `the model ${String(metaOf(value))}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : "a Date";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "object") return Array.isArray(value) ? "an array" : `an object (${value.constructor?.name ?? "Object"})`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  return typeof value;
}
