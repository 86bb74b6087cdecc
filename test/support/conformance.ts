import { afterEach, beforeEach, describe } from "vitest";
import { ModelCollection, Ommi, type Driver } from "ommi";
import { requireService } from "./availability.js";
import { driversUnderTest, type DriverUnderTest } from "./drivers.js";

/** What a conformance test gets: a fresh database and a fresh collection for its models. */
export interface Context {
  db: Ommi;
  driver: Driver;
  collection: ModelCollection;
  /** Creates the collection's tables (call after defining models). */
  create: () => Promise<void>;
  readonly driverName: string;
}

/**
 * Runs `suite` once per driver. A driver that cannot run here is reported loudly; in CI
 * (CI=true) that fails the run instead, so a missing service never passes as green.
 */
export function forEachDriver(title: string, suite: (context: () => Context) => void): void {
  for (const target of driversUnderTest) {
    describe(`${title} [${target.name}]`, () => {
      const skipReason = requireService(target.name, () => target.unavailable());
      const state = contextFor(target, skipReason);
      suite(() => state.current());
    });
  }
}

function contextFor(target: DriverUnderTest, skipReason: () => string | undefined) {
  let context: Context | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeEach(async (test) => {
    const reason = skipReason();
    if (reason) {
      test.skip(reason);
      return;
    }
    const opened = await target.open();
    dispose = () => opened.dispose();
    const collection = new ModelCollection();
    const db = new Ommi(opened.driver);
    context = {
      db,
      driver: opened.driver,
      collection,
      driverName: target.name,
      create: () => db.schema(collection).createModels().raiseOnErrors(),
    };
  });
  afterEach(async () => {
    await dispose?.();
    context = undefined;
    dispose = undefined;
  });
  return {
    current(): Context {
      if (!context) throw new Error("the conformance context exists only inside a test");
      return context;
    },
  };
}
