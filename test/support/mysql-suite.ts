import type { MySQLOptions } from "ommi/mysql";
import { mysqlUnderTest, openMySQL } from "./mysql.js";
import { serverOnly } from "./server-suite.js";

/** For tests of MySQL/MariaDB alone (see serverOnly): `open` gives a database of its own. */
export function mysqlOnly() {
  const suite = serverOnly(mysqlUnderTest, (options: Omit<MySQLOptions, "url" | "database">) => openMySQL(options));
  return { open: (options: Omit<MySQLOptions, "url" | "database"> = {}) => suite.open(options) };
}
