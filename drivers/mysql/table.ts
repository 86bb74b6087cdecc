import { bigint, boolean, customType, datetime, double, longtext, MySqlSchema, type MySqlColumnBuilderBase } from "drizzle-orm/mysql-core";
import type { ModelMeta } from "../../src/kit/driver.js";
import { drizzleColumns, type ColumnBuilders } from "../sql/columns.js";

const longblob = customType<{ data: Buffer }>({ dataType: () => "longblob" });

/** The Drizzle column of each kind of value (see ColumnBuilders); dates are DATETIME(3) in UTC (see timestamp.ts). */
const COLUMNS: ColumnBuilders<MySqlColumnBuilderBase> = {
  string: (name) => longtext(name),
  float: (name) => double(name),
  integer: (name) => bigint(name, { mode: "number" }),
  bigint: (name) => bigint(name, { mode: "bigint" }),
  boolean: (name) => boolean(name),
  date: (name) => datetime(name, { fsp: 3 }),
  binary: (name) => longblob(name),
  structured: (name) => longtext(name),
};

/**
 * The model's Drizzle table in `schema` (a MySQL database), built at run time from its metadata:
 * Drizzle writes every reference to it with the database's name, so no statement depends on the
 * connection's current database.
 */
export function buildTable(model: ModelMeta, schema: string) {
  return new MySqlSchema(schema).table(model.name, drizzleColumns(model, COLUMNS));
}
