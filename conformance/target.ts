import type { Driver } from "../src/index.js";

/** A driver opened on a fresh, empty database, and how to remove that database afterwards. */
export interface OpenedDriver {
  readonly driver: Driver;
  dispose(): Promise<void>;
}

/** A database the conformance suite runs against; each test gets a fresh, empty one. */
export interface ConformanceTarget {
  /** Shown in brackets after each scenario's title: "and / or [my-driver]". */
  readonly name: string;
  /** A fresh, empty database for one test. */
  open(): Promise<OpenedDriver>;
  /**
   * Why the database cannot be reached here, or undefined when it can. Asked once per scenario,
   * before its tests: outside CI its tests then skip loudly with the reason; in CI (CI=true) they fail.
   */
  unavailable?(): Promise<string | undefined>;
}
