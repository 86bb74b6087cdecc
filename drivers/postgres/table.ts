import { bigint, boolean, customType, doublePrecision, json, PgSchema, text, timestamp, type PgColumnBuilderBase } from "drizzle-orm/pg-core";
import type { ModelMeta } from "../../src/kit/driver.js";
import { drizzleColumns, type ColumnBuilders } from "../sql/columns.js";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** The Drizzle column of each kind of value (see ColumnBuilders). */
const COLUMNS: ColumnBuilders<PgColumnBuilderBase> = {
  string: (name) => text(name),
  float: (name) => doublePrecision(name),
  integer: (name) => bigint(name, { mode: "number" }),
  bigint: (name) => bigint(name, { mode: "bigint" }),
  boolean: (name) => boolean(name),
  date: (name) => timestamp(name, { withTimezone: true, precision: 3 }),
  binary: (name) => bytea(name),
  structured: (name) => json(name),
};

/**
 * The model's Drizzle table in `schema`, built at run time from its metadata: Drizzle writes every
 * reference to it, and to its columns, with the schema. (`new PgSchema`, not `pgSchema()`, which
 * refuses "public": it expects a table there to be left unqualified, and found by search_path.)
 */
export function buildTable(model: ModelMeta, schema: string) {
  return new PgSchema(schema).table(model.name, drizzleColumns(model, COLUMNS));
}
