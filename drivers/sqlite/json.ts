import { isScalar, QueryError, quote, type ValueType } from "../../src/kit/driver.js";
import { asBase64 } from "../sql/bytes.js";
import type { ArrayMatch, ColumnType, Encode, JsonAccess, JsonSource, ScalarValue } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { comparedJsonEncoder } from "../sql/json/encoder.js";
import { arrayOf, holdsNumbers } from "../sql/json/type-facts.js";
import { NUMERIC_ENCODERS } from "../sql/numeric-values.js";
import { sqliteInList } from "./in-list.js";

/** A SQL string literal: `'` doubled, nothing else is special in SQLite. */
function literal(text: string): SQL {
  return sql.raw(`'${text.replaceAll("'", "''")}'`);
}

/**
 * A JSON path to `keys`: `$."address"."city"`. Each key is written as a JSON string, which
 * SQLite reads with JSON's escapes, so that any key (quotes, dots, brackets, `$`) names itself.
 */
function jsonPath(keys: readonly string[]): SQL {
  return literal(`$${keys.map((key) => `.${JSON.stringify(key)}`).join("")}`);
}

function itemColumn(alias: string, column: string): SQL {
  return sql`${sql.identifier(alias)}.${sql.identifier(column)}`;
}

/**
 * The scalar at `path` as json_extract gives it: SQL NULL for a JSON null or a missing key, so
 * comparisons with it are false; JSON true and false as 1 and 0, as SQLite stores booleans;
 * numbers as INTEGER or REAL (a date's milliseconds, as a date column holds them); text as TEXT
 * (a bigint's digits, read as an INTEGER here; binary data's base64).
 */
function scalar(source: JsonSource, keys: readonly string[], type: ColumnType): SQL {
  let value: SQL;
  if ("column" in source) value = sql`json_extract(${source.column}, ${jsonPath(keys)})`;
  else if (keys.length === 0) value = itemColumn(source.alias, "value");
  else value = sql`json_extract(${itemColumn(source.alias, "value")}, ${jsonPath(keys)})`;
  return type === "bigint" ? sql`CAST(${value} AS INTEGER)` : value;
}

/**
 * JSON text as stored. `->` gives the stored text of a value unchanged (numbers, escapes and
 * key order as written; Ommi writes them one way only), and 'null' for a JSON null, made NULL here.
 */
function text(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source) {
    if (keys.length > 0) return sql`nullif(${source.column} -> ${jsonPath(keys)}, 'null')`;
    return source.holdsJsonNull ? sql`nullif(${source.column}, 'null')` : source.column;
  }
  const value = itemColumn(source.alias, "value");
  if (keys.length > 0) return sql`nullif(${value} -> ${jsonPath(keys)}, 'null')`;
  // An item of json_each is its JSON text when it is an object or an array; other items are
  // SQL values (a JSON value may be any of them): the item's text is then read from the array.
  if (source.type.type !== "json") return value;
  return sql`nullif(${itemColumn(source.alias, "json")} -> ${itemColumn(source.alias, "fullkey")}, 'null')`;
}

/** json_array_length and json_each take a JSON null (or any non-array) as an array of 0 or 1 items: anything but an array is NULL here. */
function array(source: JsonSource, keys: readonly string[]): SQL {
  if ("column" in source) {
    // A column that may hold JSON null (json_each and json_array_length take it as an array of 0 or 1 items).
    if (keys.length === 0) return source.holdsJsonNull ? sql`CASE json_type(${source.column}) WHEN 'array' THEN ${source.column} END` : source.column;
    const path = jsonPath(keys);
    return sql`CASE json_type(${source.column}, ${path}) WHEN 'array' THEN json_extract(${source.column}, ${path}) END`;
  }
  const value = itemColumn(source.alias, "value");
  if (keys.length === 0) return sql`CASE ${itemColumn(source.alias, "type")} WHEN 'array' THEN ${value} END`;
  const path = jsonPath(keys);
  return sql`CASE json_type(${value}, ${path}) WHEN 'array' THEN json_extract(${value}, ${path}) END`;
}

const asDigits: Encode = (value) => String(value);
/**
 * A bigint compared with one inside a structured value, which SQLite reads as a 64-bit integer
 * (CAST of its digits): a value past 64 bits is refused, as `in` refuses it (in-list.ts).
 */
const asInteger: Encode = (value) => {
  const integer = typeof value === "bigint" ? value : BigInt(value as number);
  if (BigInt.asIntN(64, integer) !== integer) throw new QueryError(`SQLite compares a bigint inside a structured value as a 64-bit integer, so ${quote(value)} cannot be compared with it`);
  return integer;
};

/** A value compared with `scalar(...)`, as json_extract gives the stored one (a bigint's: CAST to INTEGER). */
const SCALAR_ENCODERS: Readonly<Record<ColumnType, Encode>> = {
  ...NUMERIC_ENCODERS,
  bigint: asInteger,
  binary: asBase64,
};

/** An item compared with json_each's value, as json_each gives the stored one: a bigint's digits are TEXT there. */
const ITEM_ENCODERS: Readonly<Record<ColumnType, Encode>> = { ...SCALAR_ENCODERS, bigint: asDigits };

function scalarValue(type: ColumnType): ScalarValue {
  // Binary data is compared with eq and ne only (never listed): its base64 text is a string's.
  return { encode: SCALAR_ENCODERS[type], list: sqliteInList(type === "binary" ? "string" : type) };
}

/** Stored JSON text with -0 written 0 (sql/json/negative-zero.ts, zeroedJsonText, registered in functions.ts). */
function zeroed(value: SQL): SQL {
  return sql`ommi_json_zero(${value})`;
}

/**
 * An item of json_each as it compares with the items of a list: scalars as SQL values (json_each
 * gives a JSON string's text, a number, 1 or 0 for true and false: a list of the same JSON gives
 * the same), structured items as their JSON text (see `text`), -0 written 0 in a stored one.
 */
function itemValue(alias: string, item: ValueType, stored: boolean): SQL {
  if (isScalar(item) || item.type === "binary") return itemColumn(alias, "value");
  const value = text({ alias, type: item }, []);
  return stored && holdsNumbers(item) ? zeroed(value) : value;
}

/**
 * has: an EXISTS over the array's items. hasAny: some item is in the list's items; hasAll: no
 * item of the list is missing from the array (which is there). Lists are one JSON array, whatever
 * their length, written as the array's own items are (so a bigint's digits meet digits).
 * SQLite has no index for these: each reads the array of every row it tests.
 */
function arrayMatch(operator: "has" | "hasAny" | "hasAll", array: SQL, item: ValueType): ArrayMatch {
  const items = sql`json_each(${array}) AS ${sql.identifier("item")}`;
  const own = itemValue("item", item, true);
  // A list is written by Ommi for the query: -0 is written 0 in it already.
  const listed = itemValue("wanted", item, false);
  const list = comparedJsonEncoder(arrayOf(item));
  switch (operator) {
    case "has":
      return {
        expression: (value) => sql`EXISTS (SELECT 1 FROM ${items} WHERE ${own} = ${value})`,
        encode: isScalar(item) || item.type === "binary" ? ITEM_ENCODERS[item.type as ColumnType] : comparedJsonEncoder(item),
      };
    case "hasAny":
      return {
        expression: (value) => sql`EXISTS (SELECT 1 FROM ${items} WHERE ${own} IN (SELECT ${listed} FROM json_each(${value}) AS ${sql.identifier("wanted")}))`,
        encode: list,
      };
    case "hasAll":
      return {
        expression: (value) =>
          sql`(${array} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(${value}) AS ${sql.identifier("wanted")} WHERE NOT EXISTS (SELECT 1 FROM ${items} WHERE ${own} = ${listed})))`,
        encode: list,
      };
  }
}

/** SQLite's JSON functions on text JSON (see sql/json/encoder.ts for how values are written). */
export const sqliteJson: JsonAccess = {
  scalar,
  scalarValue,
  text,
  zeroed,
  array,
  length: (value) => sql`json_array_length(${value})`,
  items: (value, alias) => sql`json_each(${value}) AS ${sql.identifier(alias)}`,
  arrayMatch,
};
