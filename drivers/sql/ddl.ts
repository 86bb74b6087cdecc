import { sql, type SQL } from "drizzle-orm";
import type { FieldMeta } from "../../src/model/field.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { SqlDialect } from "./dialect.js";

/** A column definition, for CREATE TABLE and ADD COLUMN. */
export function columnDefinition(dialect: SqlDialect, field: FieldMeta, { inTable }: { inTable: boolean }): SQL {
  const parts: SQL[] = [sql`${sql.identifier(field.column)}`, dialect.columnType(field)];
  const soleKey = inTable && field.key && field.model.keys.length === 1;
  if (soleKey) parts.push(sql`PRIMARY KEY`);
  if (soleKey && field.auto && field.type === "integer") parts.push(dialect.generatedKey);
  // Columns added to an existing table must allow NULL: existing rows have no value for them.
  if (inTable && !field.optional && !field.nullable && !field.key) parts.push(sql`NOT NULL`);
  if (field.unique && !soleKey) parts.push(sql`UNIQUE`);
  const target = field.reference;
  if (target) parts.push(sql`REFERENCES ${sql.identifier(target.model.name)} (${sql.identifier(target.column)})`);
  return sql.join(parts, sql` `);
}

export function createTable(dialect: SqlDialect, model: ModelMeta): SQL {
  const columns = model.fields.map((field) => columnDefinition(dialect, field, { inTable: true }));
  if (model.keys.length > 1) columns.push(sql`PRIMARY KEY (${sql.join(model.keys.map((key) => sql.identifier(key.column)), sql`, `)})`);
  return sql`CREATE TABLE IF NOT EXISTS ${sql.identifier(model.name)} (${sql.join(columns, sql`, `)})`;
}

export function addColumn(dialect: SqlDialect, field: FieldMeta): SQL {
  return sql`ALTER TABLE ${sql.identifier(field.model.name)} ADD COLUMN ${columnDefinition(dialect, field, { inTable: false })}`;
}

export function createIndex(field: FieldMeta): SQL {
  const name = `${field.model.name}_${field.column}_idx`;
  return sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(name)} ON ${sql.identifier(field.model.name)} (${sql.identifier(field.column)})`;
}

export function dropTable(model: ModelMeta): SQL {
  return sql`DROP TABLE IF EXISTS ${sql.identifier(model.name)}`;
}

/** Models ordered so that every model comes after the models it refers to (for CREATE), where possible. */
export function referencedFirst(models: readonly ModelMeta[]): ModelMeta[] {
  const ordered: ModelMeta[] = [];
  const visiting = new Set<ModelMeta>();
  const visit = (model: ModelMeta) => {
    if (ordered.includes(model) || visiting.has(model)) return;
    visiting.add(model);
    for (const field of model.fields) {
      const target = field.reference?.model;
      if (target && target !== model && models.includes(target)) visit(target);
    }
    ordered.push(model);
  };
  models.forEach(visit);
  return ordered;
}
