import { afterEach, beforeAll, beforeEach } from "vitest";
import { ModelCollection, Ommi } from "ommi";
import type { PostgreSQLOptions } from "ommi/postgres";
import { openPostgres, postgresUnderTest } from "./postgres.js";

/**
 * For tests of PostgreSQL alone: skipped, loudly, when the server is not there, and failing
 * the run in CI (CI=true), as the conformance suite does. `open` gives a database on a fresh
 * schema with the options asked for; everything opened is disposed after each test.
 */
export function postgresOnly() {
  let unavailable: string | undefined;
  const opened: { dispose(): Promise<void> }[] = [];
  beforeAll(async () => {
    unavailable = await postgresUnderTest.unavailable();
    if (unavailable && process.env.CI === "true") throw new Error(`postgres is required in CI: ${unavailable}`);
    if (unavailable) console.warn(`\n!!! SKIPPING postgres: ${unavailable}\n`);
  });
  beforeEach((test) => {
    if (unavailable) test.skip(unavailable);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.dispose()));
  });
  return {
    async open(options: Omit<PostgreSQLOptions, "url" | "schema"> = {}) {
      const database = await openPostgres(options);
      opened.push(database);
      const collection = new ModelCollection();
      const db = new Ommi(database.driver);
      return { db, collection, create: () => db.schema(collection).createModels().raiseOnErrors() };
    },
  };
}
