import { runScenario, type ConformanceContext } from "ommi/conformance";
import { driversUnderTest } from "./drivers.js";

/** What a test run on every driver gets: a fresh database and a fresh collection for its models. */
export type Context = ConformanceContext;

/**
 * Runs `suite` once per driver of Ommi's own, as the conformance suite runs a scenario: for
 * tests that belong beside their concern (a schema library's) but must hold on every database.
 * A driver that cannot run here is reported loudly; in CI (CI=true) that fails the run instead.
 */
export function forEachDriver(title: string, suite: (context: () => Context) => void): void {
  for (const target of driversUnderTest) runScenario(target, { name: title, title, define: suite });
}
