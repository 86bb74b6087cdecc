import type Database from "better-sqlite3";
import { ConnectionError, type OmmiError } from "../../src/kit/driver.js";
import type { Atomically, DriverConnection, TransactionConnection } from "../sql/connection.js";
import type { MaybePromise } from "../sql/maybe-promise.js";
import { fromSqliteError } from "./errors.js";
import type { EventLoopTurns } from "./event-loop-turns.js";

/** Runs SQL that controls a transaction; its error names the statement. */
function control(db: Database.Database, statement: string): void {
  try {
    db.exec(statement);
  } catch (error) {
    throw fromSqliteError(error, statement);
  }
}

/**
 * The driver's one better-sqlite3 connection. SQLite runs one writer at a time, so while a
 * transaction is open the driver's other calls wait for it to end: they neither see its
 * uncommitted rows nor slip their own writes into it. Every call, the transaction's too, also
 * waits for the event loop's turn after a long busy stretch (see EventLoopTurns).
 */
export class SQLiteConnection implements DriverConnection<Database.Database> {
  /** SQLite lets a transaction go on after a failed statement; the shared transaction dooms it instead. */
  readonly abortsFailedTransactions = false;
  #open: Promise<void> | undefined;
  /** Set by close(): nothing new starts, the open transaction (if any) may finish. */
  #closing = false;

  constructor(
    readonly db: Database.Database,
    /** The connection's one budget of busy time, shared by the driver and its transactions. */
    readonly turns: EventLoopTurns,
  ) {}

  blocked(): Promise<void> | undefined {
    // Only close() closes the connection, and it sets #closing first: reading that flag spares
    // the hot path a call into better-sqlite3 (`db.open`).
    if (this.#closing) return Promise.reject(new ConnectionError("The SQLite database is closed"));
    return this.#open ? this.#waitForTransactions() : this.turns.due();
  }

  async #waitForTransactions(): Promise<void> {
    while (this.#open) await this.#open;
  }

  run<T>(work: (on: Database.Database) => MaybePromise<T>): MaybePromise<T> {
    return work(this.db);
  }

  /**
   * better-sqlite3's transaction function: a transaction of its own, or a savepoint inside the
   * open one. It refuses work that returns a promise: SQLite's work is synchronous, in one turn.
   */
  readonly atomically: Atomically<Database.Database> = (work) => this.db.transaction(() => work(this.db))();

  error(error: unknown, doing: string): OmmiError {
    return fromSqliteError(error, doing);
  }

  begin(): SQLiteTransaction {
    control(this.db, "BEGIN");
    let release!: () => void;
    this.#open = new Promise<void>((resolve) => (release = resolve));
    return new SQLiteTransaction(this, undefined, () => {
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
    if (this.db.open) this.db.close();
  }
}

/** A transaction (`savepoint` undefined) or a savepoint inside one, on the driver's connection. */
class SQLiteTransaction implements TransactionConnection<Database.Database> {
  constructor(
    private readonly connection: SQLiteConnection,
    private readonly savepointName: string | undefined,
    /** Frees the connection for the calls waiting for this transaction; after every end. */
    private readonly onEnd: () => void,
  ) {}

  blocked(): Promise<void> | undefined {
    return this.connection.turns.due();
  }

  run<T>(work: (on: Database.Database) => MaybePromise<T>): MaybePromise<T> {
    return work(this.connection.db);
  }

  get atomically(): Atomically<Database.Database> {
    return this.connection.atomically;
  }

  error(error: unknown, doing: string): OmmiError {
    return fromSqliteError(error, doing);
  }

  /** One in-process connection: a transaction never loses it. */
  lostError(): undefined {
    return undefined;
  }

  markLost(): void {}

  savepoint(name: string): SQLiteTransaction {
    control(this.connection.db, `SAVEPOINT ${name}`);
    return new SQLiteTransaction(this.connection, name, () => undefined);
  }

  commit(): void {
    const name = this.savepointName;
    this.#end(name === undefined ? "COMMIT" : `RELEASE ${name}`);
  }

  rollback(): void {
    const name = this.savepointName;
    this.#end(name === undefined ? "ROLLBACK" : `ROLLBACK TO ${name}; RELEASE ${name}`);
  }

  /** Ending never waits for an event-loop turn: it frees the connection for everyone waiting. */
  #end(statement: string): void {
    const { db } = this.connection;
    try {
      control(db, statement);
    } catch (error) {
      // A failed COMMIT leaves SQLite's transaction open; roll it back so the connection is usable.
      if (this.savepointName === undefined && db.inTransaction) db.exec("ROLLBACK");
      throw error;
    } finally {
      this.onEnd();
    }
  }
}
