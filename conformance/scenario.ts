import type { ConformanceContext } from "./context.js";

/** One group of conformance tests, registered once per target. */
export interface Scenario {
  /** How to pick it (`runConformance(target, { only: ["transactions"] })`): its file name in conformance/scenarios. */
  readonly name: string;
  /** The title of its `describe`; the target's name follows in brackets. */
  readonly title: string;
  /** Registers its tests with `it`; inside a test, `context()` is that test's fresh database. */
  readonly define: (context: () => ConformanceContext) => void;
}

/** A scenario: Ommi's own are in conformance/scenarios, and a driver may add its own the same way. */
export function defineScenario(name: string, title: string, define: (context: () => ConformanceContext) => void): Scenario {
  return Object.freeze({ name, title, define });
}
