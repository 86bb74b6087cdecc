import type { Encode } from "../sql/dialect.js";

/**
 * What postgres.js gives for a `json` column that holds JSON null. It gives SQL NULL as null too,
 * and a field that may be both left out and null stores its null as JSON null so that NULL can
 * mean "left out" (see sql/json/type-facts.ts, storesNullAsJson): the two must stay apart until
 * the row mapper, which reads this as null and NULL as left out.
 */
export const JSON_NULL: unique symbol = Symbol("ommi.jsonNull");

/** postgres.js's parser of `json` columns: JSON.parse, with a whole JSON null kept apart. */
export function parseJsonColumn(text: string): unknown {
  return text === "null" ? JSON_NULL : JSON.parse(text);
}

/** The decoder of a structured value: JSON null is null, and `convert` (when the type needs one) does the rest. */
export function decodingJsonNull(convert: Encode | undefined): Encode {
  return convert ? (value) => (value === JSON_NULL ? null : convert(value)) : (value) => (value === JSON_NULL ? null : value);
}
