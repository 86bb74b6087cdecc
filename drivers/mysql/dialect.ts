import { sql, type SQL } from "drizzle-orm";
import { alias, MySqlDialect, type MySqlTable } from "drizzle-orm/mysql-core";
import { isStructured, type FieldMeta } from "../../src/kit/driver.js";
import { asBuffer } from "../sql/bytes.js";
import { unchanged, valueCodecs, type ColumnType, type Encode, type SqlDialect } from "../sql/dialect.js";
import { jsonDecoder } from "../sql/json/decoder.js";
import { jsonEncoder } from "../sql/json/encoder.js";
import { qualified } from "../sql/tables.js";
import { BINARY_TEXT, COLUMN_TYPES, int64 } from "./column-values.js";
import { mysqlInList } from "./in-list.js";
import { mysqlJson } from "./json.js";
import { buildTable, mysqlNameProblem } from "./table.js";
import { mysqlTextMatch } from "./text-match.js";
import { formatDateTime, parseDateTime } from "./timestamp.js";

const drizzleDialect = new MySqlDialect();

/** A name as MySQL reads an identifier: in backticks, so case and symbols are kept. */
export function quoteIdentifier(name: string): string {
  return drizzleDialect.escapeName(name);
}


/**
 * The longest text (in characters) and binary value (in bytes) of a key, or of a field with an
 * `Index` or a reference: MySQL indexes no whole TEXT or BLOB but for uniqueness (see isIndexed),
 * and InnoDB keys are at most 3,072 bytes (255 four-byte characters leave room for composite
 * keys). A longer value is refused by the server (strict mode), never cut.
 */
export const INDEXED_LENGTH = 255;


/**
 * Fields whose whole text or bytes an index covers: a key, `Index`, or a reference (a foreign
 * key's column is indexed). A `Unique` field alone keeps LONGTEXT (LONGBLOB): MariaDB enforces a
 * unique index on it through a hash of the whole value, so values of any length stay unique.
 */
function isIndexed(field: FieldMeta): boolean {
  return field.key || field.indexed || field.reference !== undefined;
}

function columnType(field: FieldMeta): SQL {
  if (isStructured(field)) return sql.raw(`LONGTEXT ${BINARY_TEXT}`);
  if (field.type === "string" && isIndexed(field)) return sql.raw(`VARCHAR(${INDEXED_LENGTH}) ${BINARY_TEXT}`);
  if (field.type === "binary" && isIndexed(field)) return sql.raw(`VARBINARY(${INDEXED_LENGTH})`);
  return sql.raw(COLUMN_TYPES[field.type as ColumnType]);
}


/**
 * MySQL and MariaDB through mysql2, which returns BIGINT columns as strings (bigNumberStrings, so
 * none loses digits) and DATETIME as text (dateStrings): integers are decoded to numbers, bigints
 * to bigints, dates from UTC text. BOOLEAN is TINYINT(1), read as 0 or 1 and decoded to a boolean.
 * Structured values are Ommi's JSON text in a LONGTEXT column, kept exactly as written (MySQL's
 * JSON type would reorder keys).
 */
export const mysqlDialect: SqlDialect = {
  table: buildTable,
  nameProblem: mysqlNameProblem,
  // An index is always made in its table's database; its own name takes none.
  indexOn: (index, table) => sql`${sql.identifier(index)} ON ${qualified(table)}`,
  referenceTo: qualified,
  constraintCount: ({ schema, name: table }, name) =>
    sql`SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ${schema} AND TABLE_NAME = ${table} AND CONSTRAINT_NAME = ${name} AND CONSTRAINT_TYPE = 'FOREIGN KEY'`,
  alias: (table, name) => alias(table as MySqlTable, name),
  toQuery: (statement) => drizzleDialect.sqlToQuery(statement),
  encode: valueCodecs<Encode>(
    {
      string: unchanged,
      integer: unchanged,
      float: unchanged,
      boolean: (value) => (value ? 1 : 0),
      date: formatDateTime,
      bigint: int64,
      binary: asBuffer,
    },
    jsonEncoder,
  ),
  decode: valueCodecs<Encode | undefined>(
    {
      string: undefined,
      integer: Number,
      float: undefined,
      boolean: (value) => value !== 0 && value !== "0",
      date: parseDateTime,
      bigint: (value) => BigInt(value as string),
      binary: undefined,
    },
    jsonDecoder,
  ),
  // MySQL has no index that serves has or hasAll on JSON text.
  structuredIndex: () => undefined,
  textMatch: mysqlTextMatch,
  inList: mysqlInList,
  json: mysqlJson,
  // MySQL has no LIMIT ALL: the largest unsigned 64-bit number stands for it (MySQL's documented way).
  noLimit: sql.raw("18446744073709551615"),
  columnType,
  generatedKey: sql`AUTO_INCREMENT`,
  // MySQL has no NULLS FIRST, and sorts nulls first ascending and last descending by itself.
  sortsNullsFirst: true,
  // MySQL refuses a subquery on the table an UPDATE or DELETE changes, and LIMIT inside IN (...).
  materializesPickedRows: true,
};
