import type { ScalarType, ValueType } from "../../src/kit/driver.js";
import type { ArrayMatch, ColumnType, Encode, JsonAccess, JsonSource, ListMatch, ScalarValue } from "../sql/dialect.js";
import { asBase64 } from "../sql/bytes.js";
import { comparedJsonEncoder } from "../sql/json/encoder.js";
import { arrayOf, holdsNumbers } from "../sql/json/type-facts.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { BINARY_TEXT, int64 } from "./column-values.js";
import { mysqlInList } from "./in-list.js";

// Structured values are Ommi's JSON text in a LONGTEXT column (see dialect.ts). Scalars inside
// them are reached with JSON_VALUE, which gives SQL NULL for a JSON null, a missing key, or an
// object or array on the way, so that comparisons with it are false (DESIGN.md section 4, rule 6).
// Whole values and array items are compared as their JSON text (see text, arrayMatch).

/** A SQL string literal, for the sessions' sql_mode (backslash escapes on, see settings.ts). */
function literal(text: string): SQL {
  return sql.raw(`'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`);
}

/** A JSON path to `keys`: `$."address"."city"`, each key a JSON string, so that any key names itself. */
function jsonPath(keys: readonly string[]): SQL {
  return literal(`$${keys.map((key) => `.${JSON.stringify(key)}`).join("")}`);
}

const ITEM = sql.identifier("item");

/** Where a JSON value is: a row's column, or the current item of an array that `some(...)` runs over (see items). */
function valueOf(source: JsonSource): SQL {
  return "column" in source ? source.column : sql`${sql.identifier(source.alias)}.${ITEM}`;
}

/**
 * The scalar at `keys`, typed as the column of its type would be: text in Ommi's binary
 * collation, integers, dates (their milliseconds, as Ommi's JSON holds them) and bigints (JSON
 * strings of digits) as 64-bit integers, floats as DOUBLE, booleans as 1 or 0.
 */
function scalar(source: JsonSource, keys: readonly string[], type: ColumnType): SQL {
  const value = sql`JSON_VALUE(${valueOf(source)}, ${jsonPath(keys)})`;
  switch (type) {
    case "string":
    case "binary":
      return sql`CONVERT(${value} USING utf8mb4) COLLATE ${sql.raw(BINARY_TEXT.split(" COLLATE ")[1] as string)}`;
    case "integer":
    case "date":
    case "bigint":
      return sql`CAST(${value} AS SIGNED)`;
    case "float":
      return sql`CAST(${value} AS DOUBLE)`;
    case "boolean":
      return sql`(CASE ${value} WHEN 'true' THEN 1 WHEN '1' THEN 1 WHEN 'false' THEN 0 WHEN '0' THEN 0 END)`;
  }
}

/**
 * The JSON text of the value at `keys`, as Ommi writes JSON (compact: JSON_EXTRACT puts spaces
 * after `:` and `,`, JSON_COMPACT takes them out and keeps everything else as stored: key order,
 * numbers, escapes); NULL where it is null or missing.
 */
function text(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source && keys.length === 0) return source.holdsJsonNull ? sql`nullif(${source.column}, 'null')` : source.column;
  if (keys.length === 0) return sql`nullif(JSON_COMPACT(${valueOf(source)}), 'null')`;
  return sql`nullif(JSON_COMPACT(JSON_EXTRACT(${valueOf(source)}, ${jsonPath(keys)})), 'null')`;
}

/** The JSON value at `keys` where it is an array; NULL where it is anything else (null or missing too). */
function array(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source && keys.length === 0 && !source.holdsJsonNull) return source.column;
  const value = keys.length === 0 ? valueOf(source) : sql`JSON_EXTRACT(${valueOf(source)}, ${jsonPath(keys)})`;
  return sql`(CASE WHEN JSON_TYPE(${value}) = 'ARRAY' THEN ${value} END)`;
}

/** A FROM item that gives the items of `array`, each as its JSON text in the column ITEM. */
function items(array: SQL, alias: string): SQL {
  return sql`JSON_TABLE(${array}, '$[*]' COLUMNS (${ITEM} JSON PATH '$')) AS ${sql.identifier(alias)}`;
}

/** Items compared as Ommi writes JSON: compact (JSON_TABLE gives them as stored), -0 written 0 where they may hold numbers. */
function itemText(alias: string, item: ValueType): SQL {
  const compact = sql`JSON_COMPACT(${sql.identifier(alias)}.${ITEM})`;
  return holdsNumbers(item) ? zeroed(compact) : compact;
}

/**
 * has, hasAny, hasAll: an item equals a value as `eq` compares them, here by JSON text (Ommi
 * writes the stored items and the values alike: numbers, escapes and key order one way; -0 written
 * 0 on both sides). The list of values is one bound JSON array, whatever its length.
 */
function arrayMatch(operator: "has" | "hasAny" | "hasAll", value: SQL, item: ValueType): ArrayMatch {
  const own = itemText("ommi_item", item);
  const stored = items(value, "ommi_item");
  const wanted = (list: SQL) => items(list, "ommi_wanted");
  const wantedText = sql`JSON_COMPACT(${sql.identifier("ommi_wanted")}.${ITEM})`;
  switch (operator) {
    case "has":
      return { expression: (one) => sql`EXISTS (SELECT 1 FROM ${stored} WHERE ${own} = ${one})`, encode: comparedJsonEncoder(item) };
    case "hasAny":
      return {
        expression: (list) => sql`EXISTS (SELECT 1 FROM ${stored} WHERE ${own} IN (SELECT ${wantedText} FROM ${wanted(list)}))`,
        encode: comparedJsonEncoder(arrayOf(item)),
      };
    case "hasAll":
      return {
        expression: (list) => sql`(${value} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${wanted(list)} WHERE NOT EXISTS (SELECT 1 FROM ${stored} WHERE ${own} = ${wantedText})))`,
        encode: comparedJsonEncoder(arrayOf(item)),
      };
  }
}

// The pattern ("(?:[^"\\]|\\.)*")|-(0)(?=[,\]}]|$) and the replacement \1\2, as SQL literals (PCRE: MariaDB).
const ZERO_PATTERN = literal(String.raw`("(?:[^"\\]|\\.)*")|-(0)(?=[,\]}]|$)`);
const ZERO_REPLACEMENT = literal(String.raw`\1\2`);

/**
 * Stored JSON text with every number -0 written 0: strings are matched whole (and kept), so a
 * `-0` inside one is left as it is (sql/json/negative-zero.ts, zeroedJsonText, does the same in
 * JavaScript). MySQL 8's REGEXP_REPLACE (ICU) writes the replacement $1$2: not chosen per server yet.
 */
function zeroed(value: SQL): SQL {
  return sql`REGEXP_REPLACE(${value}, ${ZERO_PATTERN}, ${ZERO_REPLACEMENT})`;
}

const asIs: Encode = (value) => value;
const asMilliseconds: Encode = (value) => (value as Date).getTime();

/** A list compared with a scalar of `type`, whose values are encoded as `encode` first. */
function listOf(type: ScalarType, encode: Encode): ListMatch {
  const list = mysqlInList(type);
  return { expression: (value, values) => list.expression(value, values), encode: (values) => list.encode((values as unknown[]).map(encode)) };
}

/** Values compared with `scalar(...)`: as a column of the type takes them, except dates (milliseconds) and binary data (base64). */
const SCALAR_VALUES: Readonly<Record<ColumnType, ScalarValue>> = {
  string: { encode: asIs, list: mysqlInList("string") },
  integer: { encode: asIs, list: mysqlInList("integer") },
  float: { encode: asIs, list: mysqlInList("float") },
  boolean: { encode: (value) => (value ? 1 : 0), list: mysqlInList("boolean") },
  date: { encode: asMilliseconds, list: listOf("integer", asMilliseconds) },
  bigint: { encode: int64, list: mysqlInList("bigint") },
  // Compared with eq and ne only (never listed): its base64 text is a string's.
  binary: { encode: asBase64, list: mysqlInList("string") },
};

export const mysqlJson: JsonAccess = {
  scalar,
  scalarValue: (type) => SCALAR_VALUES[type],
  text,
  zeroed,
  array,
  length: (value) => sql`JSON_LENGTH(${value})`,
  items,
  arrayMatch,
};
