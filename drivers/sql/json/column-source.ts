import type { FieldMeta } from "../../../src/kit/driver.js";
import type { ColumnSource } from "../dialect.js";
import type { SQL } from "../drizzle.js";
import { storesNullAsJson } from "./type-facts.js";

/**
 * A structured field's column as conditions and indexes read it: one that may hold JSON null
 * (see storesNullAsJson) says so, and is read as null there, as where the column is NULL.
 */
export function columnSource(field: FieldMeta, column: SQL): ColumnSource {
  return storesNullAsJson(field) ? { column, holdsJsonNull: true } : { column };
}
