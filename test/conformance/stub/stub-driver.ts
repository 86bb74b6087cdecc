import type { Driver, DriverCapabilities, DriverSession, TransactionSession } from "ommi/driver";
import { SQLiteDriver } from "ommi/sqlite";

/** The operations every driver has, handed to another driver's session. */
function forward(session: DriverSession): DriverSession {
  return {
    add: (model, rows) => session.add(model, rows),
    fetch: (query) => session.fetch(query),
    count: (query) => session.count(query),
    update: (query, patch) => session.update(query, patch),
    delete: (query) => session.delete(query),
    applySchema: (models) => session.applySchema(models),
    deleteSchema: (models) => session.deleteSchema(models),
  };
}

/**
 * A stub driver that stores through an in-memory SQLite database but declares only
 * `capabilities` (none unless given): Ommi refuses, as documented, what it does not declare.
 * What SQLite is, rather than offers (its foreign keys, its one namespace of names), it keeps.
 */
export async function connectStub(given: DriverCapabilities = {}): Promise<Driver> {
  const sqlite = await SQLiteDriver.connect({ filename: ":memory:" });
  const { foreignKeys, sharedNamespace } = sqlite.capabilities;
  const capabilities: DriverCapabilities = { foreignKeys, sharedNamespace, ...given };
  const driver: Driver = { ...forward(sqlite), name: "stub", capabilities, close: () => sqlite.close() };
  if (!capabilities.transactions) return driver;
  // Transactions without savepoint(): this stub has none to offer.
  const begin = async (): Promise<TransactionSession> => {
    const transaction = await sqlite.begin();
    return { ...forward(transaction), commit: () => transaction.commit(), rollback: () => transaction.rollback() };
  };
  return { ...driver, begin };
}
