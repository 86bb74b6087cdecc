import Database from "better-sqlite3";
import type { Driver, DriverSession, PreparedPatch, StoredRow, TransactionSession } from "../../src/driver.js";
import { ConnectionError, TransactionError, type OmmiError } from "../../src/errors.js";
import type { ModelMeta } from "../../src/model/meta.js";
import type { PreparedQuery } from "../../src/query/prepare.js";
import { SQLiteEngine } from "./engine.js";
import { fromSqliteError } from "./errors.js";
import { registerFunctions } from "./functions.js";

export interface SQLiteOptions {
  /** A file path, or ":memory:" for a database that lives as long as the driver. */
  filename: string;
  /** Open read-only. */
  readonly?: boolean;
  /** Milliseconds to wait for another process's lock before failing; 5,000 unless given. */
  busyTimeout?: number;
}

/** Operations shared by the driver and its transactions; `ready()` says when they may run. */
abstract class SQLiteSession implements DriverSession {
  constructor(protected readonly engine: SQLiteEngine) {}

  /** Resolves when this session may use the connection. */
  protected abstract ready(): Promise<void> | undefined;

  /** Called when an operation of this session failed in the database. */
  protected failed(_error: OmmiError): void {}

  #run<T>(doing: string, work: () => T): Promise<T> {
    // Ask again after every wait: another caller may begin a transaction meanwhile, and the
    // work must not run inside it. Only a synchronous "ready" right before the work counts.
    const waiting = this.ready();
    if (waiting) return waiting.then(() => this.#run(doing, work));
    try {
      return Promise.resolve(work());
    } catch (error) {
      const failure = fromSqliteError(error, doing);
      this.failed(failure);
      return Promise.reject(failure);
    }
  }

  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    return this.#run(`adding ${model.name}`, () => this.engine.add(model, rows));
  }
  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    return this.#run(`finding ${query.node.model.name}`, () => this.engine.fetch(query));
  }
  count(query: PreparedQuery): Promise<number> {
    return this.#run(`counting ${query.node.model.name}`, () => this.engine.count(query));
  }
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    return this.#run(`updating ${query.node.model.name}`, () => this.engine.update(query, patch));
  }
  delete(query: PreparedQuery): Promise<number> {
    return this.#run(`deleting ${query.node.model.name}`, () => this.engine.delete(query));
  }
  applySchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("creating tables", () => this.engine.applySchema(models));
  }
  deleteSchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("dropping tables", () => this.engine.deleteSchema(models));
  }

  abstract begin(): Promise<TransactionSession>;

  /** Runs SQL that controls the transaction, on the connection. */
  protected control(statement: string): void {
    try {
      this.engine.db.exec(statement);
    } catch (error) {
      throw fromSqliteError(error, statement);
    }
  }
}

/**
 * SQLite through better-sqlite3, on one connection. SQLite runs one writer at a time, so while
 * a transaction is open the driver's other operations wait for it to end: they neither see its
 * uncommitted rows nor slip their own writes into it.
 */
export class SQLiteDriver extends SQLiteSession implements Driver {
  readonly name = "sqlite";
  /** Other operations wait while a transaction is open; see `Ommi.transaction`. */
  readonly serializesTransactions = true;
  #open: Promise<void> | undefined;

  private constructor(engine: SQLiteEngine) {
    super(engine);
  }

  /** Opens (creating if needed) the database file, or an in-memory database for ":memory:". */
  static connect(options: SQLiteOptions): Promise<SQLiteDriver> {
    try {
      const db = new Database(options.filename, { readonly: options.readonly ?? false, timeout: options.busyTimeout ?? 5000 });
      if (options.filename !== ":memory:" && !options.readonly) db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      registerFunctions(db);
      return Promise.resolve(new SQLiteDriver(new SQLiteEngine(db)));
    } catch (error) {
      return Promise.reject(new ConnectionError(`Could not open SQLite database ${JSON.stringify(options.filename)}: ${String(error)}`, { cause: error }));
    }
  }

  protected ready(): Promise<void> | undefined {
    if (!this.engine.db.open) return Promise.reject(new ConnectionError("The SQLite database is closed"));
    return this.#open ? this.#waitForTransactions() : undefined;
  }

  async #waitForTransactions(): Promise<void> {
    while (this.#open) await this.#open;
  }

  async begin(): Promise<TransactionSession> {
    for (let waiting = this.ready(); waiting; waiting = this.ready()) await waiting;
    this.control("BEGIN");
    let release!: () => void;
    this.#open = new Promise<void>((resolve) => (release = resolve));
    return new SQLiteTransaction(this.engine, 0, () => {
      this.#open = undefined;
      release();
    });
  }

  async close(): Promise<void> {
    await this.#waitForTransactions();
    if (this.engine.db.open) this.engine.db.close();
  }
}

/** A transaction (depth 0) or a savepoint inside one (depth 1, 2, ...). */
class SQLiteTransaction extends SQLiteSession implements TransactionSession {
  #ended = false;
  #failure: OmmiError | undefined;

  constructor(
    engine: SQLiteEngine,
    private readonly depth: number,
    private readonly onEnd: () => void,
  ) {
    super(engine);
  }

  protected ready(): Promise<void> | undefined {
    if (this.#ended) return Promise.reject(new TransactionError("This transaction has ended"));
    if (this.#failure) return Promise.reject(abortedBy(this.#failure));
    return undefined;
  }

  /**
   * A failed operation dooms the transaction, as PostgreSQL does: its other calls fail and it can
   * only roll back. One rule on every database keeps code that works on one working on all;
   * a nested `tx.transaction(...)` is the way to try something that may fail and go on.
   */
  protected override failed(error: OmmiError): void {
    this.#failure ??= error;
  }

  async begin(): Promise<TransactionSession> {
    await this.ready();
    const savepoint = `ommi_${this.depth + 1}`;
    this.control(`SAVEPOINT ${savepoint}`);
    return new SQLiteTransaction(this.engine, this.depth + 1, () => undefined);
  }

  async commit(): Promise<void> {
    const failure = this.#failure;
    if (!failure) return this.#end(this.depth === 0 ? "COMMIT" : `RELEASE ommi_${this.depth}`);
    await this.rollback();
    throw abortedBy(failure);
  }

  rollback(): Promise<void> {
    return this.#end(this.depth === 0 ? "ROLLBACK" : `ROLLBACK TO ommi_${this.depth}; RELEASE ommi_${this.depth}`);
  }

  #end(statement: string): Promise<void> {
    if (this.#ended) return Promise.reject(new TransactionError("This transaction has ended"));
    this.#ended = true;
    try {
      this.control(statement);
      return Promise.resolve();
    } catch (error) {
      // A failed COMMIT leaves SQLite's transaction open; roll it back so the connection is usable.
      if (this.depth === 0 && this.engine.db.inTransaction) this.engine.db.exec("ROLLBACK");
      return Promise.reject(error instanceof Error ? error : new TransactionError(String(error)));
    } finally {
      this.onEnd();
    }
  }
}

function abortedBy(failure: OmmiError): TransactionError {
  return new TransactionError(`An earlier call in this transaction failed, so it can only roll back: ${failure.message}`, { cause: failure });
}
