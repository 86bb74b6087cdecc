import { isStructured, QueryError, type ValueType } from "../../src/kit/driver.js";
import type { ArrayMatch } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { comparedJsonEncoder } from "../sql/json/encoder.js";
import { arrayOf } from "../sql/json/type-facts.js";

// has, hasAny and hasAll on MySQL 8, which has no JSON_COMPACT: no JSON function there gives an
// item's text as stored (they give MySQL's own JSON text, object keys reordered). Scalar items
// are compared as JSON values instead, which is exact for them: strings by their bytes, numbers
// by value (-0 equal to 0, as `eq` has it), booleans and null as themselves. Structured items
// would compare ignoring their keys' order, where `eq` compares keys in order: refused.

const ITEM = sql.identifier("item");
const STORED = sql`${sql.identifier("ommi_item")}`;
const WANTED = sql`${sql.identifier("ommi_wanted")}`;

/** A FROM item of the JSON values of `array`'s items, named `alias`. */
function itemsOf(array: SQL, alias: SQL): SQL {
  return sql`JSON_TABLE(${array}, '$[*]' COLUMNS (${ITEM} JSON PATH '$')) AS ${alias}`;
}

/** has, hasAny or hasAll on `array`, its items of type `item`, compared as JSON values (MySQL 8). */
export function jsonValueArrayMatch(operator: "has" | "hasAny" | "hasAll", array: SQL, item: ValueType): ArrayMatch {
  if (isStructured(item)) {
    throw new QueryError(`${operator}() on an array of structured items is not supported on MySQL 8, which compares JSON objects ignoring the order of their keys; use some(...) with conditions on the items' values`);
  }
  const stored = sql`${STORED}.${ITEM}`;
  const wanted = sql`${WANTED}.${ITEM}`;
  switch (operator) {
    case "has":
      return { expression: (one) => sql`EXISTS (SELECT 1 FROM ${itemsOf(array, STORED)} WHERE ${stored} = CAST(${one} AS JSON))`, encode: comparedJsonEncoder(item) };
    case "hasAny":
      return {
        expression: (list) => sql`EXISTS (SELECT 1 FROM ${itemsOf(array, STORED)}, ${itemsOf(list, WANTED)} WHERE ${stored} = ${wanted})`,
        encode: comparedJsonEncoder(arrayOf(item)),
      };
    case "hasAll":
      return {
        expression: (list) =>
          sql`(${array} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${itemsOf(list, WANTED)} WHERE NOT EXISTS (SELECT 1 FROM ${itemsOf(array, STORED)} WHERE ${stored} = ${wanted})))`,
        encode: comparedJsonEncoder(arrayOf(item)),
      };
  }
}
