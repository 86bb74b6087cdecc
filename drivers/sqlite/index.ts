import type { BeginOptions, Driver, DriverCapabilities, TransactionSession } from "../../src/kit/driver.js";
import { SQLiteDriver as SQLiteDriverClass } from "./driver.js";
import type { SQLiteOptions } from "./options.js";

export type { SQLiteOptions };

// The entry states the driver's type itself, apart from the class that implements it, so that
// the published declarations name nothing of better-sqlite3 or of the SQL engine (Drizzle): an
// app compiles without @types/better-sqlite3 and without skipLibCheck.

/**
 * SQLite through better-sqlite3, on one connection. SQLite runs one writer at a time, so while
 * a transaction is open the driver's other operations wait for it to end.
 */
export interface SQLiteDriver extends Driver {
  readonly name: "sqlite";
  readonly capabilities: DriverCapabilities;
  begin(options?: BeginOptions): Promise<TransactionSession>;
}

export const SQLiteDriver: (abstract new (...args: never) => SQLiteDriver) & {
  /** Opens (creating if needed) the database file, or an in-memory database for ":memory:". */
  connect(options: SQLiteOptions): Promise<SQLiteDriver>;
} = SQLiteDriverClass;
