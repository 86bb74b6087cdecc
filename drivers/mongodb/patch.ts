import type { ClientSession, Collection, Document } from "mongodb";
import { isIncrement, type PreparedPatch } from "../../src/kit/driver.js";
import { storedPath } from "./documents.js";
import { toStored } from "./values.js";

/** The options of one operation: the transaction's session and the time limit. */
export interface OperationOptions {
  session?: ClientSession;
  maxTimeMS?: number;
}

/** A patch as MongoDB takes it: `$set`, `$unset` (a value left out is unset), and one `$inc` per incremented field. */
export interface StoredPatch {
  readonly set: Document;
  readonly unset: Document;
  /** `mayBeNull`: the field's value can be null or missing, which an increment leaves as it is. */
  readonly increments: readonly { readonly path: string; readonly amount: unknown; readonly mayBeNull: boolean }[];
}

export function storedPatch(patch: PreparedPatch): StoredPatch {
  const set: Document = {};
  const unset: Document = {};
  const increments: { path: string; amount: unknown; mayBeNull: boolean }[] = [];
  patch.fields.forEach((field, index) => {
    const value = patch.values[index];
    const path = storedPath(field);
    // A field with a default may be left out of an input, yet is stored; but a field added to the model later is missing from older documents.
    if (isIncrement(value)) increments.push({ path, amount: toStored(field, value.amount), mayBeNull: field.nullable || field.optional });
    else if (value === undefined) unset[path] = "";
    else set[path] = toStored(field, value);
  });
  return { set, unset, increments };
}

/** The patch's values (an increment's amount in its place), to check as stored values. */
export function patchValues(patch: PreparedPatch): unknown[] {
  return patch.values.map((value) => (isIncrement(value) ? value.amount : value));
}

/**
 * Applies a patch to the documents whose `_id`s are `ids`. An increment skips a document whose
 * value is null or missing, which SQL's `null + 1` leaves null too (`$inc` would fail on null,
 * and make a missing value the amount): the same rule on every database.
 */
export async function changeDocuments(collection: Collection, ids: readonly unknown[], patch: StoredPatch, options: OperationOptions): Promise<void> {
  const chosen: Document = { _id: { $in: ids } };
  const change: Document = {};
  if (Object.keys(patch.set).length > 0) change.$set = patch.set;
  if (Object.keys(patch.unset).length > 0) change.$unset = patch.unset;
  if (Object.keys(change).length > 0) await collection.updateMany(chosen, change, options);
  for (const { path, amount } of patch.increments) {
    const increment: Document = { $inc: { [path]: amount } };
    await collection.updateMany({ ...chosen, [path]: { $ne: null } }, increment, options);
  }
}

/**
 * Applies a patch with at most one increment to the documents `selection` matches, with no
 * transaction and no read first: the increment in the same `updateMany` as the values, on the
 * documents whose value is not null (per document atomic, as SQL's `c = c + 1` is per row, so
 * concurrent counters never conflict), then the values alone on those whose value is null or
 * missing. The two sets are apart, and the first changes no document of the second. Gives the
 * number of documents matched, as SQL counts the rows an UPDATE matched.
 */
export async function updateSelected(collection: Collection, selection: Document, patch: StoredPatch, options: OperationOptions): Promise<number> {
  const change: Document = {};
  if (Object.keys(patch.set).length > 0) change.$set = patch.set;
  if (Object.keys(patch.unset).length > 0) change.$unset = patch.unset;
  const [increment] = patch.increments;
  if (!increment) {
    if (Object.keys(change).length === 0) return collection.countDocuments(selection, options);
    return (await collection.updateMany(selection, change, options)).matchedCount;
  }
  const withIncrement: Document = { ...change, $inc: { [increment.path]: increment.amount } };
  const counted = await collection.updateMany({ $and: [selection, { [increment.path]: { $ne: null } }] }, withIncrement, options);
  if (!increment.mayBeNull) return counted.matchedCount;
  const withoutValue: Document = { $and: [selection, { [increment.path]: null }] };
  if (Object.keys(change).length === 0) return counted.matchedCount + (await collection.countDocuments(withoutValue, options));
  return counted.matchedCount + (await collection.updateMany(withoutValue, change, options)).matchedCount;
}

/** The `_id`s of the documents `selection` matches, read in the operation's session. */
export async function idsOf(collection: Collection, selection: Document, options: OperationOptions): Promise<unknown[]> {
  const documents = await collection.find(selection, { ...options, projection: { _id: 1 } }).toArray();
  return documents.map((document) => document._id as unknown);
}

/** The client's settings to read documents with the BSON types they are stored as, so that writing them back changes no type. */
const AS_STORED = { promoteValues: false, promoteBuffers: false, promoteLongs: false, useBigInt64: false } as const;

/**
 * Gives the documents `ids` the key `set._id` (a single key, which MongoDB stores as `_id` and
 * never changes in place): they are read as stored, deleted, and written again changed, with the
 * new `_id`. A key another document has (or that two changed documents would share) is a
 * duplicate key error, which must abort the transaction this runs in. Returns the new `_id`s.
 */
export async function replaceKeys(collection: Collection, ids: readonly unknown[], set: Document, unset: Document, options: OperationOptions): Promise<unknown[]> {
  // Read as stored (a whole double stays a double, binary keeps its subtype), to be written back unchanged.
  const chosen: Document = { _id: { $in: ids } };
  const documents = await collection.find(chosen, { ...options, ...AS_STORED }).toArray();
  if (documents.length === 0) return [];
  const changed = documents.map((document) => {
    const copy: Document = { ...document, ...set };
    for (const path of Object.keys(unset)) delete copy[path];
    return copy;
  });
  await collection.deleteMany(chosen, options);
  await collection.insertMany(changed, { ...options, ordered: true });
  return changed.map((document) => document._id as unknown);
}
