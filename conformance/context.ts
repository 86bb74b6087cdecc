import { afterEach, beforeEach } from "vitest";
import { ModelCollection, Ommi, type Driver } from "../src/index.js";
import type { ConformanceTarget } from "./target.js";

/** What a conformance test gets: a fresh database and a fresh collection for its models. */
export interface ConformanceContext {
  /** Ommi on the driver under test. */
  readonly db: Ommi;
  /** The driver under test, to read its declared capabilities. */
  readonly driver: Driver;
  /** This test's own collection: the models it defines go here. */
  readonly collection: ModelCollection;
  /** Creates the collection's tables (call after defining models); throws when that fails. */
  readonly create: () => Promise<void>;
}

/**
 * Opens `target` before each test of the enclosing suite and disposes of it after; `current()`
 * gives the open test's context. A test is skipped, with the reason, while `skipReason()` has one.
 */
export function contextFor(target: ConformanceTarget, skipReason: () => string | undefined): { current(): ConformanceContext } {
  let context: ConformanceContext | undefined;
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
      create: () => db.schema(collection).createModels().raiseOnErrors(),
    };
  });
  afterEach(async () => {
    await dispose?.();
    context = undefined;
    dispose = undefined;
  });
  return {
    current(): ConformanceContext {
      if (!context) throw new Error("the conformance context exists only inside a test");
      return context;
    },
  };
}
