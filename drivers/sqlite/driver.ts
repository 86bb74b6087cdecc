import Database from "better-sqlite3";
import type { Driver, DriverCapabilities, DriverSession, PreparedPatch, StoredRow, TransactionSession } from "../../src/kit/driver.js";
import { ConnectionError, TransactionError, type OmmiError } from "../../src/kit/driver.js";
import type { ModelMeta } from "../../src/kit/driver.js";
import type { PreparedQuery } from "../../src/kit/driver.js";
import { SQLiteEngine } from "./engine.js";
import { fromSqliteError } from "./errors.js";
import { EventLoopTurns } from "./event-loop-turns.js";
import { registerFunctions } from "./functions.js";
import { timeoutProblem } from "../../src/kit/driver.js";

export interface SQLiteOptions {
  /** A file path, or ":memory:" for a database that lives as long as the driver. */
  filename: string;
  /** Open read-only. */
  readonly?: boolean;
  /**
   * Milliseconds a statement waits for a lock another connection holds (another process, or
   * another driver on the same file) before failing with a retryable TimeoutError (limit "lock");
   * 5,000 unless given. SQLite waits in this thread: nothing else runs meanwhile.
   */
  lockTimeout?: number;
  /** The former name of `lockTimeout`, still taken. */
  busyTimeout?: number;
}

/**
 * Milliseconds of busy SQLite work after which operations let the event loop run its timers and
 * I/O (see EventLoopTurns): the longest they wait, plus the operation running at that moment.
 * A turn costs a few microseconds of CPU (tens on a loaded machine), so at 4 ms turns cost well
 * under 1% of throughput; at 1 ms they cost several percent (measured with
 * .scratch/event-loop/measure.ts).
 */
const EVENT_LOOP_BUDGET_MS = 4;

const CAPABILITIES: DriverCapabilities = Object.freeze({ transactions: true, savepoints: true, serializedWrites: true, atomicBatches: true });

/** Operations shared by the driver and its transactions; `ready()` says when they may run. */
abstract class SQLiteSession implements DriverSession {
  constructor(
    protected readonly engine: SQLiteEngine,
    /** The connection's one budget of busy time, shared by the driver and its transactions. */
    protected readonly turns: EventLoopTurns,
  ) {}

  /** Resolves when this session may use the connection. */
  protected abstract ready(): Promise<void> | undefined;

  /**
   * Undefined when this session may use the connection now; otherwise what to wait for before
   * asking again: its turn (`ready()`), or the event loop's turn after a long busy stretch.
   */
  protected blocked(): Promise<void> | undefined {
    return this.ready() ?? this.turns.due();
  }

  /** Called when an operation of this session failed in the database. */
  protected failed(_error: OmmiError): void {}

  /** Runs `work` when the connection is free; `action` and `subject` name it in an error (joined only then: this is the hot path). */
  #run<T>(action: string, subject: string | undefined, work: () => T): Promise<T> {
    const waiting = this.blocked();
    if (waiting) return waiting.then(() => this.#runAfterWaiting(action, subject, work));
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(this.#failure(error, action, subject));
    }
  }

  /**
   * Ask again after every wait: another caller may begin a transaction meanwhile, and the work
   * must not run inside it. Only a synchronous "ready" right before the work counts. Gives the
   * value itself when the work ran, which spares the `then` that called it adopting a promise.
   */
  #runAfterWaiting<T>(action: string, subject: string | undefined, work: () => T): T | Promise<T> {
    const waiting = this.blocked();
    if (waiting) return waiting.then(() => this.#runAfterWaiting(action, subject, work));
    try {
      return work();
    } catch (error) {
      throw this.#failure(error, action, subject);
    }
  }

  #failure(error: unknown, action: string, subject: string | undefined): OmmiError {
    const failure = fromSqliteError(error, subject === undefined ? action : `${action} ${subject}`);
    this.failed(failure);
    return failure;
  }

  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    return this.#run("adding", model.name, () => this.engine.add(model, rows));
  }
  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    return this.#run("finding", query.node.model.name, () => this.engine.fetch(query));
  }
  count(query: PreparedQuery): Promise<number> {
    return this.#run("counting", query.node.model.name, () => this.engine.count(query));
  }
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    return this.#run("updating", query.node.model.name, () => this.engine.update(query, patch));
  }
  delete(query: PreparedQuery): Promise<number> {
    return this.#run("deleting", query.node.model.name, () => this.engine.delete(query));
  }
  applySchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("creating tables", undefined, () => this.engine.applySchema(models));
  }
  deleteSchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("dropping tables", undefined, () => this.engine.deleteSchema(models));
  }

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
  /** One connection: other operations wait while a transaction is open (see `Ommi.transaction`). */
  readonly capabilities = CAPABILITIES;
  #open: Promise<void> | undefined;
  /** Set by close(): nothing new starts, the open transaction (if any) may finish. */
  #closing = false;

  private constructor(engine: SQLiteEngine) {
    super(engine, new EventLoopTurns(EVENT_LOOP_BUDGET_MS));
  }

  /** Opens (creating if needed) the database file, or an in-memory database for ":memory:". */
  static connect(options: SQLiteOptions): Promise<SQLiteDriver> {
    const { lockTimeout, busyTimeout } = options;
    const problem = lockTimeout === undefined ? undefined : timeoutProblem("lockTimeout", lockTimeout);
    if (problem) return Promise.reject(new ConnectionError(`SQLite options: ${problem}`));
    if (lockTimeout !== undefined && busyTimeout !== undefined && lockTimeout !== busyTimeout) {
      return Promise.reject(new ConnectionError("SQLite options: give lockTimeout or busyTimeout (its former name), not both"));
    }
    try {
      const db = new Database(options.filename, { readonly: options.readonly ?? false, timeout: lockTimeout ?? busyTimeout ?? 5000 });
      if (options.filename !== ":memory:" && !options.readonly) db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      registerFunctions(db);
      return Promise.resolve(new SQLiteDriver(new SQLiteEngine(db)));
    } catch (error) {
      return Promise.reject(new ConnectionError(`Could not open SQLite database ${JSON.stringify(options.filename)}: ${String(error)}`, { cause: error }));
    }
  }

  protected ready(): Promise<void> | undefined {
    // Only close() closes the connection, and it sets #closing first: reading that flag spares
    // the hot path a call into better-sqlite3 (`db.open`).
    if (this.#closing) return Promise.reject(new ConnectionError("The SQLite database is closed"));
    return this.#open ? this.#waitForTransactions() : undefined;
  }

  async #waitForTransactions(): Promise<void> {
    while (this.#open) await this.#open;
  }

  async begin(): Promise<TransactionSession> {
    for (let waiting = this.blocked(); waiting; waiting = this.blocked()) await waiting;
    this.control("BEGIN");
    let release!: () => void;
    this.#open = new Promise<void>((resolve) => (release = resolve));
    return new SQLiteTransaction(this.engine, this.turns, 0, () => {
      this.#open = undefined;
      release();
    });
  }

  /**
   * Calls that have not started fail with `ConnectionError`, an open transaction may finish,
   * then the connection closes. Without `#closing`, close() would also wait for every
   * transaction queued before it, however long their callbacks take.
   */
  async close(): Promise<void> {
    this.#closing = true;
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
    turns: EventLoopTurns,
    private readonly depth: number,
    private readonly onEnd: () => void,
  ) {
    super(engine, turns);
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

  async savepoint(): Promise<TransactionSession> {
    for (let waiting = this.blocked(); waiting; waiting = this.blocked()) await waiting;
    const savepoint = `ommi_${this.depth + 1}`;
    this.control(`SAVEPOINT ${savepoint}`);
    return new SQLiteTransaction(this.engine, this.turns, this.depth + 1, () => undefined);
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

  /** Ending never waits for an event-loop turn: it frees the connection for everyone waiting. */
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
