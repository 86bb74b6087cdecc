import { getTableColumns, sql, type Column, type SQL, type Table } from "drizzle-orm";
import type { FieldMeta } from "../../src/model/field.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { SqlDialect } from "./dialect.js";

/** Each model's Drizzle table, built once per driver and dialect. */
export class Tables {
  readonly #tables = new Map<ModelMeta, Table>();

  constructor(private readonly dialect: SqlDialect) {}

  of(model: ModelMeta): Table {
    let table = this.#tables.get(model);
    if (!table) this.#tables.set(model, (table = this.dialect.table(model)));
    return table;
  }

  /** The model's table under another name, and the FROM item that introduces that name. */
  alias(model: ModelMeta, name: string): { readonly table: Table; readonly from: SQL } {
    return { table: this.dialect.alias(this.of(model), name), from: sql`${sql.identifier(model.name)} AS ${sql.identifier(name)}` };
  }
}

/** A field's column in a table (or an alias of it). */
export function columnOf(table: Table, field: FieldMeta): Column {
  const column = (getTableColumns(table) as Record<string, Column | undefined>)[field.name];
  if (!column) throw new Error(`table has no column for ${field.model.name}.${field.name}`);
  return column;
}
