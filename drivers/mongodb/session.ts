import type { ClientSession, Collection, Db, Document } from "mongodb";
import {
  isIncrement, OmmiError, QueryError, TransactionError, type DriverSession, type FieldMeta, type ModelMeta, type PreparedPatch, type PreparedQuery, type StoredRow, type UpsertConflict,
} from "../../src/kit/driver.js";
import { compileQuery, type CompiledQuery, type RelatedRows } from "./compile-query.js";
import type { Counters } from "./counters.js";
import { checkPatchStorable, checkStorable, fromDocument, storedPath, toDocument } from "./documents.js";
import { fromMongoError, missingCollection } from "./errors.js";
import { checkStoredNames } from "./indexes.js";
import { projectionOf } from "./projection.js";
import { changeDocuments, idsOf, patchValues, replaceKeys, storedPatch, updateSelected } from "./patch.js";
import { applySchema, deleteSchema } from "./schema.js";
import { upsertDocuments } from "./upsert.js";
import { fromStored } from "./values.js";

/** What every session of one driver shares. */
export interface DriverContext {
  readonly db: Db;
  readonly counters: Counters;
  readonly collections: KnownCollections;
  /** Milliseconds any operation may run (the `statementTimeout` option), or undefined. */
  readonly statementTimeout: number | undefined;
  /** Whether the server runs transactions (the driver's `transactions` capability). */
  readonly transactions: () => boolean;
  /** Runs `work` in a transaction of its own, on a new client session. */
  readonly inOwnTransaction: <T>(work: (session: ClientSession) => Promise<T>) => Promise<T>;
}

/**
 * The collections known to exist. MongoDB creates a collection on the first insert into it, but
 * Ommi's promise is that a model whose table was never created fails every operation with a
 * SchemaError (the missing-table scenario): each collection is looked up once per driver, and
 * forgotten when deleteModels() drops it.
 */
export class KnownCollections {
  readonly #known = new Set<string>();

  async check(db: Db, model: ModelMeta, doing: string): Promise<void> {
    if (this.#known.has(model.name)) return;
    // Outside any transaction: MongoDB lists no collections inside one.
    const found = await db.listCollections({ name: model.name }, { nameOnly: true }).toArray();
    if (found.length === 0) throw missingCollection(doing, model);
    checkStoredNames(model);
    this.#known.add(model.name);
  }

  forget(models: readonly ModelMeta[]): void {
    for (const model of models) this.#known.delete(model.name);
  }
}

/** The generated integer key of a model (its single key, an integer marked or taken as Auto), if any. */
function generatedIntegerKey(model: ModelMeta): FieldMeta | undefined {
  const [key] = model.keys;
  return model.keys.length === 1 && key?.auto && key.type === "integer" ? key : undefined;
}

/** Whether a unique index covers `field`: Unique, a part of a composite key, or a Unique path inside it. */
function inUniqueIndex(model: ModelMeta, field: FieldMeta): boolean {
  return field.unique || (field.key && model.keys.length > 1) || model.nestedIndexes.some((index) => index.unique && index.field === field);
}

/** The refusal of a key change where it cannot be atomic: before anything runs, naming the model and the field. */
function keyChangeRefused(model: ModelMeta, key: FieldMeta): QueryError {
  return new QueryError(
    `updating ${model.name}: ${model.name}.${key.name} is the key, which MongoDB stores as the document's _id and cannot change in place; ` +
      "Ommi changes it by replacing the documents inside a transaction, and this server runs none (a replica set does)",
  );
}

/**
 * The operations of the MongoDB driver, on no client session (the driver itself) or on one in a
 * transaction (MongoTransaction). Values BSON cannot store exactly are refused before anything is
 * sent; everything the server or the client throws becomes an Ommi error (errors.ts).
 */
export class MongoSession implements DriverSession {
  constructor(
    protected readonly context: DriverContext,
    /** The transaction's client session, or undefined outside a transaction. */
    protected readonly clientSession: ClientSession | undefined,
    /** The transaction's own statement timeout, if it has one. */
    protected readonly statementTimeout: number | undefined = context.statementTimeout,
  ) {}

  /** Rejects when this session's calls may not run (an ended or failed transaction). */
  protected beforeCall(): Promise<void> | undefined {
    return undefined;
  }

  /** Called when an operation of this session failed in the database, with the error it fails with. */
  protected failed(_error: OmmiError): void {}

  /** Runs operations one at a time where the session needs it (a transaction's client session). */
  protected serialize<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  readonly #related: RelatedRows = {
    joinValues: (model, fields, filter) => this.#joinValues(model, fields, filter),
  };

  async #run<T>(doing: string, model: ModelMeta, work: (collection: Collection) => Promise<T>): Promise<T> {
    await this.beforeCall();
    return this.serialize(async () => {
      try {
        await this.context.collections.check(this.context.db, model, doing);
        return await work(this.context.db.collection(model.name));
      } catch (error) {
        // An OmmiError was thrown before the database saw the call (a refused query): it dooms nothing.
        if (error instanceof OmmiError) throw error;
        const failure = fromMongoError(error, doing, model);
        this.failed(failure);
        throw failure;
      }
    });
  }

  /** The options every operation passes: the session and the time limit. */
  #options(timeout: number | undefined): { session?: ClientSession; maxTimeMS?: number } {
    const maxTimeMS = timeout ?? this.statementTimeout;
    return { ...(this.clientSession ? { session: this.clientSession } : {}), ...(maxTimeMS === undefined ? {} : { maxTimeMS }) };
  }

  async add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    checkStorable(model, rows);
    return this.#run(`adding ${model.name}`, model, async (collection) => {
      const keyed = await this.#withGeneratedKeys(model, rows);
      const documents = keyed.map((row) => toDocument(model, row));
      const options = { ...this.#options(undefined), ordered: true };
      if (documents.length === 1) await collection.insertOne(documents[0] as Document, options);
      else if (documents.length > 1) await collection.insertMany(documents, options);
      return keyed;
    });
  }

  /** Stores rows or changes the stored documents they match (see upsertDocuments). Generated keys are taken as `add` takes them. */
  async upsert(model: ModelMeta, rows: readonly StoredRow[], conflict: UpsertConflict): Promise<(StoredRow | undefined)[]> {
    checkStorable(model, rows);
    return this.#run(`upserting ${model.name}`, model, async (collection) => {
      const keyed = await this.#withGeneratedKeys(model, rows);
      return upsertDocuments(collection, model, keyed, conflict, this.#options(undefined));
    });
  }

  /** The rows with generated keys given to those that leave theirs out: keys given raise the counter first, so none collides with one generated. */
  async #withGeneratedKeys(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    const key = generatedIntegerKey(model);
    if (!key) return rows.map((row) => ({ ...row }));
    let highestGiven: number | undefined;
    let missing = 0;
    for (const row of rows) {
      const given = row[key.name];
      if (given === undefined || given === null) missing++;
      else if (highestGiven === undefined || (given as number) > highestGiven) highestGiven = given as number;
    }
    const { counters } = this.context;
    if (highestGiven !== undefined) await counters.raise(model, highestGiven, this.statementTimeout);
    let next = missing > 0 ? await counters.take(model, missing, this.statementTimeout) : 0;
    return rows.map((row) => {
      const given = row[key.name];
      return given === undefined || given === null ? { ...row, [key.name]: next++ } : { ...row };
    });
  }

  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    const { model } = query.node;
    return this.#run(`finding ${model.name}`, model, async (collection) => {
      const compiled = await compileQuery(query, this.#related);
      const { fields } = query;
      const documents = await this.#documents(collection, compiled, this.#options(query.timeout), fields && projectionOf(fields));
      const rows = new Array<StoredRow>(documents.length);
      for (let index = 0; index < documents.length; index++) rows[index] = fromDocument(model, documents[index] as Document, fields);
      return rows;
    });
  }

  /** The documents a compiled query selects, in its order; `projection` keeps only some properties. */
  #documents(collection: Collection, compiled: CompiledQuery, options: { session?: ClientSession; maxTimeMS?: number }, projection?: Document): Promise<Document[]> {
    // A limit of 0 selects nothing in Ommi; to MongoDB it means "no limit".
    if (compiled.limit === 0) return Promise.resolve([]);
    if (!compiled.addFields) {
      return collection
        .find(compiled.filter, {
          ...options,
          ...(compiled.sort ? { sort: compiled.sort } : {}),
          ...(compiled.skip ? { skip: compiled.skip } : {}),
          ...(compiled.limit === undefined ? {} : { limit: compiled.limit }),
          ...(projection ? { projection } : {}),
        })
        .toArray();
    }
    const pipeline: Document[] = [{ $match: compiled.filter }, { $addFields: compiled.addFields }];
    if (compiled.sort) pipeline.push({ $sort: compiled.sort });
    if (compiled.skip) pipeline.push({ $skip: compiled.skip });
    if (compiled.limit !== undefined) pipeline.push({ $limit: compiled.limit });
    pipeline.push({ $project: projection ?? Object.fromEntries(Object.keys(compiled.addFields).map((name) => [name, 0])) });
    return collection.aggregate(pipeline, options).toArray();
  }

  count(query: PreparedQuery): Promise<number> {
    const { model } = query.node;
    return this.#run(`counting ${model.name}`, model, async (collection) => {
      const compiled = await compileQuery(query, this.#related);
      if (compiled.limit === 0) return 0;
      return collection.countDocuments(compiled.filter, {
        ...this.#options(query.timeout),
        ...(compiled.skip ? { skip: compiled.skip } : {}),
        ...(compiled.limit === undefined ? {} : { limit: compiled.limit }),
      });
    });
  }

  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    const { model } = query.node;
    // A key change, several increments: the documents are chosen first, then changed (see #changeChosen).
    if (patch.values.filter(isIncrement).length > 1 || patch.fields.some((field) => storedPath(field) === "_id")) {
      return this.#changeChosen(query, patch, false).then(({ count }) => count);
    }
    checkPatchStorable(model, patch.fields, patchValues(patch));
    const stored = storedPatch(patch);
    const updateIn = async (collection: Collection, session: ClientSession | undefined): Promise<number> => {
      const options = { ...this.#options(query.timeout), ...(session ? { session } : {}) };
      const selection = await this.#selection(collection, query, options);
      return selection ? updateSelected(collection, selection, stored, options) : 0;
    };
    // updateMany stops at the first document that breaks a unique index, keeping those it changed
    // before: such an update runs in a transaction of its own, so that it changes all or nothing.
    const atomic = !this.clientSession && this.context.transactions() && patch.fields.some((field) => inUniqueIndex(model, field));
    return this.#run(`updating ${model.name}`, model, (collection) =>
      atomic ? this.context.inOwnTransaction((session) => updateIn(collection, session)) : updateIn(collection, this.clientSession),
    );
  }

  /** `update`, giving the changed documents as they are after it (read in the same transaction where the server has them). */
  updateReturning(query: PreparedQuery, patch: PreparedPatch): Promise<StoredRow[]> {
    return this.#changeChosen(query, patch, true).then(({ rows }) => rows);
  }

  /**
   * An update that chooses its documents' `_id`s first and changes exactly those, in this
   * transaction or (where the server has them) one of its own, so that it is all or nothing: for
   * increments (one `$inc` per field, skipping null values: see changeDocuments), for a change of
   * a single key (MongoDB stores it as `_id` and never changes it in place: see replaceKeys; a
   * server without transactions refuses it), and to read the changed documents back.
   */
  #changeChosen(query: PreparedQuery, patch: PreparedPatch, read: boolean): Promise<{ count: number; rows: StoredRow[] }> {
    const { model } = query.node;
    checkPatchStorable(model, patch.fields, patchValues(patch));
    const key = patch.fields.find((field) => storedPath(field) === "_id");
    const inOwnTransaction = !this.clientSession && this.context.transactions();
    if (key && !this.clientSession && !inOwnTransaction) return Promise.reject(keyChangeRefused(model, key));
    const { set, unset, increments } = storedPatch(patch);
    const { _id: newKey, ...others } = set;
    const change = async (collection: Collection, session: ClientSession | undefined): Promise<{ count: number; rows: StoredRow[] }> => {
      const options = { ...this.#options(query.timeout), ...(session ? { session } : {}) };
      const selection = await this.#selection(collection, query, options);
      const ids = selection ? await idsOf(collection, selection, options) : [];
      if (ids.length === 0) return { count: 0, rows: [] };
      await changeDocuments(collection, ids, { set: others, unset, increments }, options);
      const changed = key ? await replaceKeys(collection, ids, { _id: newKey as unknown }, {}, options) : ids;
      if (!read) return { count: ids.length, rows: [] };
      const now: Document = { _id: { $in: changed } };
      const documents = await collection.find(now, options).toArray();
      return { count: ids.length, rows: documents.map((document) => fromDocument(model, document)) };
    };
    return this.#run(`updating ${model.name}`, model, async (collection) => {
      if (key && generatedIntegerKey(model) === key && typeof newKey === "number") await this.context.counters.raise(model, newKey, this.statementTimeout);
      return inOwnTransaction ? this.context.inOwnTransaction((session) => change(collection, session)) : change(collection, this.clientSession);
    });
  }

  delete(query: PreparedQuery): Promise<number> {
    const { model } = query.node;
    return this.#run(`deleting ${model.name}`, model, async (collection) => {
      const options = this.#options(query.timeout);
      const selection = await this.#selection(collection, query, options);
      if (!selection) return 0;
      const result = await collection.deleteMany(selection, options);
      return result.deletedCount;
    });
  }

  /**
   * The filter of the documents an update or delete changes. updateMany and deleteMany take no
   * sort, skip or limit: a query with any of them selects its documents' `_id`s first (in the same
   * session), then changes exactly those. Undefined when it selects nothing.
   */
  async #selection(collection: Collection, query: PreparedQuery, options: { session?: ClientSession; maxTimeMS?: number }): Promise<Document | undefined> {
    const compiled = await compileQuery(query, this.#related);
    if (compiled.limit === 0) return undefined;
    if (compiled.limit === undefined && !compiled.skip) return compiled.filter;
    const chosen = await this.#documents(collection, compiled, options, { _id: 1 });
    return chosen.length === 0 ? undefined : { _id: { $in: chosen.map((document) => document._id as unknown) } };
  }

  /** The distinct tuples of `fields` in the documents of `model` that match `filter` (for conditions across a reference). */
  async #joinValues(model: ModelMeta, fields: readonly FieldMeta[], filter: Document): Promise<readonly (readonly unknown[])[]> {
    await this.context.collections.check(this.context.db, model, `finding ${model.name}`);
    const group = Object.fromEntries(fields.map((field, index) => [`v${index}`, `$${storedPath(field)}`]));
    const grouped = await this.context.db
      .collection(model.name)
      .aggregate<{ _id: Record<string, unknown> }>([{ $match: filter }, { $group: { _id: group } }], this.#options(undefined))
      .toArray();
    return grouped.map(({ _id }) => fields.map((field, index) => fromStored(field, _id[`v${index}`] ?? null) ?? null));
  }

  applySchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#schemaChange("creating collections", () => applySchema(this.context.db, models));
  }

  deleteSchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#schemaChange("dropping collections", async () => {
      this.context.collections.forget(models);
      await deleteSchema(this.context.db, this.context.counters, models);
      this.context.collections.forget(models);
    });
  }

  /** Schema changes run outside any transaction (MongoDB makes no collections or indexes inside one that has read or written). */
  async #schemaChange(doing: string, work: () => Promise<void>): Promise<void> {
    await this.beforeCall();
    try {
      await work();
    } catch (error) {
      if (error instanceof OmmiError && !(error instanceof TransactionError)) throw error;
      throw fromMongoError(error, doing);
    }
  }
}
