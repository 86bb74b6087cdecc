import { isStructured, type SchemaField, type ValueType } from "../../src/kit/driver.js";
import type { ColumnType, Encode } from "../sql/dialect.js";
import { jsonEncoder } from "../sql/json/encoder.js";
import { storesNullAsJson } from "../sql/json/type-facts.js";
import { formatTimestamp } from "./timestamp.js";

type Text = (value: unknown) => string;

/** A value of each column type as PostgreSQL reads it in text. */
const TEXT_OF: Readonly<Record<ColumnType, Text>> = {
  string: (value) => value as string,
  integer: String,
  bigint: String,
  float: (value) => (Object.is(value, -0) ? "-0" : String(value)),
  boolean: (value) => (value ? "t" : "f"),
  date: (value) => formatTimestamp(value as Date),
  // bytea's hex format.
  binary: (value) => {
    const bytes = value as Uint8Array;
    return `\\x${(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString("hex")}`;
  },
};

/** A value of a type as PostgreSQL reads it in text: a structured value is its JSON text (see sql/json/encoder.ts). */
export function textOf(type: ValueType): Text {
  return isStructured(type) ? jsonEncoder(type) : TEXT_OF[type.type as ColumnType];
}

/** A field's value as PostgreSQL reads it in text, and (for a field that stores null as JSON null) its null too. */
export function fieldTextOf(field: SchemaField): { readonly text: Text; readonly nullText?: string } {
  return storesNullAsJson(field) ? { text: textOf(field), nullText: "null" } : { text: textOf(field) };
}

/** The element type to cast a column's array to (collations belong to the table's column, not here). */
const ARRAY_TYPES: Readonly<Record<ColumnType, string>> = {
  string: "text[]",
  integer: "bigint[]",
  bigint: "bigint[]",
  float: "float8[]",
  boolean: "bool[]",
  date: "timestamptz[]",
  binary: "bytea[]",
};

export function arrayTypeOf(type: ValueType): string {
  return isStructured(type) ? "json[]" : ARRAY_TYPES[type.type as ColumnType];
}

/**
 * Encodes a column of values as one PostgreSQL array literal (`{"a","b",NULL}`), so that any
 * number of rows binds as one parameter per column. Every element is quoted, so no content
 * (commas, braces, spaces, the word NULL) can be read as syntax. `text` writes one value.
 */
export function arrayLiteral({ text, nullText }: { readonly text: Text; readonly nullText?: string }): Encode {
  return (values) => {
    const column = values as readonly unknown[];
    const elements = new Array<string>(column.length);
    for (let index = 0; index < column.length; index++) {
      const value = column[index];
      if (value === undefined || (value === null && nullText === undefined)) elements[index] = "NULL";
      else elements[index] = `"${(value === null ? (nullText as string) : text(value)).replace(/[\\"]/g, "\\$&")}"`;
    }
    return `{${elements.join(",")}}`;
  };
}
