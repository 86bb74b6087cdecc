import { Param, type ModelMeta, type UpsertConflict } from "../../src/kit/driver.js";
import { Compilation } from "./compile-condition.js";
import type { CompiledStatement } from "./compiled.js";
import { sql, type SQL } from "./drizzle.js";
import { returnedColumns, type StatementBuilder } from "./statements.js";

const identity = (value: unknown) => value;

/**
 * `ON CONFLICT (on) DO UPDATE SET c = excluded.c, ...` or `DO NOTHING`, the same in SQLite and
 * PostgreSQL. A match with no field to set still "updates" (an `on` column to itself), so that
 * RETURNING gives the stored row, as an upsert with a list of fields promises.
 */
export function conflictClause(conflict: UpsertConflict): SQL {
  const target = sql.join(conflict.on.map((field) => sql.identifier(field.column)), sql`, `);
  if (conflict.update === "none") return sql` ON CONFLICT (${target}) DO NOTHING`;
  const fields = conflict.update.length > 0 ? conflict.update : conflict.on.slice(0, 1);
  const assignments = fields.map((field) => sql`${sql.identifier(field.column)} = excluded.${sql.identifier(field.column)}`);
  return sql` ON CONFLICT (${target}) DO UPDATE SET ${sql.join(assignments, sql`, `)}`;
}

/** What makes two upserts of a model one statement: the fields they match by and those they set. */
export function conflictShape(model: ModelMeta, conflict: UpsertConflict): string {
  const set = conflict.update === "none" ? "none" : conflict.update.map((field) => field.index).join(",");
  return `${model.id}:${conflict.on.map((field) => field.index).join(",")}:${set}`;
}

/**
 * A one-row upsert with every column, giving the row as stored (RETURNING): for databases that
 * run a prepared statement per row (SQLite). The caller binds the values in field order.
 */
export function upsertOne(builder: StatementBuilder, model: ModelMeta, conflict: UpsertConflict): CompiledStatement {
  const compilation = new Compilation(builder.dialect, builder.tables);
  const table = builder.tables.of(model);
  const names = sql.join(model.fields.map((field) => sql.identifier(field.column)), sql`, `);
  const values = sql.join(model.fields.map((_, index) => compilation.placeholder(Param.at(index), identity)), sql`, `);
  return compilation.finish(sql`INSERT INTO ${table} (${names}) VALUES (${values})${conflictClause(conflict)} RETURNING ${returnedColumns(model)}`);
}
