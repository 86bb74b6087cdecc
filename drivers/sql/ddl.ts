import { isStructured, ModelError, referencesOf, type FieldMeta, type ModelMeta, type NestedIndex, type Reference } from "../../src/kit/driver.js";
import { sql, type SQL } from "./drizzle.js";
import { addForeignKey, addsForeignKeys, foreignKeyName, inlineForeignKey, NONE_LATER, soleReferenceOf, tableConstraintReferencesOf, tableForeignKey } from "./foreign-keys.js";
import { columnSource } from "./json/column-source.js";
import { fitName } from "./names.js";
import type { Tables } from "./tables.js";

// The statements that create, complete and drop models' tables. Every table is named with its
// schema (see Tables), and every name derived here fits the portable limit (see fitName).
// `later` holds the references made once every table exists (see referencesMadeLater): the
// statements here leave them out.

/** A column definition, for CREATE TABLE and ADD COLUMN. */
export function columnDefinition(tables: Tables, field: FieldMeta, { inTable, later = NONE_LATER }: { inTable: boolean; later?: ReadonlySet<Reference> }): SQL {
  const { dialect } = tables;
  const parts: SQL[] = [sql`${sql.identifier(field.column)}`, dialect.columnType(field)];
  const soleKey = inTable && isSoleKey(field);
  if (soleKey) parts.push(sql`PRIMARY KEY`);
  if (soleKey && field.auto && field.type === "integer") parts.push(dialect.generatedKey);
  // Columns added to an existing table must allow NULL: existing rows have no value for them.
  if (inTable && !field.optional && !field.nullable && !field.key) parts.push(sql`NOT NULL`);
  // A composite reference is a table constraint (see createTable), made of several columns; so is every one where the database takes no other.
  const reference = soleReferenceOf(field);
  if (reference && !later.has(reference) && !dialect.foreignKeysAsTableConstraints) parts.push(inlineForeignKey(tables, reference));
  return sql.join(parts, sql` `);
}

export function createTable(tables: Tables, model: ModelMeta, later: ReadonlySet<Reference> = NONE_LATER): SQL {
  const columns = model.fields.map((field) => columnDefinition(tables, field, { inTable: true, later }));
  if (model.keys.length > 1) columns.push(sql`PRIMARY KEY (${sql.join(model.keys.map((key) => sql.identifier(key.column)), sql`, `)})`);
  for (const reference of tableConstraintReferencesOf(tables.dialect, model)) if (!later.has(reference)) columns.push(tableForeignKey(tables, reference));
  return sql`CREATE TABLE IF NOT EXISTS ${tables.qualified(model)} (${sql.join(columns, sql`, `)})`;
}

export function addColumn(tables: Tables, field: FieldMeta, later: ReadonlySet<Reference> = NONE_LATER): SQL {
  return sql`ALTER TABLE ${tables.qualified(field.model)} ADD COLUMN ${columnDefinition(tables, field, { inTable: false, later })}`;
}

/**
 * What an existing table of the model lacks: ADD COLUMN for each field whose column `has` does
 * not find, and every index (IF NOT EXISTS, so those already there stay as they are; where the
 * database has no IF NOT EXISTS, those `hasIndex` does not find, see SqlDialect.indexCount): the
 * fields' own, then those on values inside structured fields. A composite reference over an
 * added column gets its foreign key where the database can add one (its rows hold NULL there,
 * which no foreign key checks), as does every reference where foreign keys are only table
 * constraints; SQLite cannot add one, so it goes without (see SqlDialect.constraintCount).
 */
export function completeTable(
  tables: Tables,
  model: ModelMeta,
  has: (column: string) => boolean,
  later: ReadonlySet<Reference> = NONE_LATER,
  hasIndex: (index: string) => boolean = () => false,
): SQL[] {
  const fields = model.fields.flatMap((field) => [
    ...(has(field.column) ? [] : [addColumn(tables, field, later)]),
    ...(hasIndexHere(tables, field) && !hasIndex(indexName(field)) ? [createIndex(tables, field)] : []),
  ]);
  const nested = model.nestedIndexes.filter((index) => !hasIndex(nestedIndexName(index)));
  const foreignKeys = addsForeignKeys(tables.dialect)
    ? tableConstraintReferencesOf(tables.dialect, model).filter((reference) => !later.has(reference) && reference.from.some((field) => !has(field.column)))
    : [];
  return [...fields, ...nested.map((index) => createNestedIndex(tables, index)), ...foreignKeys.map((reference) => addForeignKey(tables, reference))];
}

/** The names of the indexes completeTable makes for the model where they are missing: the fields' own, then those inside structured fields. */
export function indexNamesOf(tables: Tables, model: ModelMeta): string[] {
  return [...model.fields.filter((field) => hasIndexHere(tables, field)).map(indexName), ...model.nestedIndexes.map(nestedIndexName)];
}

/** ` IF NOT EXISTS` of CREATE INDEX, where the database takes it (see SqlDialect.indexCount). */
function ifNotExists(tables: Tables): SQL {
  return tables.dialect.indexCount ? sql`` : sql` IF NOT EXISTS`;
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
export function createIndex(tables: Tables, field: FieldMeta): SQL {
  const unique = isUniqueBeyondKey(field);
  const target = tables.dialect.indexOn(indexName(field), tables.nameOf(field.model));
  if (isStructured(field)) {
    const indexed = tables.dialect.structuredIndex(field, indexedValue(tables, field));
    if (!indexed) throw new Error(`this database has no index for ${field.model.name}.${field.name} (see hasIndexHere)`);
    return sql`CREATE INDEX${ifNotExists(tables)} ${target} ${indexed}`;
  }
  const column = sql`${sql.identifier(field.column)}`;
  const keyPart = (unique ? tables.dialect.uniqueKeyPart?.(field, column) : undefined) ?? column;
  return sql`CREATE ${sql.raw(unique ? "UNIQUE INDEX" : "INDEX")}${ifNotExists(tables)} ${target} (${keyPart})`;
}

/**
 * Whether this database makes the index a field asks for. An `Index` on a structured field is
 * made where the database can serve Ommi's conditions with one: PostgreSQL indexes an array
 * field for has and hasAll (GIN); SQLite has no index for them, and no database one for an
 * object, record or JSON value (index a value inside it instead: `"address.city": Index`).
 */
export function hasIndexHere(tables: Tables, field: FieldMeta): boolean {
  return needsIndex(field) && (!isStructured(field) || tables.dialect.structuredIndex(field, indexedValue(tables, field)) !== undefined);
}

/** What a structured field's index is on: the column as conditions on the whole array read it (see compile-condition.ts). */
function indexedValue(tables: Tables, field: FieldMeta): SQL {
  const source = columnSource(field, sql`${sql.identifier(field.column)}`);
  return field.type === "array" ? tables.dialect.json.array(source, []) : source.column;
}

/**
 * The index on a value inside a structured field (`fields: { "address.city": Index }`): on
 * exactly the expression a condition on that value compiles to, so that the database uses it.
 */
export function createNestedIndex(tables: Tables, index: NestedIndex): SQL {
  const { field, path, type, unique } = index;
  const { dialect } = tables;
  const expression = dialect.json.scalar({ column: sql`${sql.identifier(field.column)}` }, path, type);
  if (dialect.nestedIndex) return dialect.nestedIndex(nestedIndexName(index), tables.nameOf(field.model), expression, type, unique);
  const target = dialect.indexOn(nestedIndexName(index), tables.nameOf(field.model));
  return sql`CREATE ${sql.raw(unique ? "UNIQUE INDEX" : "INDEX")}${ifNotExists(tables)} ${target} ((${expression}))`;
}

/** `<table>_<column>.<path>_idx` (or `_unique`), fitted to the portable limit as indexName is. */
export function nestedIndexName({ field, path, unique }: NestedIndex): string {
  return fitName(`${field.model.name}_${field.column}.${path.join(".")}_${unique ? "unique" : "idx"}`);
}

/**
 * The name of a field's index: `<table>_<column>_unique` (or `_idx`), fitted to the portable
 * limit. PostgreSQL would cut a longer name to 63 bytes, and two indexes cut to the same name
 * are one: `IF NOT EXISTS` then skips the second, and its uniqueness goes unenforced.
 */
export function indexName(field: FieldMeta): string {
  return fitName(`${field.model.name}_${field.column}_${isUniqueBeyondKey(field) ? "unique" : "idx"}`);
}

/**
 * Throws a ModelError when two of the names these models' tables and indexes take are the same,
 * ignoring case (as SQLite does): tables and indexes share one namespace per schema in
 * PostgreSQL and SQLite, and `CREATE ... IF NOT EXISTS` would silently skip the second one, so
 * a unique index could be missing. A table `A_b` with a column `c` and a table `A` with a column
 * `b_c` would both name an index `A_b_c_unique`, for example.
 */
export function checkDerivedNames(models: readonly ModelMeta[]): void {
  const claim = claimer();
  for (const model of models) claim(model.name, `the table of ${model.name}`);
  for (const model of models) {
    for (const field of model.fields) if (needsIndex(field)) claim(indexName(field), `the index of ${model.name}.${field.name}`);
    for (const index of model.nestedIndexes) claim(nestedIndexName(index), `the index on ${index.path.join(".")} inside ${model.name}.${index.field.name}`);
    // Foreign keys are named per table (PostgreSQL: a constraint name is unique on its table), and
    // one found by name is taken as made (see SqlEngine). referencesOf also refuses, with a
    // ModelError, a reference that no foreign key can enforce.
    const claimHere = claimer();
    for (const reference of referencesOf(model)) {
      const names = reference.from.map((field) => field.name);
      claimHere(foreignKeyName(reference), `the foreign key of ${model.name}.${names.length === 1 ? names.join("") : `(${names.join(", ")})`}`);
    }
  }
}

/** Claims names, each once, ignoring case: a second claim of a name is a ModelError naming both owners. */
function claimer(): (name: string, owner: string) => void {
  const owners = new Map<string, string>();
  return (name, owner) => {
    const folded = name.toLowerCase();
    const other = owners.get(folded);
    if (other !== undefined) {
      throw new ModelError(`${other} and ${owner} would both be named "${name}" in the database; rename a model, or give a field a StoreAs("...")`);
    }
    owners.set(folded, owner);
  };
}

function isSoleKey(field: FieldMeta): boolean {
  return field.key && field.model.keys.length === 1;
}

/** A sole key is unique already, as the primary key. */
function isUniqueBeyondKey(field: FieldMeta): boolean {
  return field.unique && !isSoleKey(field);
}

export function dropTable(tables: Tables, model: ModelMeta): SQL {
  return sql`DROP TABLE IF EXISTS ${tables.qualified(model)}`;
}

/**
 * Models ordered so that every model comes after the models it refers to (for CREATE), where
 * possible: in a cycle of references, one refers to a model after it (see referencesMadeLater).
 */
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
