import type { Scenario } from "../scenario.js";
import type { RelationModelsFixture } from "../support/relation-models.js";
import { relationCaching } from "./relation-caching.js";
import { relationData } from "./relation-data.js";
import { relationErrors } from "./relation-errors.js";
import { relationFilters } from "./relation-filters.js";
import { relationInclude } from "./relation-include.js";
import { relationLoading } from "./relation-loading.js";
import { relationTransactions } from "./relation-transactions.js";

/**
 * The relation scenarios for one set of models: the suite registers them for its Zod models, and
 * Ommi's tests for the models of every other library and for a mix of libraries.
 */
export function relationScenarios(fixture: RelationModelsFixture): Scenario[] {
  return [relationLoading, relationCaching, relationInclude, relationFilters, relationTransactions, relationData, relationErrors].map((scenario) => scenario(fixture));
}
