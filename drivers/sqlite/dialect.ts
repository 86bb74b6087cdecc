import { sql, type SQL } from "drizzle-orm";
import { alias, SQLiteSyncDialect, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { isStructured, type FieldMeta } from "../../src/kit/driver.js";
import { asBuffer } from "../sql/bytes.js";
import { valueCodecs, type ColumnType, type Encode, type SqlDialect } from "../sql/dialect.js";
import { jsonDecoder } from "../sql/json/decoder.js";
import { jsonEncoder } from "../sql/json/encoder.js";
import { fromMilliseconds, NUMERIC_ENCODERS } from "../sql/numeric-values.js";
import { qualified } from "../sql/tables.js";
import { sqliteInList } from "./in-list.js";
import { sqliteJson } from "./json.js";
import { buildTable, sqliteTableNameProblem } from "./table.js";
import { sqliteTextMatch } from "./text-match.js";
import { sqliteIncrement } from "./increment.js";

const drizzleDialect = new SQLiteSyncDialect();

const COLUMN_TYPES: Record<ColumnType, string> = {
  string: "TEXT",
  integer: "INTEGER",
  // No declared type (BLOB affinity): a REAL column stores whole-number floats as integers on
  // disk, which turns -0 into 0. Values are bound as floats, so they stay floats here.
  float: "",
  boolean: "INTEGER",
  date: "INTEGER",
  bigint: "INTEGER",
  binary: "BLOB",
};

/** Every column type's decoder; better-sqlite3 gives strings, numbers and BLOBs (as Buffers) as they are. */
export const SQLITE_DECODERS = {
  string: undefined,
  // Numbers come back as numbers; models with a bigint field switch to `safeIntegers` (see runner.ts).
  integer: undefined,
  float: undefined,
  boolean: (value: unknown) => value !== 0 && value !== 0n,
  date: fromMilliseconds,
  bigint: (value: unknown) => BigInt(value as number | bigint),
  binary: undefined,
} as const satisfies Readonly<Record<ColumnType, Encode | undefined>>;

/**
 * SQLite: booleans are stored as 0/1 and dates as milliseconds since the epoch (exact to the
 * millisecond, and they sort as numbers). Strings compare bytewise (BINARY collation), which
 * for UTF-8 is code point order. Text matching: see text-match.ts. Binary data is a BLOB;
 * structured values are JSON text in a TEXT column (text, not SQLite's JSONB: measured on
 * 10,000 rows, text inserts and reads faster, and any tool reads it), see json.ts.
 */
export const sqliteDialect: SqlDialect = {
  table: buildTable,
  nameProblem: (name, of) => (of === "table" ? sqliteTableNameProblem(name) : undefined),
  // SQLite writes the schema on the index's name; the table must then be in that schema.
  indexOn: (index, table) => sql`${qualified({ schema: table.schema, name: index })} ON ${sql.identifier(table.name)}`,
  // SQLite takes no schema here: a foreign key's parent is always looked up in its child's schema.
  referenceTo: (table) => sql`${sql.identifier(table.name)}`,
  // No constraintCount: a foreign key may name a table created later (rows are checked as they
  // are written), and SQLite cannot add one to an existing table.
  // Ends by itself at the outermost COMMIT or ROLLBACK; turned off earlier, SQLite would forget the checks waiting.
  deferForeignKeys: sql`PRAGMA defer_foreign_keys = ON`,
  alias: (table, name) => alias(table as SQLiteTable, name),
  toQuery: (statement) => drizzleDialect.sqlToQuery(statement),
  encode: valueCodecs<Encode>(
    {
      ...NUMERIC_ENCODERS,
      bigint: (value) => (typeof value === "bigint" ? value : BigInt(value as number)),
      binary: asBuffer,
    },
    jsonEncoder,
  ),
  decode: valueCodecs<Encode | undefined>(SQLITE_DECODERS, jsonDecoder),
  increment: sqliteIncrement,
  // SQLite has no index that serves has or hasAll on JSON text.
  structuredIndex: () => undefined,
  textMatch: sqliteTextMatch,
  inList: sqliteInList,
  json: sqliteJson,
  noLimit: sql`-1`,
  columnType: (field: FieldMeta): SQL => sql.raw(isStructured(field) ? "TEXT" : COLUMN_TYPES[field.type as ColumnType]),
  // An INTEGER PRIMARY KEY is SQLite's rowid: left out (NULL) on insert, it is generated.
  generatedKey: sql``,
};
