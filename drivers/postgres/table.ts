import { bigint, boolean, doublePrecision, pgTable, text, timestamp, type PgColumnBuilderBase } from "drizzle-orm/pg-core";
import type { FieldMeta } from "../../src/model/field.js";
import type { ModelMeta } from "../../src/model/meta.js";

/** The Drizzle column for a field. Values are encoded by the dialect, so only names and kinds matter here. */
function column(field: FieldMeta): PgColumnBuilderBase {
  switch (field.type) {
    case "string":
      return text(field.column);
    case "float":
      return doublePrecision(field.column);
    case "integer":
      return bigint(field.column, { mode: "number" });
    case "bigint":
      return bigint(field.column, { mode: "bigint" });
    case "boolean":
      return boolean(field.column);
    case "date":
      return timestamp(field.column, { withTimezone: true, precision: 3 });
  }
}

/** The model's Drizzle table, built at run time from its metadata (in the connection's search_path schema). */
export function buildTable(model: ModelMeta) {
  return pgTable(model.name, Object.fromEntries(model.fields.map((field) => [field.name, column(field)])));
}
