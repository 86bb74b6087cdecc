import { bigint, boolean, customType, datetime, double, longtext, MySqlSchema, type MySqlColumnBuilderBase } from "drizzle-orm/mysql-core";
import type { FieldMeta, ModelMeta } from "../../src/kit/driver.js";

const longblob = customType<{ data: Buffer }>({ dataType: () => "longblob" });

/** The Drizzle column for a field. Values are encoded by the dialect, so only names and kinds matter here. */
function column(field: FieldMeta): MySqlColumnBuilderBase {
  switch (field.type) {
    case "string":
      return longtext(field.column);
    case "float":
      return double(field.column);
    case "integer":
      return bigint(field.column, { mode: "number" });
    case "bigint":
      return bigint(field.column, { mode: "bigint" });
    case "boolean":
      return boolean(field.column);
    case "date":
      return datetime(field.column, { fsp: 3 });
    case "binary":
      return longblob(field.column);
    case "object":
    case "array":
    case "record":
    case "json":
    case "union":
      return longtext(field.column);
  }
}

/**
 * The model's Drizzle table in `schema` (a MySQL database), built at run time from its metadata:
 * Drizzle writes every reference to it with the database's name, so no statement depends on the
 * connection's current database.
 */
export function buildTable(model: ModelMeta, schema: string) {
  return new MySqlSchema(schema).table(model.name, Object.fromEntries(model.fields.map((field) => [field.name, column(field)])));
}

/**
 * MySQL and MariaDB keep names in utf8mb3: characters past U+FFFF (emoji, rarer CJK) cannot be
 * in a table's or a column's name, and a name cannot end with a space. Both are refused when
 * the model is first used, before the server would refuse or change the name.
 */
export function mysqlNameProblem(name: string): string | undefined {
  if (/[\u{10000}-\u{10FFFF}]/u.test(name)) return "holds a character beyond U+FFFF, which MySQL cannot keep in a name";
  if (name.endsWith(" ")) return "ends with a space, which MySQL cannot keep in a name";
  return undefined;
}
