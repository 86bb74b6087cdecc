import type { SQL } from "drizzle-orm";
import type { FieldMeta, ModelMeta, PreparedPatch, PreparedQuery, StoredRow } from "ommi/driver";
// The only test file that reaches into the SQL drivers: when they are restructured, only these
// imports change, and the snapshots that read through this helper show whether the SQL did.
import { postgresDialect } from "../../drivers/postgres/dialect.js";
import { insertRows } from "../../drivers/postgres/insert.js";
import type { CompiledStatement } from "../../drivers/sql/compiled.js";
import { addColumn, completeTable, createIndex, createTable, dropTable } from "../../drivers/sql/ddl.js";
import { createRowRunner } from "../../drivers/sql/row-runner.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { sqliteDialect } from "../../drivers/sqlite/dialect.js";

export type DialectName = "sqlite" | "postgres";

/** One statement as the driver sends it: its text, and its parameters for one call's values. */
export interface SqlStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** The statements a SQL driver would run, compiled without a database. */
export interface CompiledSql {
  readonly dialect: DialectName;
  select(query: PreparedQuery): SqlStatement;
  /** The at-most-one-row select (SQLite runs it for a query limited to 1 without offset). */
  selectFirst(query: PreparedQuery): SqlStatement;
  count(query: PreparedQuery): SqlStatement;
  update(query: PreparedQuery, patch: PreparedPatch): SqlStatement;
  delete(query: PreparedQuery): SqlStatement;
  /** What stores these rows: SQLite runs one INSERT per row, PostgreSQL one INSERT for all of them. */
  insert(model: ModelMeta, rows: readonly StoredRow[]): SqlStatement[];
  createTable(model: ModelMeta): SqlStatement;
  /** What schema creation adds to an existing table that has the columns `has` finds: columns, then indexes. */
  completeTable(model: ModelMeta, has: (column: string) => boolean): SqlStatement[];
  addColumn(field: FieldMeta): SqlStatement;
  createIndex(field: FieldMeta): SqlStatement;
  dropTable(model: ModelMeta): SqlStatement;
}

const DIALECTS = { sqlite: sqliteDialect, postgres: postgresDialect } as const;

/** The schema each driver names its tables with when none is configured. */
const DEFAULT_SCHEMA: Readonly<Record<DialectName, string>> = { sqlite: "main", postgres: "public" };

/** Compiles statements as the `name` driver does, every table named in `schema`. */
export function compiledSql(name: DialectName, schema: string = DEFAULT_SCHEMA[name]): CompiledSql {
  const dialect = DIALECTS[name];
  const builder = new StatementBuilder(dialect, () => schema);
  const { tables } = builder;
  const bound = (compiled: CompiledStatement, values: readonly unknown[], patch?: readonly unknown[]): SqlStatement => ({
    text: compiled.text,
    params: compiled.bind(values, patch),
  });
  const ddl = (statement: SQL): SqlStatement => {
    const { sql: text, params } = dialect.toQuery(statement);
    return { text, params: [...params] };
  };
  return {
    dialect: name,
    select: (query) => bound(builder.select(query), query.values),
    selectFirst: (query) => bound(builder.selectFirst(query), query.values),
    count: (query) => bound(builder.count(query), query.values),
    update: (query, patch) => bound(builder.update(query, patch), query.values, patch.values),
    delete: (query) => bound(builder.delete(query), query.values),
    insert: (model, rows) => {
      if (name === "postgres") {
        // One array per column, as the PostgreSQL driver binds a chunk of rows.
        const columns = model.fields.map((field) => rows.map((row) => row[field.name]));
        return [bound(insertRows(model, tables), columns)];
      }
      // SQLite binds each row through the row runner its driver generates.
      const { text } = builder.insert(model);
      const runRow = createRowRunner(model.fields, sqliteDialect.encode);
      const recorder = { run: (...values: unknown[]) => values };
      return rows.map((row) => ({ text, params: runRow(recorder, row) }));
    },
    createTable: (model) => ddl(createTable(tables, model)),
    completeTable: (model, has) => completeTable(tables, model, has).map(ddl),
    addColumn: (field) => ddl(addColumn(tables, field)),
    createIndex: (field) => ddl(createIndex(tables, field)),
    dropTable: (model) => ddl(dropTable(tables, model)),
  };
}
