import { referencesOf, type FieldMeta, type ModelMeta, type Reference } from "../../src/kit/driver.js";
import type { SqlDialect } from "./dialect.js";
import { sql, type SQL } from "./drizzle.js";
import { fitName } from "./names.js";
import type { Tables } from "./tables.js";

// Each reference (see referencesOf) is one foreign key, made where the database takes it: a
// one-field reference in its column's definition, a composite one as a table constraint, and on
// a database that needs it (see SqlDialect.constraintCount) one that names a table created later
// by ALTER TABLE once every table exists.

/** No reference is made later: what a dialect without `constraintCount` always has. */
export const NONE_LATER: ReadonlySet<Reference> = new Set();

/**
 * `<table>_<column>[_<column>...]_fkey`, fitted to the portable limit: the name PostgreSQL gives
 * an unnamed foreign key where it fits, so one made inline by an earlier Ommi is found by it.
 * Every foreign key is named, so that whether one exists does not depend on how it was made.
 */
export function foreignKeyName(reference: Reference): string {
  return fitName(`${reference.model.name}_${reference.from.map((field) => field.column).join("_")}_fkey`);
}

/** The reference `field` alone holds (not a part of a composite one), if it holds one. */
export function soleReferenceOf(field: FieldMeta): Reference | undefined {
  if (!field.reference) return undefined;
  return referencesOf(field.model).find((reference) => reference.from.length === 1 && reference.from[0] === field);
}

/** The composite references of a model: those made as table constraints. */
export function compositeReferencesOf(model: ModelMeta): Reference[] {
  return referencesOf(model).filter((reference) => reference.from.length > 1);
}

/** The references of a model made as table constraints: the composite ones, or every one where the database takes no other (see SqlDialect.foreignKeysAsTableConstraints). */
export function tableConstraintReferencesOf(dialect: SqlDialect, model: ModelMeta): readonly Reference[] {
  return dialect.foreignKeysAsTableConstraints ? referencesOf(model) : compositeReferencesOf(model);
}

/** `CONSTRAINT <name> REFERENCES <table> (<column>)`, in a column's definition. */
export function inlineForeignKey(tables: Tables, reference: Reference): SQL {
  return sql`CONSTRAINT ${sql.identifier(foreignKeyName(reference))} ${referencesClause(tables, reference)}`;
}

/** `CONSTRAINT <name> FOREIGN KEY (<columns>) REFERENCES <table> (<columns>)`, in CREATE TABLE or ADD CONSTRAINT. */
export function tableForeignKey(tables: Tables, reference: Reference): SQL {
  const ordered = inKeyOrder(reference);
  return sql`CONSTRAINT ${sql.identifier(foreignKeyName(reference))} FOREIGN KEY (${columnList(ordered.from)}) ${referencesClause(tables, ordered)}`;
}

/**
 * The reference's pairs of fields in the order of the target's key: MySQL's InnoDB takes a
 * foreign key only over columns that begin an index in the same order (the primary key's), where
 * PostgreSQL and SQLite take them in any order. The pairs, and so what is enforced, stay the same.
 */
function inKeyOrder(reference: Reference): Reference {
  const { keys } = reference.target;
  if (!reference.to.every((field) => keys.includes(field))) return reference;
  const order = reference.to.map((_, index) => index).sort((a, b) => keys.indexOf(reference.to[a] as FieldMeta) - keys.indexOf(reference.to[b] as FieldMeta));
  return { ...reference, from: order.map((index) => reference.from[index] as FieldMeta), to: order.map((index) => reference.to[index] as FieldMeta) };
}

/** The foreign key added to the referring model's existing table. */
export function addForeignKey(tables: Tables, reference: Reference): SQL {
  return sql`ALTER TABLE ${tables.qualified(reference.model)} ADD ${tableForeignKey(tables, reference)}`;
}

/** Whether foreign keys can be added to existing tables here (and are, for tables created later). */
export function addsForeignKeys(dialect: SqlDialect): boolean {
  return dialect.constraintCount !== undefined;
}

/**
 * The foreign key dropped from the referring model's table, where there is one. Where the
 * database has no IF EXISTS there (see SqlDialect.indexCount), the caller runs it only where
 * `constraintCount` counts the foreign key.
 */
export function dropForeignKey(tables: Tables, reference: Reference): SQL {
  const ifExists = tables.dialect.indexCount ? sql`` : sql` IF EXISTS`;
  return sql`ALTER TABLE${ifExists} ${tables.qualified(reference.model)} DROP CONSTRAINT${ifExists} ${sql.identifier(foreignKeyName(reference))}`;
}

/**
 * The references among `ordered` (models in the order their tables are created, see
 * referencedFirst) to a model after their own: one closes each cycle of references.
 */
export function cycleClosing(ordered: readonly ModelMeta[]): Reference[] {
  return ordered.flatMap((model, position) => referencesOf(model).filter((reference) => ordered.indexOf(reference.target) > position));
}

/**
 * The references among `ordered` that a database needing existing tables cannot make with their
 * table: those that close a cycle, and those to their own table that need an index made after
 * CREATE TABLE (a `Unique` field's; its own key is there at once). None where foreign keys may
 * name tables created later, see SqlDialect.constraintCount. A table not among `ordered` exists
 * already, or not at all, as before.
 */
export function referencesMadeLater(dialect: SqlDialect, ordered: readonly ModelMeta[]): ReadonlySet<Reference> {
  if (!addsForeignKeys(dialect)) return NONE_LATER;
  const selfNeedingIndex = ordered.flatMap((model) => referencesOf(model).filter((reference) => reference.target === model && !isKeyOf(model, reference.to)));
  return new Set([...cycleClosing(ordered), ...selfNeedingIndex]);
}

/**
 * What lets tables whose references form cycles be dropped one by one, run before them: where
 * foreign keys were added, the cycles' closing ones are dropped; elsewhere (SQLite, whose DROP
 * TABLE checks foreign keys as it deletes the rows) the checks wait for the commit, when every
 * table of the cycle is gone. Nothing when there is no cycle, so nothing else changes then.
 */
export function uncoupleCycles(tables: Tables, ordered: readonly ModelMeta[]): SQL[] {
  const closing = cycleClosing(ordered);
  if (closing.length === 0) return [];
  if (addsForeignKeys(tables.dialect)) return closing.map((reference) => dropForeignKey(tables, reference));
  return tables.dialect.deferForeignKeys ? [tables.dialect.deferForeignKeys] : [];
}

function isKeyOf(model: ModelMeta, fields: readonly FieldMeta[]): boolean {
  return model.keys.length === fields.length && model.keys.every((key) => fields.includes(key));
}

function referencesClause(tables: Tables, reference: Reference): SQL {
  return sql`REFERENCES ${tables.dialect.referenceTo(tables.nameOf(reference.target))} (${columnList(reference.to)})`;
}

function columnList(fields: readonly FieldMeta[]): SQL {
  return sql.join(
    fields.map((field) => sql.identifier(field.column)),
    sql`, `,
  );
}
