import { isScalar, QueryError, quote, type ValueType } from "../../src/kit/driver.js";
import { asBase64 } from "../sql/bytes.js";
import type { ArrayMatch, ColumnType, Encode, JsonAccess, JsonSource, ListMatch, ScalarValue } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { comparedJsonEncoder } from "../sql/json/encoder.js";
import { arrayOf, holdsNumbers } from "../sql/json/type-facts.js";
import { asMilliseconds } from "../sql/numeric-values.js";
import { arrayLiteral } from "./array-literal.js";
import { postgresInList } from "./in-list.js";

/**
 * A key as a string literal: `'` doubled, and written as E'...' (with `\` doubled) when it holds a
 * backslash, which then means the same whatever standard_conforming_strings says. PostgreSQL
 * text cannot hold U+0000.
 */
function keyLiteral(key: string): SQL {
  if (key.includes("\0")) throw new QueryError(`The key ${quote(key)} contains the NUL character (U+0000), which PostgreSQL text cannot hold: it cannot be reached inside a value`);
  const doubled = key.replaceAll("'", "''");
  return sql.raw(key.includes("\\") ? `E'${doubled.replaceAll("\\", "\\\\")}'` : `'${doubled}'`);
}

function itemValue(alias: string): SQL {
  return sql`${sql.identifier(alias)}.${sql.identifier("value")}`;
}

function sourceValue(source: JsonSource): SQL {
  return "column" in source ? source.column : itemValue(source.alias);
}

/** `value -> 'a' -> 'b'`: the JSON value at `keys` (SQL NULL where a key is missing or a value on the way is not an object). */
function jsonAt(value: SQL, keys: readonly string[]): SQL {
  return keys.reduce((inner, key) => sql`${inner} -> ${keyLiteral(key)}`, value);
}

/**
 * The scalar at `keys` as text: `->>` for the last key, `#>> '{}'` for an item itself. Both give
 * SQL NULL for a JSON null, as `->` would not (it gives the JSON value null).
 */
function textAt(source: JsonSource, keys: readonly string[]): SQL {
  const value = sourceValue(source);
  if (keys.length === 0) return sql`(${value} #>> '{}')`;
  const last = keys[keys.length - 1] as string;
  return sql`(${jsonAt(value, keys.slice(0, -1))} ->> ${keyLiteral(last)})`;
}

/**
 * The scalar at `keys`, typed as the column of its type would be: text in the "C" collation
 * (code point order), integers as bigint, floats as double precision, booleans as boolean,
 * dates as their milliseconds (a bigint; values compared with them are turned into milliseconds
 * too), bigints as numeric (exact at any size; stored as JSON strings of their digits).
 */
function scalar(source: JsonSource, keys: readonly string[], type: ColumnType): SQL {
  const text = textAt(source, keys);
  switch (type) {
    case "string":
    case "binary":
      return sql`${text} COLLATE "C"`;
    case "integer":
    case "date":
      return sql`${text}::bigint`;
    case "float":
      return sql`${text}::double precision`;
    case "boolean":
      return sql`${text}::boolean`;
    case "bigint":
      return sql`${text}::numeric`;
  }
}

/** The stored JSON text of the value at `keys` (the `json` type keeps text as written); NULL for a JSON null. */
function text(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source && keys.length === 0) return source.holdsJsonNull ? sql`nullif(${source.column}::text, 'null')` : sql`${source.column}::text`;
  return sql`nullif((${jsonAt(sourceValue(source), keys)})::text, 'null')`;
}

/** json_array_length and json_array_elements fail on anything but an array: anything else is NULL here. */
function array(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source && keys.length === 0 && !source.holdsJsonNull) return source.column;
  const value = jsonAt(sourceValue(source), keys);
  return sql`CASE WHEN json_typeof(${value}) = 'array' THEN ${value} END`;
}

// E'' strings, which read the same whatever standard_conforming_strings says: the pattern is
// ("(?:[^"\\]|\\.)*")|-(0)(?=[,\]}]|$) and the replacement \1\2.
const ZERO_PATTERN = sql.raw(String.raw`E'("(?:[^"\\\\]|\\\\.)*")|-(0)(?=[,\\]}]|$)'`);
const ZERO_REPLACEMENT = sql.raw(String.raw`E'\\1\\2'`);

/**
 * Stored JSON text with every number -0 written 0: strings are matched whole (and kept), so a
 * `-0` inside one is left as it is (sql/json/negative-zero.ts, zeroedJsonText, does the same in JavaScript).
 */
function zeroed(value: SQL): SQL {
  return sql`regexp_replace(${value}, ${ZERO_PATTERN}, ${ZERO_REPLACEMENT}, 'g')`;
}

const asDigits: Encode = (value) => String(value);

function anyOf(arrayType: string, text: (value: unknown) => string): ListMatch {
  return { expression: (value, list) => sql`${value} = ANY(${list}::${sql.raw(arrayType)})`, encode: arrayLiteral({ text }) };
}

/** Values compared with `scalar(...)`: as a column of the type takes them, except dates (milliseconds) and bigints (numeric). */
const SCALAR_VALUES: Readonly<Record<ColumnType, ScalarValue>> = {
  string: { encode: (value) => value, list: postgresInList("string") },
  integer: { encode: (value) => value, list: postgresInList("integer") },
  float: { encode: (value) => (Object.is(value, -0) ? "-0" : value), list: postgresInList("float") },
  boolean: { encode: (value) => value, list: postgresInList("boolean") },
  date: { encode: asMilliseconds, list: anyOf("bigint[]", (value) => String(asMilliseconds(value))) },
  bigint: { encode: asDigits, list: anyOf("numeric[]", String) },
  // Compared with eq and ne only (never listed): its base64 text is a string's.
  binary: { encode: asBase64, list: postgresInList("string") },
};

const ITEM = sql.identifier("item");
const WANTED = sql.identifier("wanted");

/**
 * has, hasAny, hasAll. Scalar items (and binary data, as base64) by containment of jsonb, which
 * compares numbers by value (-0 equals 0, as `eq` does), strings exactly, bigints as their
 * digits: `array::jsonb @> '[item]'`, which a GIN index on `(column::jsonb)` serves (an `Index`
 * on an array field). Containment is not equality for objects (`[{"a":1,"b":2}]` contains
 * `[{"a":1}]`), so structured items are compared as stored text; with an index, containment
 * first narrows the rows (an item equal as stored is also contained).
 */
function arrayMatch(operator: "has" | "hasAny" | "hasAll", array: SQL, item: ValueType, indexed: boolean): ArrayMatch {
  const list = comparedJsonEncoder(arrayOf(item));
  const contained = sql`(${array})::jsonb`;
  if (isScalar(item) || item.type === "binary") {
    switch (operator) {
      case "has":
        return { expression: (value) => sql`${contained} @> ${value}::jsonb`, encode: (value) => list([value]) };
      case "hasAll":
        return { expression: (value) => sql`${contained} @> ${value}::jsonb`, encode: list };
      case "hasAny":
        return {
          expression: (value) => sql`${contained} @> ANY (ARRAY(SELECT jsonb_build_array(${WANTED}."value") FROM jsonb_array_elements(${value}::jsonb) AS ${WANTED}))`,
          encode: list,
        };
    }
  }
  const items = sql`json_array_elements(${array}) AS ${ITEM}`;
  // A stored item's text with -0 written 0; a list is written by Ommi for the query, so without -0 already.
  const own = holdsNumbers(item) ? zeroed(sql`${ITEM}."value"::text`) : sql`${ITEM}."value"::text`;
  switch (operator) {
    case "has": {
      const exists = (value: SQL) => sql`EXISTS (SELECT 1 FROM ${items} WHERE ${own} = ${value}::text)`;
      return {
        expression: (value) => (indexed ? sql`(${contained} @> jsonb_build_array(${value}::jsonb) AND ${exists(value)})` : exists(value)),
        encode: comparedJsonEncoder(item),
      };
    }
    case "hasAny":
      return {
        expression: (value) => sql`EXISTS (SELECT 1 FROM ${items} WHERE ${own} IN (SELECT ${WANTED}."value"::text FROM json_array_elements(${value}::json) AS ${WANTED}))`,
        encode: list,
      };
    case "hasAll": {
      const all = (value: SQL) =>
        sql`${array} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_array_elements(${value}::json) AS ${WANTED} WHERE NOT EXISTS (SELECT 1 FROM ${items} WHERE ${own} = ${WANTED}."value"::text))`;
      return { expression: (value) => (indexed ? sql`(${contained} @> ${value}::jsonb AND ${all(value)})` : sql`(${all(value)})`), encode: list };
    }
  }
}

/** PostgreSQL's JSON operators and functions on `json` columns (see sql/json/encoder.ts for how values are written). */
export const postgresJson: JsonAccess = {
  scalar,
  scalarValue: (type) => SCALAR_VALUES[type],
  text,
  zeroed,
  array,
  // An integer as a bigint: compared with a safe integer past 32 bits, `int` would make the value's type `int` too, which cannot hold it.
  length: (value) => sql`json_array_length(${value})::bigint`,
  items: (value, alias) => sql`json_array_elements(${value}) AS ${sql.identifier(alias)}`,
  arrayMatch,
};
