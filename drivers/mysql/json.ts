import { QueryError, quote, type ValueType } from "../../src/kit/driver.js";
import type { ArrayMatch, ColumnType, Encode, JsonAccess, JsonSource, ScalarValue } from "../sql/dialect.js";
import { asBase64 } from "../sql/bytes.js";
import { comparedJsonEncoder } from "../sql/json/encoder.js";
import { arrayOf, holdsNumbers } from "../sql/json/type-facts.js";
import { NUMERIC_ENCODERS, NUMERIC_JSON_LISTS } from "../sql/numeric-values.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { jsonTableList, mysqlInList } from "./in-list.js";
import { jsonValueArrayMatch } from "./json-items.js";
import type { ServerFacts } from "./server.js";

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
 * Bigints inside structured values are JSON strings of digits, of any length: they are compared
 * as DECIMALs of 65 digits (MySQL's largest), exactly. A value compared with them past 65 digits
 * is refused; a stored one past 65 digits reads as the largest DECIMAL of its sign.
 */
export const DECIMAL = "DECIMAL(65,0)";
const DECIMAL_LIMIT = 10n ** 65n;

/** A bigint compared with one inside a structured value: sent as its digits (see parameters.ts). */
const decimal: Encode = (value) => {
  const whole = BigInt(value as bigint | number);
  if (whole <= -DECIMAL_LIMIT || whole >= DECIMAL_LIMIT) throw new QueryError(`MySQL compares a bigint inside a structured value as a DECIMAL of 65 digits, so ${quote(whole)} cannot be compared with it`);
  return whole;
};

/**
 * The scalar at `keys`, typed as the column of its type would be: text in Ommi's binary
 * collation, integers and dates (their milliseconds, as Ommi's JSON holds them) as 64-bit
 * integers, bigints as DECIMALs (see DECIMAL), floats as DOUBLE, booleans as 1 or 0.
 */
function scalar(facts: ServerFacts, source: JsonSource, keys: readonly string[], type: ColumnType): SQL {
  const value = scalarText(facts, valueOf(source), jsonPath(keys));
  switch (type) {
    case "string":
    case "binary":
      return sql`CONVERT(${value} USING utf8mb4) COLLATE ${sql.raw(facts.collation)}`;
    case "integer":
    case "date":
      return sql`CAST(${value} AS SIGNED)`;
    case "bigint":
      return sql`CAST(${value} AS ${sql.raw(DECIMAL)})`;
    case "float":
      return sql`CAST(${value} AS DOUBLE)`;
    case "boolean":
      return sql`(CASE ${value} WHEN 'true' THEN 1 WHEN '1' THEN 1 WHEN 'false' THEN 0 WHEN '0' THEN 0 END)`;
  }
}

/**
 * The scalar at `path` as text: SQL NULL for a JSON null, a missing key, or an object or array
 * there or on the way. MariaDB's JSON_VALUE is that. MySQL's gives at most 512 characters (NULL
 * past them) unless RETURNING CHAR, and an object's or array's JSON text where the path ends at
 * one: those are made NULL first.
 */
function scalarText(facts: ServerFacts, document: SQL, path: SQL): SQL {
  if (!facts.jsonValueReturning) return sql`JSON_VALUE(${document}, ${path})`;
  return sql`(CASE WHEN JSON_TYPE(JSON_EXTRACT(${document}, ${path})) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL ELSE JSON_VALUE(${document}, ${path} RETURNING CHAR) END)`;
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
function itemText(facts: ServerFacts, alias: string, item: ValueType): SQL {
  const compact = sql`JSON_COMPACT(${sql.identifier(alias)}.${ITEM})`;
  return holdsNumbers(item) ? zeroed(facts, compact) : compact;
}

/**
 * has, hasAny, hasAll: an item equals a value as `eq` compares them, here by JSON text (Ommi
 * writes the stored items and the values alike: numbers, escapes and key order one way; -0 written
 * 0 on both sides). The list of values is one bound JSON array, whatever its length.
 */
function arrayMatch(facts: ServerFacts, operator: "has" | "hasAny" | "hasAll", value: SQL, item: ValueType): ArrayMatch {
  const own = itemText(facts, "ommi_item", item);
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

// The pattern ("(?:[^"\\]|\\.)*")|-(0)(?=[,\]}]|$), as a SQL literal: PCRE2 (MariaDB) and ICU (MySQL) read it alike.
const ZERO_PATTERN = literal(String.raw`("(?:[^"\\]|\\.)*")|-(0)(?=[,\]}]|$)`);

/** The replacement, groups 1 then 2: `\1\2` for MariaDB's PCRE2, `$1$2` for MySQL's ICU (where `\1` is a literal 1). */
const ZERO_REPLACEMENTS = { "\\": literal(String.raw`\1\2`), $: literal("$1$2") } as const;

/**
 * Stored JSON text with every number -0 written 0: strings are matched whole (and kept), so a
 * `-0` inside one is left as it is (sql/json/negative-zero.ts, zeroedJsonText, does the same in
 * JavaScript).
 */
function zeroed(facts: ServerFacts, value: SQL): SQL {
  return sql`REGEXP_REPLACE(${value}, ${ZERO_PATTERN}, ${ZERO_REPLACEMENTS[facts.groupReference]})`;
}

/**
 * Values compared with `scalar(...)`: as a column of the type takes them (text in `collation`),
 * except dates, which are milliseconds in JSON (a date column's DATETIME text holds fewer years),
 * and binary data (base64).
 */
function scalarValues(collation: string): Readonly<Record<ColumnType, ScalarValue>> {
  const asColumn = (type: keyof typeof NUMERIC_ENCODERS): ScalarValue => ({ encode: NUMERIC_ENCODERS[type], list: mysqlInList(type, collation) });
  return {
    string: asColumn("string"),
    integer: asColumn("integer"),
    float: asColumn("float"),
    boolean: asColumn("boolean"),
    date: { encode: NUMERIC_ENCODERS.date, list: jsonTableList("BIGINT", NUMERIC_JSON_LISTS.date) },
    bigint: { encode: decimal, list: jsonTableList(DECIMAL, (values) => `[${(values as (bigint | number)[]).map((value) => String(decimal(value))).join(",")}]`) },
    // Compared with eq and ne only (never listed): its base64 text is a string's.
    binary: { encode: asBase64, list: mysqlInList("string", collation) },
  };
}

/** Reaching inside structured values on the driver's server (`server()` is asked as each statement is built). */
export function mysqlJson(server: () => ServerFacts): JsonAccess {
  // A driver's server never changes once known: its values are made once.
  let values: Readonly<Record<ColumnType, ScalarValue>> | undefined;
  return {
    scalar: (source, keys, type) => scalar(server(), source, keys, type),
    scalarValue: (type) => (values ??= scalarValues(server().collation))[type],
    text,
    zeroed: (value) => zeroed(server(), value),
    array,
    length: (value) => sql`JSON_LENGTH(${value})`,
    items,
    arrayMatch: (operator, value, item) => (server().jsonCompact ? arrayMatch(server(), operator, value, item) : jsonValueArrayMatch(operator, value, item)),
  };
}
