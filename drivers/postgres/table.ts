import { bigint, boolean, customType, doublePrecision, json, PgSchema, text, timestamp, type PgColumnBuilderBase } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
import type { FieldMeta, ModelMeta } from "../../src/kit/driver.js";

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
    case "binary":
      return bytea(field.column);
    case "object":
    case "array":
    case "record":
    case "json":
    case "union":
      return json(field.column);
  }
}

/**
 * The model's Drizzle table in `schema`, built at run time from its metadata: Drizzle writes every
 * reference to it, and to its columns, with the schema. (`new PgSchema`, not `pgSchema()`, which
 * refuses "public": it expects a table there to be left unqualified, and found by search_path.)
 */
export function buildTable(model: ModelMeta, schema: string) {
  return new PgSchema(schema).table(model.name, Object.fromEntries(model.fields.map((field) => [field.name, column(field)])));
}
