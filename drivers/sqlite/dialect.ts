import { sql, type SQL } from "drizzle-orm";
import { alias, SQLiteSyncDialect, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { FieldMeta, FieldType } from "../../src/kit/driver.js";
import { unchanged, type SqlDialect } from "../sql/dialect.js";
import { qualified } from "../sql/tables.js";
import { sqliteInList } from "./in-list.js";
import { buildTable, sqliteTableNameProblem } from "./table.js";
import { sqliteTextMatch } from "./text-match.js";

const drizzleDialect = new SQLiteSyncDialect();

const COLUMN_TYPES: Record<FieldType, string> = {
  string: "TEXT",
  integer: "INTEGER",
  // No declared type (BLOB affinity): a REAL column stores whole-number floats as integers on
  // disk, which turns -0 into 0. Values are bound as floats, so they stay floats here.
  float: "",
  boolean: "INTEGER",
  date: "INTEGER",
  bigint: "INTEGER",
};

/**
 * SQLite: booleans are stored as 0/1 and dates as milliseconds since the epoch (exact to the
 * millisecond, and they sort as numbers). Strings compare bytewise (BINARY collation), which
 * for UTF-8 is code point order. Text matching: see text-match.ts.
 */
export const sqliteDialect: SqlDialect = {
  table: buildTable,
  tableNameProblem: sqliteTableNameProblem,
  // SQLite writes the schema on the index's name; the table must then be in that schema.
  indexOn: (index, table) => sql`${qualified({ schema: table.schema, name: index })} ON ${sql.identifier(table.name)}`,
  // SQLite takes no schema here: a foreign key's parent is always looked up in its child's schema.
  referenceTo: (table) => sql`${sql.identifier(table.name)}`,
  alias: (table, name) => alias(table as SQLiteTable, name),
  toQuery: (statement) => drizzleDialect.sqlToQuery(statement),
  encode: {
    string: unchanged,
    integer: unchanged,
    float: unchanged,
    boolean: (value) => (value ? 1 : 0),
    date: (value) => (value as Date).getTime(),
    bigint: (value) => (typeof value === "bigint" ? value : BigInt(value as number)),
  },
  decode: {
    string: undefined,
    // Numbers come back as numbers; models with a bigint field switch to `safeIntegers` (see runner.ts).
    integer: undefined,
    float: undefined,
    boolean: (value) => value !== 0 && value !== 0n,
    date: (value) => new Date(Number(value)),
    bigint: (value) => BigInt(value as number | bigint),
  },
  textMatch: sqliteTextMatch,
  inList: sqliteInList,
  noLimit: sql`-1`,
  columnType: (field: FieldMeta): SQL => sql.raw(COLUMN_TYPES[field.type]),
  // An INTEGER PRIMARY KEY is SQLite's rowid: left out (NULL) on insert, it is generated.
  generatedKey: sql``,
};
