import { afterEach, beforeEach } from "vitest";
import { ModelCollection, Ommi, type Driver } from "ommi";
import { requireService } from "./availability.js";
import type { DriverUnderTest } from "./drivers.js";

/** Each test of the enclosing suite is skipped, with the reason, when the target's server is not there; in CI that fails the run. */
export function skipWithout(target: DriverUnderTest): void {
  const unavailable = requireService(target.name, () => target.unavailable());
  beforeEach((test) => {
    const reason = unavailable();
    if (reason) test.skip(reason);
  });
}

/**
 * For tests of one database server alone: skipped, loudly, when the server is not there, and
 * failing the run in CI (CI=true), as the conformance suite does. `open` gives a database on a
 * fresh schema with the options asked for; everything opened is disposed after each test.
 */
export function serverOnly<O>(target: DriverUnderTest, openDriver: (options: O) => Promise<{ driver: Driver; dispose(): Promise<void> }>) {
  skipWithout(target);
  const opened: { dispose(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.dispose()));
  });
  return {
    async open(options: O) {
      const database = await openDriver(options);
      opened.push(database);
      const collection = new ModelCollection();
      const db = new Ommi(database.driver);
      return { db, collection, create: () => db.schema(collection).createModels().raiseOnErrors(), driver: database.driver };
    },
  };
}
