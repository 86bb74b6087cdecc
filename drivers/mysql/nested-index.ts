import type { ScalarType } from "../../src/kit/driver.js";
import type { TableName } from "../sql/dialect.js";
import { sql, type SQL } from "../sql/drizzle.js";
import { qualified } from "../sql/tables.js";
import { INDEXED_LENGTH } from "./column-type.js";
import { columnTypeOf } from "./column-values.js";
import { DECIMAL } from "./json.js";
import { mysqlDerivedName } from "./names.js";

/**
 * The generated column's type: what json.ts's `scalar` gives for a value of `type` (text in
 * `collation`; a date is its milliseconds in JSON, a BIGINT, not a date column's DATETIME).
 */
function generatedType(type: ScalarType, collation: string): string {
  if (type === "bigint") return DECIMAL;
  return type === "date" ? "BIGINT" : columnTypeOf(type, collation);
}

/**
 * The index on a value inside a structured field (`"address.city": Index`) where the server has
 * no index on an expression (MariaDB): the expression is a generated column of the table, VIRTUAL
 * (computed, not stored) and INVISIBLE (`SELECT *` leaves it out), named as the index is, and the
 * index is on it. A unique one is enforced on every write. Text of any length is indexed: a
 * unique index on LONGTEXT is a hash of the whole value (as for a `Unique` field, see
 * column-type.ts), any other covers its first INDEXED_LENGTH characters. MariaDB 10.11's planner
 * uses the index only for conditions that name the column, which Ommi's do not: it gives
 * uniqueness, not speed. `IF NOT EXISTS` for both, so that a second createModels finds them there.
 */
export function generatedColumnIndex(collation: string) {
  return (index: string, table: TableName, expression: SQL, type: ScalarType, unique: boolean): SQL => {
    const column = sql.identifier(mysqlDerivedName(index));
    const keyPart = type === "string" && !unique ? sql`${column}(${sql.raw(String(INDEXED_LENGTH))})` : column;
    return sql`ALTER TABLE ${qualified(table)} ADD COLUMN IF NOT EXISTS ${column} ${sql.raw(generatedType(type, collation))} AS (${expression}) VIRTUAL INVISIBLE, ADD ${sql.raw(unique ? "UNIQUE INDEX" : "INDEX")} IF NOT EXISTS ${column} (${keyPart})`;
  };
}
