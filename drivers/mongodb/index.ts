import type { BeginOptions, Driver, DriverCapabilities, TransactionSession } from "../../src/kit/driver.js";
import { MongoDBDriver as MongoDBDriverClass } from "./driver.js";
import type { MongoDBOptions } from "./options.js";

export type { MongoDBOptions };

// The entry states the driver's type itself, apart from the class that implements it, so that
// the published declarations hold the driver's contract and its options, none of its machinery.
// The options pass the official client's own options through (`client`), typed by the client:
// as its README says, its types need @types/node.

/**
 * MongoDB through the official client. On a standalone server (or with `transactions: false`)
 * there are no transactions, and Ommi refuses multi-row adds and transaction() with a clear error.
 */
export interface MongoDBDriver extends Driver {
  readonly name: "mongodb";
  /** What this server can do: found at connect (or, if it could not be reached then, presumed to have transactions until a transaction begins). */
  readonly capabilities: DriverCapabilities;
  begin(options?: BeginOptions): Promise<TransactionSession>;
}

export const MongoDBDriver: (abstract new (...args: never) => MongoDBDriver) & {
  /**
   * A driver for the database the options name. It asks the server what it is (`hello`), to know
   * whether it has transactions. A server that cannot be reached within
   * `serverSelectionTimeoutMS` does not fail this: every operation then fails with a
   * ConnectionError through its result, and the server is asked again when a transaction begins.
   */
  connect(options: MongoDBOptions): Promise<MongoDBDriver>;
} = MongoDBDriverClass;
