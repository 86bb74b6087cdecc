import type { AnyBulkWriteOperation, Collection, Document } from "mongodb";
import type { FieldMeta, ModelMeta, StoredRow, UpsertConflict } from "../../src/kit/driver.js";
import { fromDocument, storedPath, toDocument } from "./documents.js";
import type { OperationOptions } from "./patch.js";

/**
 * Upserts the rows (with their keys generated already) in one ordered bulk write: a row whose
 * `on` values are all there is an `updateOne` with `upsert` that finds the stored document by
 * them, sets the fields the conflict names (`$set`, `$unset` for a value left out) and the rest
 * only when it inserts (`$setOnInsert`); a row with a null `on` value matches nothing (as in a
 * SQL unique index, and Ommi's partial unique indexes) and is inserted. Several rows are all or
 * none only in a transaction: Ommi runs them in one (MongoDB has no atomic batches).
 *
 * Inserted rows are given back as they were written (as `add` does); stored rows that were
 * changed are read back by their `on` values; those "none" kept are left out.
 */
export async function upsertDocuments(
  collection: Collection,
  model: ModelMeta,
  rows: readonly StoredRow[],
  conflict: UpsertConflict,
  options: OperationOptions,
): Promise<(StoredRow | undefined)[]> {
  const operations = rows.map((row) => operationOf(model, row, conflict));
  const result = await collection.bulkWrite(operations, { ...options, ordered: true });
  const inserted = new Set(Object.keys(result.upsertedIds).map(Number));
  const stored = rows.map((row, index): StoredRow | undefined => ("insertOne" in (operations[index] as object) || inserted.has(index) ? row : undefined));
  if (conflict.update === "none") return stored;
  const matched = rows.flatMap((row, index) => (stored[index] ? [] : [row]));
  if (matched.length === 0) return stored;
  const positions = new Map(rows.map((row, index) => [identityOf(conflict.on, row), index]));
  const documents = await collection.find(filterOf(model, conflict.on, matched), options).toArray();
  for (const document of documents) {
    const row = fromDocument(model, document);
    const index = positions.get(identityOf(conflict.on, row));
    if (index !== undefined && !stored[index]) stored[index] = row;
  }
  return stored;
}

function operationOf(model: ModelMeta, row: StoredRow, conflict: UpsertConflict): AnyBulkWriteOperation {
  const document = toDocument(model, row);
  if (conflict.on.some((field) => row[field.name] === undefined || row[field.name] === null)) return { insertOne: { document } };
  const filter: Document = {};
  for (const field of conflict.on) filter[storedPath(field)] = document[storedPath(field)] as unknown;
  const set: Document = {};
  const unset: Document = {};
  for (const field of conflict.update === "none" ? [] : conflict.update) {
    const path = storedPath(field);
    const value = document[path] as unknown;
    if (value === undefined) unset[path] = "";
    else set[path] = value;
  }
  const onInsert: Document = {};
  for (const [path, value] of Object.entries(document) as [string, unknown][]) if (!(path in filter) && !(path in set)) onInsert[path] = value;
  const update: Document = {};
  if (Object.keys(set).length > 0) update.$set = set;
  if (Object.keys(unset).length > 0) update.$unset = unset;
  // The stored row is found by the filter's equalities, which an insert writes too: with nothing else, an empty $setOnInsert.
  update.$setOnInsert = onInsert;
  return { updateOne: { filter, update, upsert: true } };
}

/** The documents whose `on` values are those of `rows`: one `$in` for a single field. */
function filterOf(model: ModelMeta, on: readonly FieldMeta[], rows: readonly StoredRow[]): Document {
  const documents = rows.map((row) => toDocument(model, row));
  const [first] = on;
  if (on.length === 1 && first) return { [storedPath(first)]: { $in: documents.map((document) => document[storedPath(first)] as unknown) } };
  return { $or: documents.map((document) => Object.fromEntries(on.map((field) => [storedPath(field), document[storedPath(field)]]))) };
}

/** The `on` values of a row as text, equal exactly when the values are (as unique indexes compare them). */
function identityOf(on: readonly FieldMeta[], row: StoredRow): string {
  return JSON.stringify(
    on.map((field) => {
      const value = row[field.name];
      if (value instanceof Date) return `d${value.getTime()}`;
      if (value instanceof Uint8Array) return `x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
      return `${typeof value}:${String(value)}`;
    }),
  );
}
