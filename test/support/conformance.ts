import { runScenario, type ConformanceContext } from "ommi/conformance";
import { driversUnderTest, type DriverUnderTest } from "./drivers.js";

/** What a test run on every driver gets: a fresh database and a fresh collection for its models. */
export type Context = ConformanceContext;

/**
 * Runs `suite` once per driver of Ommi's own, as the conformance suite runs a scenario: for
 * tests that belong beside their concern (a schema library's) but must hold on every database.
 * A driver that cannot run here is reported loudly; in CI (CI=true) that fails the run instead.
 * `targets` narrows it to the drivers a database feature exists on (foreign keys: the SQL ones).
 */
export function forEachDriver(title: string, suite: (context: () => Context) => void, targets: readonly DriverUnderTest[] = driversUnderTest): void {
  for (const target of targets) runScenario(target, { name: title, title, define: suite });
}
