import { ConnectionError, transactionDoomed, transactionEnded, type OmmiError, type TransactionSession } from "../../src/kit/driver.js";
import type { TransactionConnection } from "./connection.js";
import type { Engine } from "./engine.js";
import { SqlSession } from "./session.js";

/**
 * A transaction (depth 0) or a savepoint inside one (depth 1, 2, ...), on every SQL database:
 * - once committed or rolled back it has ended, and every call fails;
 * - a failed operation dooms it, as PostgreSQL does by itself: its other calls fail and it can
 *   only roll back, and a commit rolls back and throws. One rule on every database keeps code
 *   that works on one working on all; a nested `tx.transaction(...)` is the way to try
 *   something that may fail and go on;
 * - once its connection is lost (the database rolled it back), every call fails with that;
 * - its savepoints are named by depth, `ommi_1`, `ommi_2`, ...
 */
export class SqlTransaction<H> extends SqlSession<H, TransactionConnection<H>> implements TransactionSession {
  #ended = false;
  /** The first failed call, when this transaction dooms itself (see `failed`). */
  #failure: OmmiError | undefined;

  constructor(
    engine: Engine<H>,
    connection: TransactionConnection<H>,
    private readonly depth: number,
    /** Whether the database aborts a failed transaction itself; otherwise this does (see DriverConnection). */
    private readonly databaseAborts: boolean,
  ) {
    super(engine, connection);
  }

  protected override blocked(): Promise<unknown> | undefined {
    if (this.#ended) return Promise.reject(transactionEnded());
    const lost = this.connection.lostError();
    if (lost) return Promise.reject(lost);
    if (this.#failure) return Promise.reject(transactionDoomed(this.#failure));
    return this.connection.blocked();
  }

  protected override failed(error: OmmiError): void {
    if (!this.databaseAborts) this.#failure ??= error;
    if (error instanceof ConnectionError) this.connection.markLost();
  }

  /** A savepoint: it keeps the transaction's isolation level, so it takes no options. One that fails to open dooms nothing. */
  async savepoint(): Promise<TransactionSession> {
    for (let waiting = this.blocked(); waiting; waiting = this.blocked()) await waiting;
    const depth = this.depth + 1;
    try {
      const opening = this.connection.savepoint(`ommi_${depth}`);
      const opened = opening instanceof Promise ? await opening : opening;
      return new SqlTransaction(this.engine, opened, depth, this.databaseAborts);
    } catch (error) {
      if (error instanceof ConnectionError) this.connection.markLost();
      throw error;
    }
  }

  async commit(): Promise<void> {
    const failure = this.#failure;
    if (failure) {
      await this.rollback();
      throw transactionDoomed(failure);
    }
    this.#end();
    const ending = this.connection.commit();
    if (ending instanceof Promise) await ending;
  }

  async rollback(): Promise<void> {
    this.#end();
    const ending = this.connection.rollback();
    if (ending instanceof Promise) await ending;
  }

  #end(): void {
    if (this.#ended) throw transactionEnded();
    this.#ended = true;
  }
}
