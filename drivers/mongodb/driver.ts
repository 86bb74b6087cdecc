import type { MongoClient } from "mongodb";
import { ConnectionError, TransactionError, type BeginOptions, type Driver, type DriverCapabilities, type StatementObserver, type TransactionSession } from "../../src/kit/driver.js";
import { createClient, detectTopology, type Topology } from "./connection.js";
import { Counters } from "./counters.js";
import { fromMongoError } from "./errors.js";
import { ObservedDatabase } from "./observe.js";
import { checkOptions, type MongoDBOptions } from "./options.js";
import { KnownCollections, MongoSession, type DriverContext } from "./session.js";
import { inOwnTransaction, MongoTransaction } from "./transaction.js";

/**
 * MongoDB through the official client. insertMany is not atomic, so `atomicBatches` is not
 * declared: Ommi stores several rows in a transaction of their own, which MongoDB runs on a
 * replica set or a sharded cluster only. On a standalone server (or with `transactions: false`)
 * there are no transactions, and Ommi refuses multi-row adds and transaction() with a clear error.
 * Every operation takes a time limit (`maxTimeMS`), so `statementTimeout` is declared.
 */
export class MongoDBDriver extends MongoSession implements Driver {
  readonly name = "mongodb";
  #topology: Topology | undefined;
  #capabilities: DriverCapabilities;

  /** Made by connect(): the entry (index.ts) publishes this class with an abstract constructor, which a private one would not fit. */
  constructor(
    private readonly client: MongoClient,
    context: DriverContext,
    private readonly options: MongoDBOptions,
    topology: Topology | undefined,
    private readonly database: ObservedDatabase,
  ) {
    super(context, undefined);
    this.#topology = topology;
    this.#capabilities = this.#capabilitiesFor(topology);
  }

  /**
   * A driver for the database the options name. It asks the server what it is (`hello`), to know
   * whether it has transactions. A server that cannot be reached within
   * `serverSelectionTimeoutMS` does not fail this: every operation then fails with a
   * ConnectionError through its result, and the server is asked again when a transaction begins.
   */
  static async connect(options: MongoDBOptions): Promise<MongoDBDriver> {
    const problem = checkOptions(options);
    if (problem) throw new ConnectionError(`MongoDB options: ${problem}`);
    const client = createClient(options);
    const database = new ObservedDatabase(client.db(options.database));
    // The context is made before the driver, whose capabilities it reads once the driver exists.
    const made: { driver?: MongoDBDriver } = {};
    const context: DriverContext = {
      get db() {
        return database.db;
      },
      counters: new Counters(database),
      collections: new KnownCollections(),
      statementTimeout: options.statementTimeout,
      transactions: () => made.driver?.capabilities.transactions ?? false,
      inOwnTransaction: (work) => inOwnTransaction(client, options.isolation, work),
    };
    let topology: Topology | undefined;
    try {
      topology = await detectTopology(client);
    } catch (error) {
      if (!(error instanceof ConnectionError)) {
        await client.close().catch(() => undefined);
        throw error;
      }
    }
    made.driver = new MongoDBDriver(client, context, options, topology, database);
    return made.driver;
  }

  /** What this server can do: found at connect (or, if it could not be reached then, presumed to have transactions until a transaction begins). */
  get capabilities(): DriverCapabilities {
    return this.#capabilities;
  }

  #capabilitiesFor(topology: Topology | undefined): DriverCapabilities {
    const transactions = this.options.transactions !== false && (topology?.transactions ?? true);
    // No foreignKeys (MongoDB enforces no references) and no sharedNamespace (index names are per collection).
    return Object.freeze({ transactions, statementTimeout: true, upsert: true, updateReturning: true, increments: true });
  }

  async begin(options: BeginOptions = {}): Promise<TransactionSession> {
    if (this.options.transactions === false) throw new TransactionError("Transactions are turned off for this MongoDB driver (the transactions: false option)");
    if (!this.#topology) {
      this.#topology = await detectTopology(this.client);
      this.#capabilities = this.#capabilitiesFor(this.#topology);
    }
    if (!this.#topology.transactions) {
      throw new TransactionError("MongoDB runs transactions on a replica set or a sharded cluster only, and this server is standalone (a single-node replica set has them: start mongod with --replSet)");
    }
    try {
      return await MongoTransaction.begin(this.client, this.context, options, this.options.isolation);
    } catch (error) {
      throw fromMongoError(error, "beginning a transaction");
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Every command the driver and its transactions send for Ommi's operations goes to `observer` (observe.ts); see Driver.observe. */
  observe(observer: StatementObserver | undefined): void {
    this.database.observe(observer);
  }
}
