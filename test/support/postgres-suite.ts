import { afterEach, beforeEach } from "vitest";
import { ModelCollection, Ommi } from "ommi";
import type { PostgreSQLOptions } from "ommi/postgres";
import { requireService } from "./availability.js";
import { openPostgres, postgresUnderTest } from "./postgres.js";

/** Each test of the enclosing suite is skipped, with the reason, when PostgreSQL is not there; in CI that fails the run. */
export function skipWithoutPostgres(): void {
  const unavailable = requireService("postgres", () => postgresUnderTest.unavailable());
  beforeEach((test) => {
    const reason = unavailable();
    if (reason) test.skip(reason);
  });
}

/**
 * For tests of PostgreSQL alone: skipped, loudly, when the server is not there, and failing
 * the run in CI (CI=true), as the conformance suite does. `open` gives a database on a fresh
 * schema with the options asked for; everything opened is disposed after each test.
 */
export function postgresOnly() {
  skipWithoutPostgres();
  const opened: { dispose(): Promise<void> }[] = [];
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
