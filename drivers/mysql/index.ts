import type { BeginOptions, Driver, DriverCapabilities, TransactionSession } from "../../src/kit/driver.js";
import { MySQLDriver as MySQLDriverClass } from "./driver.js";
import type { MySQLOptions } from "./options.js";

export type { MySQLOptions };

// The entry states the driver's type itself, apart from the class that implements it, so that
// the published declarations name nothing of mysql2 or of the SQL engine (Drizzle).

/**
 * MySQL and MariaDB through mysql2, on a pool of connections. Statements run as prepared
 * statements with bound values. A transaction takes one connection of its own for its whole
 * life, so other operations go on meanwhile (on the other connections).
 */
export interface MySQLDriver extends Driver {
  readonly name: "mysql";
  readonly capabilities: DriverCapabilities;
  begin(options?: BeginOptions): Promise<TransactionSession>;
}

export const MySQLDriver: (abstract new (...args: never) => MySQLDriver) & {
  /**
   * A driver for the database the options name. Nothing is contacted yet: a server that cannot
   * be reached, or refuses the credentials, fails the first operation with a ConnectionError.
   */
  connect(options?: MySQLOptions): Promise<MySQLDriver>;
} = MySQLDriverClass;
