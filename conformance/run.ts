import { describe } from "vitest";
import { requireService } from "./availability.js";
import { contextFor } from "./context.js";
import type { Scenario } from "./scenario.js";
import { scenarios } from "./scenarios/index.js";
import type { ConformanceTarget } from "./target.js";
import { quote } from "../src/kit/driver.js";

export interface ConformanceOptions {
  /** The names of the only scenarios to run (see `scenarios`); all of them unless given. */
  readonly only?: readonly string[];
  /** Milliseconds each test may take; 30,000 unless given (a few tests set longer limits of their own). */
  readonly timeout?: number;
}

/**
 * What Ommi's own drivers are given (vitest.config.ts). Some scenarios store tens of thousands
 * of rows: vitest's default of 5 s would fail a correct driver on a slow machine.
 */
const TEST_TIMEOUT = 30_000;

/**
 * Registers every scenario Ommi's own drivers pass, for `target`, with vitest: call it at the
 * top level of a test file. Each test runs on a database of its own from `target.open()`.
 */
export function runConformance(target: ConformanceTarget, options: ConformanceOptions = {}): void {
  for (const scenario of chosen(options.only)) runScenario(target, scenario, options);
}

/** Registers one scenario for `target`: one of `scenarios`, or a driver's own (`defineScenario`). */
export function runScenario(target: ConformanceTarget, scenario: Scenario, options: Pick<ConformanceOptions, "timeout"> = {}): void {
  describe(`${scenario.title} [${target.name}]`, { timeout: options.timeout ?? TEST_TIMEOUT }, () => {
    const skipReason = requireService(target.name, () => target.unavailable?.() ?? Promise.resolve(undefined));
    const state = contextFor(target, skipReason);
    scenario.define(() => state.current());
  });
}

/** The scenarios `only` names, in the suite's order; a name that is none of them is an error, not a silent no-op. */
function chosen(only: readonly string[] | undefined): readonly Scenario[] {
  if (!only) return scenarios;
  const known = new Set(scenarios.map((scenario) => scenario.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`runConformance: no scenario is named ${unknown.map((name) => quote(name)).join(", ")}; the names are ${[...known].join(", ")}`);
  }
  return scenarios.filter((scenario) => only.includes(scenario.name));
}
