import type { BeginOptions, Driver, DriverCapabilities, StatementObserver, TransactionSession } from "../../src/kit/driver.js";
import type { DriverConnection } from "./connection.js";
import type { Engine } from "./engine.js";
import { SqlSession } from "./session.js";
import { SqlTransaction } from "./transaction.js";

/**
 * A SQL driver: the shared operations (SqlSession) on the driver's own connection, and
 * transactions (SqlTransaction) it opens. A dialect's driver names itself, declares its
 * capabilities and connects; everything else is here or in its connection and runner.
 */
export abstract class SqlDriver<H> extends SqlSession<H, DriverConnection<H>> implements Driver {
  abstract readonly name: string;
  abstract readonly capabilities: DriverCapabilities;

  constructor(engine: Engine<H>, connection: DriverConnection<H>) {
    super(engine, connection);
  }

  async begin(options?: BeginOptions): Promise<TransactionSession> {
    for (let waiting = this.blocked(); waiting; waiting = this.blocked()) await waiting;
    const opening = this.connection.begin(options);
    const opened = opening instanceof Promise ? await opening : opening;
    return new SqlTransaction(this.engine, opened, 0, this.connection.abortsFailedTransactions);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  /** Every statement of the driver and of its transactions (they share its engine) goes to `observer`; see Driver.observe. */
  observe(observer: StatementObserver | undefined): void {
    this.engine.observe?.(observer);
  }
}
