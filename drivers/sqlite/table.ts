import { blob, integer, real, sqliteTable, text, type SQLiteColumnBuilderBase } from "drizzle-orm/sqlite-core";
import type { ModelMeta } from "../../src/kit/driver.js";
import { drizzleColumns, type ColumnBuilders } from "../sql/columns.js";

/** The Drizzle column of each kind of value (see ColumnBuilders): integers, bigints, booleans and dates are all INTEGER. */
const COLUMNS: ColumnBuilders<SQLiteColumnBuilderBase> = {
  string: (name) => text(name),
  float: (name) => real(name),
  integer: (name) => integer(name),
  bigint: (name) => integer(name),
  boolean: (name) => integer(name),
  date: (name) => integer(name),
  binary: (name) => blob(name, { mode: "buffer" }),
  structured: (name) => text(name),
};

/**
 * Drizzle's key for a table's schema, which it writes before the table's name and its columns'.
 * Drizzle's SQLite tables take no schema (`sqliteTable` leaves it undefined), so it is set here;
 * test/drivers/qualified-sql.test.ts checks that statements still name it.
 */
const DRIZZLE_SCHEMA = Symbol.for("drizzle:Schema");

/** The model's Drizzle table in `schema` (SQLite's "main"), built at run time from its metadata. */
export function buildTable(model: ModelMeta, schema: string) {
  const table = sqliteTable(model.name, drizzleColumns(model, COLUMNS));
  return Object.assign(table, { [DRIZZLE_SCHEMA]: schema });
}

/**
 * Why Ommi cannot have a table of this name in SQLite, or undefined. SQLite keeps its own tables
 * under names that begin with "sqlite_" (ASCII letters in any case, as SQLite compares names):
 * it refuses to create one, and `main.sqlite_master` *is* its catalog, so a model of such a name
 * would read the catalog, and try to change it. A table named json_each hides the json_each()
 * function that `in` and `notIn` are written with (see in-list.ts), so those would fail.
 */
export function sqliteTableNameProblem(name: string): string | undefined {
  // Without the `u` flag, `i` folds ASCII letters only: no other character matches them, as in SQLite.
  if (/^sqlite_/i.test(name)) return 'SQLite reserves table names that begin with "sqlite_" for itself';
  if (/^json_each$/i.test(name)) return "a SQLite table named json_each would hide the json_each() function that Ommi's in() and notIn() use";
  return undefined;
}
