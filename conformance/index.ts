/**
 * `ommi/conformance`: every scenario Ommi's own drivers pass, for any driver to run against
 * itself under vitest. Ommi's drivers run it exactly this way (test/conformance/sqlite.test.ts):
 *
 *     runConformance({ name: "my-db", open: async () => { const driver = await MyDriver.connect(); return { driver, dispose: () => driver.close() }; } });
 *
 * It needs vitest and zod (optional peer dependencies of `ommi`), and reaches Ommi only through
 * its public entries, as a driver's author does.
 */
export { runConformance, runScenario, type ConformanceOptions } from "./run.js";
export { scenarios } from "./scenarios/index.js";
export { defineScenario, type Scenario } from "./scenario.js";
export type { ConformanceContext } from "./context.js";
export type { ConformanceTarget, OpenedDriver } from "./target.js";
// The relation scenarios for models of any schema library: give them your library's models.
export { relationScenarios } from "./scenarios/relation-suite.js";
export { zodRelationModels, type RelationModelBuilders, type RelationModelsFixture, type RelationRows } from "./support/relation-models.js";
