import { AsyncLocalStorage } from "node:async_hooks";
import { asOmmiError, ModelError, QueryError, TimeoutError, TransactionError } from "./errors.js";
import type { BeginOptions, Driver, DriverCapabilities, DriverSession, IsolationLevel, StoredRow, TransactionSession } from "./driver.js";
import { Find } from "./find.js";
import { attachRelations, type RowSource } from "./relations/attach.js";
import { hydrateAll } from "./rows.js";
import { sqlOf, type SqlRecord, type SqlTemplate } from "./raw-sql.js";
import { defaultCollection, type ModelCollection } from "./model/collection.js";
import { metaOf } from "./model/brands.js";
import type { ModelHandle } from "./builder/handle.js";
import type { ModelMeta } from "./model/meta.js";
import { validateRows } from "./validate.js";
import { checkDistinct, conflictGroups, planConflict, type ConflictGroup } from "./query/upsert.js";
import type { DataKeys } from "./builder/handle.js";
import type { ValueFieldRef } from "./builder/field-ref.js";
import { toQueryNode, type Conditional } from "./builder/query.js";
import { AsyncResult, type ResultOrigin } from "./result.js";
import { failureHooksFrom, observeDriver } from "./observe/install.js";
import type { ObserveOptions } from "./observe/options.js";
import { timeoutProblem } from "./util/timeouts.js";
// Declares Symbol.asyncDispose for apps whose lib and types do not (see the file).
import "./util/async-dispose.js";

/** The options of `new Ommi(driver, options)`. */
export type OmmiOptions = ObserveOptions;

/** Creating and dropping the tables of a collection's models. */
export interface SchemaOperations {
  /** Creates missing tables, columns and indexes; safe to run on every start. */
  createModels(): AsyncResult<void>;
  /** Drops the models' tables with all their rows. */
  deleteModels(): AsyncResult<void>;
}

export interface TransactionOptions {
  /** The isolation level; the database's default when left out. */
  isolation?: IsolationLevel;
  /**
   * How many more times to run the callback when the database aborted the transaction over a
   * conflict with a concurrent one (`TransactionError` with `retryable`), or a lock wait timed
   * out (`TimeoutError` with limit "lock"). 0 unless given: the callback must be safe to run
   * again for retries to be right.
   */
  retries?: number;
  /**
   * Milliseconds each statement in the transaction may run before the database stops it with a
   * `TimeoutError` (limit "statement"), which aborts the transaction. Whole milliseconds, from 1.
   * Databases that cannot stop a running statement (SQLite) refuse it with a `QueryError`.
   */
  statementTimeout?: number;
  /**
   * Milliseconds a statement in the transaction may wait for a lock another transaction holds,
   * then fails with a retryable `TimeoutError` (limit "lock"). On SQLite, set `lockTimeout` when
   * connecting instead (it holds for the whole connection).
   */
  lockTimeout?: number;
}

/** What `upsert` matches rows by, and what it sets on a match. */
export interface UpsertOptions<R> {
  /** The field(s) that find the stored row: the key when left out (all of it), or one `Unique` field. */
  readonly on?: ValueFieldRef<R, unknown> | readonly ValueFieldRef<R, unknown>[];
  /** What a match sets: these fields, "all" (every field the row gives), or "none" (keep the stored row, leave it out of the value). */
  readonly update: readonly DataKeys<R>[] | "all" | "none";
}

/** A driver written before capabilities were declared has none beyond the common operations. */
const NO_CAPABILITIES: DriverCapabilities = Object.freeze({});

/** Keeps ending a transaction out of its public API: only this module holds the key. */
const END = Symbol("ommi.endTransaction");

/** The database whose transaction callback is running, in that callback's async context. */
const insideTransaction = new AsyncLocalStorage<{ readonly root: Operations; readonly tx: Transaction }>();

/** The operations shared by a database (`Ommi`) and a transaction (`Transaction`). */
abstract class Operations {
  /** Where this object's operations run: the driver, or an open transaction. */
  protected abstract get session(): DriverSession;
  /** Opens a transaction here: a transaction on a database, a savepoint inside a transaction. */
  protected abstract open(options: BeginOptions | undefined): Promise<TransactionSession>;
  /** What the database can do beyond the common operations. */
  protected abstract get capabilities(): DriverCapabilities;
  /** The database's name, for messages ("sqlite", "postgres"). */
  protected abstract get databaseName(): string;
  /** The `Ommi` this object belongs to (itself, or the database a transaction was opened on). */
  protected abstract get root(): Operations;
  /** Where the rows this object produces load their relations. */
  protected abstract get rowSource(): RowSource;

  /**
   * Validates and stores rows in one atomic step; the value is the stored rows. Keys the
   * database generates are also written back into the objects passed in.
   */
  add<R, I>(model: ModelHandle<R, I>, ...rows: (I | readonly I[])[]): AsyncResult<R[]> {
    return new AsyncResult(async () => {
      const meta = metaOf(model);
      // One array is the common bulk call: take it as it is rather than copying it.
      const inputs = (rows.length === 1 && Array.isArray(rows[0]) ? rows[0] : rows.flat()) as unknown[];
      const valid = await validateRows(meta, inputs);
      const stored = valid.length > 1 && !this.atomicBatches ? await this.#addInTransaction(meta, valid) : await this.session.add(meta, valid);
      writeBackKeys(meta, inputs, stored);
      return attachRelations(meta, hydrateAll<R & object>(meta, stored), this.rowSource);
    }, this.origin("add", model));
  }

  /** True when several rows added here are stored all or none without a transaction of their own. */
  protected abstract get atomicBatches(): boolean;

  /** Names an operation (and its model) in failure reports, and gives its result this database's failure hooks. */
  protected origin(operation: string, model?: ModelHandle<unknown, unknown>): ResultOrigin {
    return { operation, model: model && modelName(model), hooks: this.rowSource.failures };
  }

  /**
   * Stores each row, or changes the stored row it matches: one whose `on` fields (the key unless
   * given, or one Unique field) are equal. `update` says what a match sets: those fields, "all"
   * the fields the row gives (keys and `on` fields never), or "none" (the stored row stays as it
   * is and is left out of the value). Validated and all or none as `add`; the value is the rows
   * as stored now, in the order given.
   */
  upsert<R, I>(model: ModelHandle<R, I>, rows: I | readonly I[], options: UpsertOptions<R>): AsyncResult<R[]> {
    return new AsyncResult(async () => {
      const meta = metaOf(model);
      if (!this.capabilities.upsert || !this.session.upsert) {
        throw new QueryError(`${this.databaseName} cannot upsert ${meta.name} rows: its driver does not declare upsert; find the row, then add or update it`);
      }
      const plan = planConflict(meta, model, options?.on, options?.update);
      const inputs = (Array.isArray(rows) ? rows : [rows]) as unknown[];
      const valid = await validateRows(meta, inputs);
      checkDistinct(meta, plan.on, valid);
      const stored = await this.#upsertGroups(meta, valid, conflictGroups(meta, plan, inputs));
      writeBackKeys(meta, inputs, stored);
      const written = stored.filter((row): row is StoredRow => row !== undefined);
      return attachRelations(meta, hydrateAll<R & object>(meta, written), this.rowSource);
    }, this.origin("upsert", model));
  }

  /** The groups' rows upserted all or none: in one call of the driver when it can, else in a transaction. */
  async #upsertGroups(model: ModelMeta, rows: StoredRow[], groups: readonly ConflictGroup[]): Promise<(StoredRow | undefined)[]> {
    if (rows.length === 0) return [];
    if (groups.length === 1 && (rows.length === 1 || this.atomicBatches)) return this.#upsertEach(model, rows, groups);
    if (!this.capabilities.transactions) {
      throw new QueryError(`${this.databaseName} can upsert several ${model.name} rows all or none only in a transaction, and it has none: upsert them one at a time`);
    }
    return this.transaction((tx) => tx.#upsertEach(model, rows, groups));
  }

  async #upsertEach(model: ModelMeta, rows: StoredRow[], groups: readonly ConflictGroup[]): Promise<(StoredRow | undefined)[]> {
    const stored = new Array<StoredRow | undefined>(rows.length);
    const session = this.session;
    for (const { conflict, indexes } of groups) {
      const part = await (session.upsert as NonNullable<DriverSession["upsert"]>)(model, indexes.map((index) => rows[index] as StoredRow), conflict);
      indexes.forEach((index, position) => (stored[index] = part[position]));
    }
    return stored;
  }

  /** Stores several rows all or none on a database whose `add` alone does not: in a transaction of their own. */
  async #addInTransaction(model: ModelMeta, rows: StoredRow[]): Promise<StoredRow[]> {
    if (!this.capabilities.transactions) {
      throw new QueryError(`${this.databaseName} can store several ${model.name} rows all or none only in a transaction, and it has none: add them one at a time`);
    }
    return this.transaction((tx) => tx.#addAll(model, rows));
  }

  #addAll(model: ModelMeta, rows: StoredRow[]): Promise<StoredRow[]> {
    return this.session.add(model, rows);
  }

  /**
   * SQL you write, its rows mapped to a model's: ``db.sql(User)`SELECT ${User}.* FROM ${User} WHERE ${User.age} > ${18}` ``.
   * A model gives its table (schema-qualified, quoted), a field its column (quoted), anything
   * else is a bound parameter, never text. Every field of the model must have a column of its
   * name in the result; other columns are ignored. Rows are decoded and hydrated as find's are.
   * Without a model (``db.sql`...` ``) rows are plain records of the values the client gives.
   * A database that runs no SQL (MongoDB) fails it with a QueryError.
   */
  sql<R, I>(model: ModelHandle<R, I>): SqlTemplate<R>;
  sql(strings: TemplateStringsArray, ...values: unknown[]): AsyncResult<SqlRecord[]>;
  sql(first: ModelHandle<unknown, unknown> | TemplateStringsArray, ...values: unknown[]): SqlTemplate<unknown> | AsyncResult<SqlRecord[]> {
    return sqlOf({ session: () => this.session, capabilities: () => this.capabilities, databaseName: () => this.databaseName, rowSource: this.rowSource }, first, values);
  }

  /** The rows of the first model named that match: takes what `when` takes. */
  find<R>(first: ModelHandle<R, unknown> | Conditional<R>, ...rest: Conditional[]): Find<R> {
    return new Find<R>(() => this.session, toQueryNode(first, rest), this.capabilities, undefined, this.rowSource);
  }

  /** Tables for the models of a collection (the default collection when none is given). */
  schema(collection: ModelCollection = defaultCollection): SchemaOperations {
    const models = () => resolveReferences(collection.models);
    return {
      createModels: () => new AsyncResult(async () => this.session.applySchema(models()), this.origin("schema.createModels")),
      deleteModels: () => new AsyncResult(async () => this.session.deleteSchema(models()), this.origin("schema.deleteModels")),
    };
  }

  /**
   * Runs `work` in a transaction: commits when it returns, rolls back when it throws (and
   * rethrows), or when it calls `tx.rollback()`. Inside a transaction this opens a savepoint.
   * Use `tx`, not the outer object, inside `work`.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const begin = this.#beginOptions(options);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#transactionOnce(work, begin);
      } catch (error) {
        const retryable = (error instanceof TransactionError || error instanceof TimeoutError) && error.retryable;
        if (!(retryable && attempt < (options.retries ?? 0))) throw error;
      }
    }
  }

  /** The driver's begin options for `options`, checked: a timeout the database cannot keep is refused here, before anything runs. */
  #beginOptions({ isolation, statementTimeout, lockTimeout }: TransactionOptions): BeginOptions | undefined {
    if (statementTimeout === undefined && lockTimeout === undefined) return isolation ? { isolation } : undefined;
    const name = this.databaseName;
    for (const [option, value] of [["statementTimeout", statementTimeout], ["lockTimeout", lockTimeout]] as const) {
      if (value === undefined) continue;
      const problem = timeoutProblem(option, value);
      if (problem) throw new QueryError(`transaction(): ${problem}`);
    }
    if (this.root !== this) throw new QueryError("A nested transaction (a savepoint) takes no timeouts: give them to the outermost transaction");
    if (statementTimeout !== undefined && !this.capabilities.statementTimeout) {
      throw new QueryError(`transaction(): ${name} cannot stop a running statement, so it takes no statementTimeout`);
    }
    if (lockTimeout !== undefined && !this.capabilities.transactionLockTimeout) {
      throw new QueryError(`transaction(): ${name} takes no lockTimeout per transaction; set lockTimeout when connecting`);
    }
    return { isolation, statementTimeout, lockTimeout };
  }

  async #transactionOnce<T>(work: (tx: Transaction) => Promise<T>, begin: BeginOptions | undefined): Promise<T> {
    const session = await this.open(begin).catch((error: unknown) => {
      throw asTransactionError("could not begin the transaction", error);
    });
    // Once it ends, its rows load through what opened it: the enclosing transaction for a savepoint.
    const tx = new Transaction(session, this.root, this.capabilities, this.databaseName, this.rowSource);
    let value: T;
    try {
      value = await insideTransaction.run({ root: this.root, tx }, () => work(tx));
    } catch (error) {
      if (!tx.ended) await tx[END](() => session.rollback()).catch(() => undefined);
      throw error;
    }
    if (!tx.ended) {
      await tx[END](() => session.commit()).catch((error: unknown) => {
        throw asTransactionError("the transaction could not commit", error);
      });
    }
    return value;
  }
}

/** A database: the entry point of Ommi. `new Ommi(await SQLiteDriver.connect(...))`. */
export class Ommi<D extends Driver = Driver> extends Operations {
  protected readonly rowSource: RowSource;

  /** `options` watch the database: failed operations (onError, uncheckedFailures), statements (logger, slowQueryMs, tracing); see ObserveOptions. */
  constructor(
    readonly driver: D,
    options: OmmiOptions = {},
  ) {
    super();
    observeDriver(driver, options);
    this.rowSource = { session: () => this.session, failures: failureHooksFrom(options) };
  }

  protected get session(): Driver {
    this.#refuseInsideOwnTransaction();
    return this.driver;
  }

  /** On a database that serialises transactions, a call to it from its own transaction's callback would wait forever. */
  #refuseInsideOwnTransaction(): void {
    const scope = this.capabilities.serializedWrites ? insideTransaction.getStore() : undefined;
    if (scope?.root === this && !scope.tx.ended) {
      throw new TransactionError(
        `This ${this.driver.name} database is in a transaction whose callback is making this call: use the callback's tx, not db (db would wait for the transaction to end)`,
      );
    }
  }

  protected get root(): Operations {
    return this;
  }

  protected get capabilities(): DriverCapabilities {
    return this.driver.capabilities ?? NO_CAPABILITIES;
  }

  protected get atomicBatches(): boolean {
    return this.capabilities.atomicBatches === true;
  }

  protected open(options: BeginOptions | undefined): Promise<TransactionSession> {
    const driver = this.session;
    if (!this.capabilities.transactions || !driver.begin) {
      return Promise.reject(new TransactionError(`${driver.name} has no transactions, so transaction() cannot keep its operations all or none`));
    }
    return driver.begin(options);
  }

  protected get databaseName(): string {
    return this.driver.name;
  }

  /** Closes the database connection(s). */
  async close(): Promise<void> {
    await this.driver.close();
  }

  /** `await using db = new Ommi(...)`: closes the database when the block ends, as `close()` does. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** The `tx` of `db.transaction(async (tx) => ...)`: the same operations, inside the transaction. */
export class Transaction extends Operations {
  readonly #session: TransactionSession;
  #ended = false;
  /** Rows read here load their relations in the transaction while it is open, and through what opened it after. */
  protected readonly rowSource: RowSource;

  constructor(
    session: TransactionSession,
    protected readonly root: Operations,
    protected readonly capabilities: DriverCapabilities,
    protected readonly databaseName: string,
    openedBy: RowSource,
  ) {
    super();
    this.#session = session;
    this.rowSource = { session: () => (this.#ended ? openedBy.session() : this.#session), failures: openedBy.failures };
  }

  protected get session(): TransactionSession {
    if (this.#ended) throw new TransactionError("This transaction has ended; its operations can no longer run");
    return this.#session;
  }

  /** Inside a transaction every add is all or none: a failed statement dooms the whole transaction. */
  protected get atomicBatches(): boolean {
    return true;
  }

  protected open(): Promise<TransactionSession> {
    const session = this.session;
    if (!this.capabilities.savepoints || !session.savepoint) {
      return Promise.reject(new TransactionError(`${this.databaseName} has no savepoints, so a transaction cannot be nested: run the work in the one transaction`));
    }
    return session.savepoint();
  }

  /** True once the transaction committed or rolled back. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Undoes everything the transaction did and ends it; `transaction()` then returns the callback's value. */
  async rollback(): Promise<void> {
    if (this.#ended) throw new TransactionError("This transaction has already ended");
    await this[END](() => this.#session.rollback());
  }

  /** Ends the transaction once, by commit or rollback (for `transaction()`, not for users). */
  async [END](finish: () => Promise<void>): Promise<void> {
    this.#ended = true;
    await finish();
  }
}

function asTransactionError(message: string, error: unknown): TransactionError {
  if (error instanceof TransactionError) return error;
  const cause = asOmmiError(error);
  return new TransactionError(`${message}: ${cause.message}`, { cause });
}

/** Resolves every `ReferenceTo` now, so a broken one is a `ModelError` before any table is touched. */
function resolveReferences(models: readonly ModelMeta[]): readonly ModelMeta[] {
  for (const model of models) {
    for (const field of model.fields) {
      try {
        void field.reference;
      } catch (error) {
        throw error instanceof ModelError ? error : new ModelError(String(error), { cause: error });
      }
    }
  }
  return models;
}

/** The model's name for a failure report; undefined for something that is no model (its operation fails and says so). */
function modelName(model: ModelHandle<unknown, unknown>): string | undefined {
  try {
    return metaOf(model).name;
  } catch {
    return undefined;
  }
}

function writeBackKeys(model: ModelMeta, inputs: readonly unknown[], stored: readonly (StoredRow | undefined)[]): void {
  // Only generated keys can be missing from an input; most models have none to write back.
  const generated = model.keys.filter((key) => key.auto);
  if (generated.length === 0) return;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (typeof input !== "object" || input === null || !Object.isExtensible(input)) continue;
    const target = input as Record<string, unknown>;
    const row = stored[index];
    // An upsert leaves a matched row that "none" kept out of its value: there is nothing to write back.
    if (!row) continue;
    for (const key of generated) if (target[key.name] === undefined) target[key.name] = row[key.name];
  }
}
