import { MongoServerError, type Db } from "mongodb";
import { referencesOf, type ModelMeta } from "../../src/kit/driver.js";
import type { Counters } from "./counters.js";
import { CODES } from "./errors.js";
import { checkDerivedNames, checkStoredNames, indexesOf } from "./indexes.js";

/**
 * Creates what is missing for these models: their collections and the indexes their keys,
 * `Unique` and `Index` fields ask for. Never drops or changes anything, and may run again, or
 * beside another run: a collection or index that is there already is no failure. A field a model
 * gained needs nothing (documents hold what they hold); its index is added.
 */
export async function applySchema(db: Db, models: readonly ModelMeta[]): Promise<void> {
  models.forEach(checkStoredNames);
  checkDerivedNames(models);
  // MongoDB enforces no references, but a reference Ommi cannot follow (to part of a composite key,
  // or to a field that is neither a key nor Unique) is refused here as the SQL drivers refuse it:
  // before anything is created.
  for (const model of models) referencesOf(model);
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name));
  for (const model of models) {
    if (!existing.has(model.name)) await createCollection(db, model.name);
    const indexes = indexesOf(model);
    if (indexes.length > 0) await db.collection(model.name).createIndexes(indexes);
  }
}

async function createCollection(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    // Another createModels() made it meanwhile.
    if (!(error instanceof MongoServerError && error.code === CODES.namespaceExists)) throw error;
  }
}

/** Drops these models' collections, with their documents, indexes and key counters. */
export async function deleteSchema(db: Db, counters: Counters, models: readonly ModelMeta[]): Promise<void> {
  for (const model of models) {
    try {
      await db.collection(model.name).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === CODES.namespaceNotFound)) throw error;
    }
    await counters.drop(model);
  }
}
