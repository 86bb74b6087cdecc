import { sql, type SQL } from "drizzle-orm";
import type { FieldMeta } from "../../src/model/field.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { SqlDialect } from "./dialect.js";

/** A column definition, for CREATE TABLE and ADD COLUMN. */
export function columnDefinition(dialect: SqlDialect, field: FieldMeta, { inTable }: { inTable: boolean }): SQL {
  const parts: SQL[] = [sql`${sql.identifier(field.column)}`, dialect.columnType(field)];
  const soleKey = inTable && isSoleKey(field);
  if (soleKey) parts.push(sql`PRIMARY KEY`);
  if (soleKey && field.auto && field.type === "integer") parts.push(dialect.generatedKey);
  // Columns added to an existing table must allow NULL: existing rows have no value for them.
  if (inTable && !field.optional && !field.nullable && !field.key) parts.push(sql`NOT NULL`);
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

/**
 * What an existing table of the model lacks: ADD COLUMN for each field whose column `has` does
 * not find, and every index (IF NOT EXISTS, so those already there stay as they are).
 */
export function completeTable(dialect: SqlDialect, model: ModelMeta, has: (column: string) => boolean): SQL[] {
  return model.fields.flatMap((field) => [...(has(field.column) ? [] : [addColumn(dialect, field)]), ...(needsIndex(field) ? [createIndex(field)] : [])]);
}

/** The model's key when the database generates it: a lone integer key marked (or taken as) Auto. */
export function generatedKey(model: ModelMeta): FieldMeta | undefined {
  const [key] = model.keys;
  return model.keys.length === 1 && key?.auto && key.type === "integer" ? key : undefined;
}

/** Whether a field has an index of its own: it is marked `Index`, or `Unique` (see `createIndex`). */
export function needsIndex(field: FieldMeta): boolean {
  return field.indexed || isUniqueBeyondKey(field);
}

/**
 * The index of an `Index` or `Unique` field. Uniqueness is a unique index rather than a UNIQUE
 * column so that a field that gains `Unique`, or a unique field added to an existing table,
 * gets it too: SQLite cannot ADD COLUMN ... UNIQUE.
 */
export function createIndex(field: FieldMeta): SQL {
  const unique = isUniqueBeyondKey(field);
  const name = `${field.model.name}_${field.column}_${unique ? "unique" : "idx"}`;
  return sql`CREATE ${sql.raw(unique ? "UNIQUE INDEX" : "INDEX")} IF NOT EXISTS ${sql.identifier(name)} ON ${sql.identifier(field.model.name)} (${sql.identifier(field.column)})`;
}

function isSoleKey(field: FieldMeta): boolean {
  return field.key && field.model.keys.length === 1;
}

/** A sole key is unique already, as the primary key. */
function isUniqueBeyondKey(field: FieldMeta): boolean {
  return field.unique && !isSoleKey(field);
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
