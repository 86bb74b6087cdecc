import { MongoError, type ClientSession, type MongoClient, type ReadConcernLevel, type TransactionOptions } from "mongodb";
import { ConnectionError, transactionDoomed, transactionEnded, TransactionError, type BeginOptions, type IsolationLevel, type OmmiError, type TransactionSession } from "../../src/kit/driver.js";
import { fromMongoError } from "./errors.js";
import { MongoSession, type DriverContext } from "./session.js";

/**
 * The read concern of each isolation level. A MongoDB transaction always reads one snapshot when
 * its read concern is "snapshot", and sees majority-committed data otherwise; writes that
 * conflict with a concurrent transaction's fail it (a retryable TransactionError). MongoDB has
 * snapshot isolation, not SQL's serializable: "serializable" gets a snapshot too, and two
 * transactions that each read what the other writes (write skew) both commit.
 */
const READ_CONCERNS: Readonly<Record<IsolationLevel, ReadConcernLevel>> = {
  "read committed": "majority",
  "repeatable read": "snapshot",
  serializable: "snapshot",
};

/** The client's transaction options for an isolation level: snapshot reads unless "read committed" is asked for. */
export function transactionOptions(isolation: IsolationLevel | undefined): TransactionOptions {
  const level = isolation === undefined ? "snapshot" : READ_CONCERNS[isolation];
  if (level === undefined) throw new TransactionError(`${JSON.stringify(isolation)} is not an isolation level (${Object.keys(READ_CONCERNS).join(", ")})`);
  return { readConcern: { level }, writeConcern: { w: "majority" } };
}

/**
 * Runs `work` in a transaction of its own on a new client session (for an operation that must be
 * atomic when no transaction was begun): committed when it succeeds, aborted when it throws.
 */
export async function inOwnTransaction<T>(client: MongoClient, isolation: IsolationLevel | undefined, work: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = client.startSession();
  try {
    session.startTransaction(transactionOptions(isolation));
    let result: T;
    try {
      result = await work(session);
    } catch (error) {
      await session.abortTransaction().catch(() => undefined);
      throw error;
    }
    await session.commitTransaction();
    return result;
  } finally {
    await session.endSession().catch(() => undefined);
  }
}

/**
 * A MongoDB transaction over one client session (`startTransaction`, then commit or abort).
 * MongoDB has no savepoints, so it cannot nest. Like Ommi's SQL transactions (and as MongoDB
 * itself aborts a transaction after most failed writes): once a call fails in the database, the
 * transaction is doomed, its later calls fail and its commit rolls back and throws. A client
 * session runs one operation at a time, so its calls are queued.
 */
export class MongoTransaction extends MongoSession implements TransactionSession {
  #ended = false;
  #failure: OmmiError | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(context: DriverContext, private readonly session: ClientSession, statementTimeout: number | undefined) {
    super(context, session, statementTimeout);
  }

  /**
   * Begins a transaction. The client asks nothing of the server until the first operation, so
   * this yields to the event loop once, as a BEGIN sent to a database would: a loop of
   * transactions that do nothing must not starve timers and I/O.
   */
  static async begin(client: MongoClient, context: DriverContext, options: BeginOptions, isolation: IsolationLevel | undefined): Promise<MongoTransaction> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const settings = transactionOptions(options.isolation ?? isolation);
    const session = client.startSession();
    try {
      session.startTransaction(settings);
    } catch (error) {
      void session.endSession();
      throw fromMongoError(error, "beginning a transaction");
    }
    return new MongoTransaction(context, session, options.statementTimeout ?? context.statementTimeout);
  }

  protected override beforeCall(): Promise<void> | undefined {
    if (this.#ended) return Promise.reject(transactionEnded());
    if (this.#failure) return Promise.reject(transactionDoomed(this.#failure));
    return undefined;
  }

  protected override failed(error: OmmiError): void {
    this.#failure ??= error;
  }

  protected override serialize<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async commit(): Promise<void> {
    const failure = this.#failure;
    if (failure) {
      await this.rollback();
      throw transactionDoomed(failure);
    }
    this.#end();
    try {
      await this.#queue;
      await this.session.commitTransaction();
    } catch (error) {
      const cause = fromMongoError(error, "committing");
      if (cause instanceof ConnectionError) throw cause;
      const retryable = error instanceof MongoError && (error.hasErrorLabel("TransientTransactionError") || error.hasErrorLabel("UnknownTransactionCommitResult"));
      throw new TransactionError(`The transaction could not commit: ${cause.message}`, { cause, retryable });
    } finally {
      await this.session.endSession().catch(() => undefined);
    }
  }

  async rollback(): Promise<void> {
    this.#end();
    try {
      await this.#queue;
      await this.session.abortTransaction();
    } catch (error) {
      // A lost connection leaves nothing to abort: the server aborts the transaction when it times out.
      const failure = fromMongoError(error, "rolling back");
      if (!(failure instanceof ConnectionError)) throw failure;
    } finally {
      await this.session.endSession().catch(() => undefined);
    }
  }

  #end(): void {
    if (this.#ended) throw transactionEnded();
    this.#ended = true;
  }
}
