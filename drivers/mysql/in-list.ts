import type { ScalarType } from "../../src/kit/driver.js";
import type { Encode, ListMatch } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { NUMERIC_JSON_LISTS } from "../sql/numeric-values.js";
import { columnTypeOf, int64 } from "./column-values.js";
import { formatDateTime } from "./timestamp.js";

/** Each field type's list as the JSON array JSON_TABLE reads: values as the column stores them. */
const JSON_LISTS: Readonly<Record<ScalarType, Encode>> = {
  ...NUMERIC_JSON_LISTS,
  date: (values) => JSON.stringify((values as Date[]).map(formatDateTime)),
  bigint: (values) => `[${(values as (bigint | number)[]).map((value) => String(int64(value))).join(",")}]`,
};

const LIST = sql.identifier("ommi_list");
const VALUE = sql.identifier("value");

/**
 * `column IN (SELECT value FROM JSON_TABLE(?, '$[*]' COLUMNS (value <type> PATH '$')))`: the list
 * is one JSON text, whatever its length, so any list has one statement shape and never meets the
 * bound-parameter limit (65,535). JSON_TABLE is in MariaDB 10.6 and MySQL 8.0.
 */
export function mysqlInList(type: ScalarType, collation: string): ListMatch {
  // The type of Ommi's columns of that field type (text in the server's `collation`), so that values compare as `eq` compares them.
  return jsonTableList(columnTypeOf(type, collation), JSON_LISTS[type]);
}

/** A list whose values JSON_TABLE reads as `valueType`, from the JSON text `encode` writes. */
export function jsonTableList(valueType: string, encode: Encode): ListMatch {
  const type = sql.raw(valueType);
  return {
    expression: (column: SQL, list: SQL) => sql`${column} IN (SELECT ${LIST}.${VALUE} FROM JSON_TABLE(${list}, '$[*]' COLUMNS (${VALUE} ${type} PATH '$')) AS ${LIST})`,
    encode,
  };
}
