import type { PostgreSQLOptions } from "ommi/postgres";
import { openPostgres, postgresUnderTest } from "./postgres.js";
import { serverOnly, skipWithout } from "./server-suite.js";

/** Each test of the enclosing suite is skipped, with the reason, when PostgreSQL is not there; in CI that fails the run. */
export const skipWithoutPostgres = (): void => skipWithout(postgresUnderTest);

/** For tests of PostgreSQL alone (see serverOnly): `open` gives a database on a fresh schema. */
export function postgresOnly() {
  const suite = serverOnly(postgresUnderTest, (options: Omit<PostgreSQLOptions, "url" | "schema">) => openPostgres(options));
  return { open: (options: Omit<PostgreSQLOptions, "url" | "schema"> = {}) => suite.open(options) };
}
