import { integer, real, sqliteTable, text, type SQLiteColumnBuilderBase } from "drizzle-orm/sqlite-core";
import type { FieldMeta } from "../../src/model/field.js";
import type { ModelMeta } from "../../src/model/meta.js";

/** The Drizzle column for a field. Values are encoded by the dialect, so only names and kinds matter here. */
function column(field: FieldMeta): SQLiteColumnBuilderBase {
  switch (field.type) {
    case "string":
      return text(field.column);
    case "float":
      return real(field.column);
    case "integer":
    case "bigint":
    case "boolean":
    case "date":
      return integer(field.column);
  }
}

/** The model's Drizzle table, built at run time from its metadata. */
export function buildTable(model: ModelMeta) {
  return sqliteTable(model.name, Object.fromEntries(model.fields.map((field) => [field.name, column(field)])));
}
