import type { BeginOptions, Driver, DriverCapabilities, TransactionSession } from "../../src/kit/driver.js";
import { PostgreSQLDriver as PostgreSQLDriverClass } from "./driver.js";
import type { PostgreSQLOptions } from "./options.js";

export type { PostgreSQLOptions };

// The entry states the driver's type itself, apart from the class that implements it, so that
// the published declarations name nothing of postgres.js (whose types need @types/node) or of
// the SQL engine (Drizzle): an app compiles without skipLibCheck.

/**
 * PostgreSQL through postgres.js, on a pool of connections. Statements run as named prepared
 * statements with bound values. A transaction takes one connection of its own for its whole
 * life, so other operations go on meanwhile (on the other connections), as PostgreSQL allows.
 */
export interface PostgreSQLDriver extends Driver {
  readonly name: "postgres";
  readonly capabilities: DriverCapabilities;
  begin(options?: BeginOptions): Promise<TransactionSession>;
}

export const PostgreSQLDriver: (abstract new (...args: never) => PostgreSQLDriver) & {
  /**
   * A driver for the database the options name. Nothing is contacted yet: a server that cannot
   * be reached, or refuses the credentials, fails the first operation with a ConnectionError.
   */
  connect(options?: PostgreSQLOptions): Promise<PostgreSQLDriver>;
} = PostgreSQLDriverClass;
