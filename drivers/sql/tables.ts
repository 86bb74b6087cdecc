import { ModelError, type FieldMeta, type ModelMeta } from "../../src/kit/driver.js";
import type { SqlDialect, TableName } from "./dialect.js";
import { getTableColumns, sql, type Column, type SQL, type Table } from "./drizzle.js";

/** `"schema"."name"`, quoted by the dialect that renders it. */
export function qualified(table: TableName): SQL {
  return sql`${sql.identifier(table.schema)}.${sql.identifier(table.name)}`;
}

/**
 * Where a driver's tables are, and each model's Drizzle table, built once. Every table is named
 * with its schema: unqualified, a name is looked up along a search path, where a system catalog
 * (PostgreSQL's `pg_catalog` comes first) or a temporary table (SQLite's `temp`) of the same name
 * would be found instead of Ommi's table, and read, changed or deleted.
 *
 * The schema is asked for on first use, not at construction: a driver may learn it from the
 * server (PostgreSQL's `current_schema()`), which answers only after the driver is made.
 */
export class Tables {
  readonly #tables = new Map<ModelMeta, Table>();
  readonly #checked = new Set<ModelMeta>();
  #schema: string | undefined;

  constructor(
    readonly dialect: SqlDialect,
    private readonly schemaOf: () => string,
  ) {}

  /** The schema that holds the tables. */
  get schema(): string {
    return (this.#schema ??= this.schemaOf());
  }

  /** The model's table, qualified; throws a `ModelError` if the dialect cannot have a table, or a column, of its names. */
  nameOf(model: ModelMeta): TableName {
    if (!this.#checked.has(model)) {
      this.#checkNames(model);
      this.#checked.add(model);
    }
    return { schema: this.schema, name: model.name };
  }

  #checkNames(model: ModelMeta): void {
    const problem = this.dialect.nameProblem(model.name, "table");
    if (problem) throw new ModelError(`The model ${model.name} cannot be stored here: ${problem}; give the model another name`);
    for (const field of model.fields) {
      const columnProblem = this.dialect.nameProblem(field.column, "column");
      if (columnProblem) {
        throw new ModelError(`The model ${model.name} cannot be stored here: the column of its field ${field.name} (${JSON.stringify(field.column)}) ${columnProblem}; store it under another name with StoreAs("...")`);
      }
    }
  }

  /** The model's table as statements name it: `"schema"."name"`. */
  qualified(model: ModelMeta): SQL {
    return qualified(this.nameOf(model));
  }

  of(model: ModelMeta): Table {
    let table = this.#tables.get(model);
    if (!table) {
      const { schema } = this.nameOf(model);
      this.#tables.set(model, (table = this.dialect.table(model, schema)));
    }
    return table;
  }

  /** The model's table under another name, and the FROM item that introduces that name. */
  alias(model: ModelMeta, name: string): { readonly table: Table; readonly from: SQL } {
    return { table: this.dialect.alias(this.of(model), name), from: sql`${this.qualified(model)} AS ${sql.identifier(name)}` };
  }
}

/** A field's column in a table (or an alias of it). */
export function columnOf(table: Table, field: FieldMeta): Column {
  const column = (getTableColumns(table) as Record<string, Column | undefined>)[field.name];
  if (!column) throw new Error(`table has no column for ${field.model.name}.${field.name}`);
  return column;
}
