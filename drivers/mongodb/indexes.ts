import { createHash } from "node:crypto";
import type { Document, IndexDescription } from "mongodb";
import { MAX_NAME_BYTES, ModelError, utf8Length, type FieldMeta, type ModelMeta, type NestedIndex, type ScalarType } from "../../src/kit/driver.js";
import { storedPath } from "./documents.js";

// The indexes a model asks for, named as the SQL drivers name theirs (`<model>_<column>_unique`,
// `<model>_<column>_idx`, `<model>_<column>.<path>_unique`, fitted to 63 bytes with a hash), so
// that createModels() can run again and a duplicate key's index name leads back to its fields.
//
// A `Unique` value may be null or left out in any number of rows, as a UNIQUE column allows
// many NULLs in SQL: the unique index is partial, holding only documents where the value has its
// type (`$type` excludes null and missing), so rows without a value never collide.

/** The BSON type alias each stored scalar has (values.ts), for partial unique indexes. */
const TYPE_ALIASES: Readonly<Record<ScalarType | "binary", string>> = {
  string: "string",
  integer: "number", // int32 or int64
  float: "number",
  boolean: "bool",
  date: "date",
  bigint: "number", // int64, or decimal128 past 64 bits inside a structured value
  binary: "binData",
};

/** The name of a composite key's unique index. */
export function keyIndexName(model: ModelMeta): string {
  return fitName(`${model.name}_key`);
}

function isSoleKey(field: FieldMeta): boolean {
  return field.key && field.model.keys.length === 1;
}

/** The index of an `Index` or `Unique` field (a sole key is `_id`, unique already), or undefined. */
function fieldIndexName(field: FieldMeta): string | undefined {
  if (isSoleKey(field) || !(field.unique || field.indexed)) return undefined;
  return fitName(`${field.model.name}_${field.column}_${field.unique ? "unique" : "idx"}`);
}

function nestedIndexName({ field, path, unique }: NestedIndex): string {
  return fitName(`${field.model.name}_${field.column}.${path.join(".")}_${unique ? "unique" : "idx"}`);
}

/** The indexes of a model (its `_id` index aside, which MongoDB makes itself). */
export function indexesOf(model: ModelMeta): IndexDescription[] {
  const indexes: IndexDescription[] = [];
  if (model.keys.length > 1) {
    indexes.push({ name: keyIndexName(model), key: Object.fromEntries(model.keys.map((key) => [storedPath(key), 1])), unique: true });
  }
  for (const field of model.fields) {
    const name = fieldIndexName(field);
    if (name === undefined) continue;
    const path = storedPath(field);
    indexes.push(field.unique ? uniqueIndex(name, path, field.type as ScalarType | "binary") : { name, key: { [path]: 1 } });
  }
  for (const nested of model.nestedIndexes) {
    const path = [storedPath(nested.field), ...nested.path].join(".");
    const name = nestedIndexName(nested);
    indexes.push(nested.unique ? uniqueIndex(name, path, nested.type) : { name, key: { [path]: 1 } });
  }
  return indexes;
}

function uniqueIndex(name: string, path: string, type: ScalarType | "binary"): IndexDescription {
  const partialFilterExpression: Document = { [path]: { $type: TYPE_ALIASES[type] } };
  return { name, key: { [path]: 1 }, unique: true, partialFilterExpression };
}

/** The fields an index of this model covers, by its name (for duplicate-key errors). */
export function fieldsOfIndex(model: ModelMeta, name: string): FieldMeta[] {
  if (name === "_id_") return model.keys.length === 1 ? [...model.keys] : [];
  if (name === keyIndexName(model)) return [...model.keys];
  const field = model.fields.find((each) => fieldIndexName(each) === name) ?? model.nestedIndexes.find((each) => nestedIndexName(each) === name)?.field;
  return field ? [field] : [];
}

/**
 * Throws a ModelError when two indexes of one model would have the same name (ignoring case).
 * MongoDB keeps index names per collection, so models never collide with one another's names
 * (the driver does not declare `sharedNamespace`); a model's own indexes still must differ.
 */
export function checkDerivedNames(models: readonly ModelMeta[]): void {
  for (const model of models) {
    const owners = new Map<string, string>();
    const claim = (name: string, owner: string) => {
      const other = owners.get(name.toLowerCase());
      if (other !== undefined) throw new ModelError(`${other} and ${owner} would both be named "${name}" in the database; give a field a StoreAs("...")`);
      owners.set(name.toLowerCase(), owner);
    };
    if (model.keys.length > 1) claim(keyIndexName(model), `the key index of ${model.name}`);
    for (const field of model.fields) {
      const name = fieldIndexName(field);
      if (name !== undefined) claim(name, `the index of ${model.name}.${field.name}`);
    }
    for (const index of model.nestedIndexes) claim(nestedIndexName(index), `the index on ${index.path.join(".")} inside ${model.name}.${index.field.name}`);
  }
}

/** Hex digits of the hash that tells shortened names apart (as the SQL drivers' names.ts). */
const HASH_DIGITS = 10;

/** A derived name fitted to MAX_NAME_BYTES: as it is when it fits, else its first bytes (between characters), `_` and a hash of the whole. */
function fitName(natural: string): string {
  if (utf8Length(natural) <= MAX_NAME_BYTES) return natural;
  const hash = createHash("sha256").update(natural).digest("hex").slice(0, HASH_DIGITS);
  let used = 0;
  let end = 0;
  for (const character of natural) {
    const size = utf8Length(character);
    if (used + size > MAX_NAME_BYTES - HASH_DIGITS - 1) break;
    used += size;
    end += character.length;
  }
  return `${natural.slice(0, end)}_${hash}`;
}

/**
 * Stored names MongoDB cannot take as a document's top-level property: `_id` (a single key's
 * place), a name starting with `$`, or one holding `.` (read as a path into a sub-document).
 */
export function checkStoredNames(model: ModelMeta): void {
  for (const field of model.fields) {
    const path = storedPath(field);
    if (path === "_id") continue;
    const problem = field.column === "_id"
      ? 'is MongoDB\'s document key "_id", which only a model\'s single key field is stored as'
      : field.column.startsWith("$")
        ? "starts with $, which MongoDB reads as an operator"
        : field.column.includes(".")
          ? "holds a dot, which MongoDB reads as a path into a sub-document"
          : undefined;
    if (problem) throw new ModelError(`${model.name}.${field.name}: the stored name ${JSON.stringify(field.column)} ${problem}; store the field under another name with StoreAs("...")`);
  }
}
