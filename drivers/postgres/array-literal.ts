import type { FieldType } from "../../src/kit/driver.js";
import type { Encode } from "../sql/dialect.js";
import { formatTimestamp } from "./timestamp.js";

/** A value of each field type as PostgreSQL reads it in text. */
const TEXT_OF: Readonly<Record<FieldType, (value: unknown) => string>> = {
  string: (value) => value as string,
  integer: String,
  bigint: String,
  float: (value) => (Object.is(value, -0) ? "-0" : String(value)),
  boolean: (value) => (value ? "t" : "f"),
  date: (value) => formatTimestamp(value as Date),
};

/** The element type to cast a column's array to (collations belong to the table's column, not here). */
export const ARRAY_TYPES: Readonly<Record<FieldType, string>> = {
  string: "text[]",
  integer: "bigint[]",
  bigint: "bigint[]",
  float: "float8[]",
  boolean: "bool[]",
  date: "timestamptz[]",
};

/**
 * Encodes a column of values as one PostgreSQL array literal (`{"a","b",NULL}`), so that any
 * number of rows binds as one parameter per column. Every element is quoted, so no content
 * (commas, braces, spaces, the word NULL) can be read as syntax.
 */
export function arrayLiteral(type: FieldType): Encode {
  const text = TEXT_OF[type];
  return (values) => {
    const column = values as readonly unknown[];
    const elements = new Array<string>(column.length);
    for (let index = 0; index < column.length; index++) {
      const value = column[index];
      elements[index] = value === null || value === undefined ? "NULL" : `"${text(value).replace(/[\\"]/g, "\\$&")}"`;
    }
    return `{${elements.join(",")}}`;
  };
}
