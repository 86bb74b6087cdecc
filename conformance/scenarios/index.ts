import type { Scenario } from "../scenario.js";
import { andOr } from "./and-or.js";
import { capabilities } from "./capabilities.js";
import { comparisons } from "./comparisons.js";
import { concurrency } from "./concurrency.js";
import { crud } from "./crud.js";
import { eventLoop } from "./event-loop.js";
import { hugeInputs } from "./huge-inputs.js";
import { inLists } from "./in-lists.js";
import { iteration } from "./iteration.js";
import { keys } from "./keys.js";
import { longNames } from "./long-names.js";
import { missingTable } from "./missing-table.js";
import { notOperator } from "./not.js";
import { nulTextOperators } from "./nul-text-operators.js";
import { nulText } from "./nul-text.js";
import { nullRules } from "./null-rules.js";
import { outerDbInTransaction } from "./outer-db-in-transaction.js";
import { prepared } from "./prepared.js";
import { preparedErrors } from "./prepared-errors.js";
import { pages } from "./pages.js";
import { queryErrors } from "./query-errors.js";
import { rawSql } from "./raw-sql.js";
import { relations } from "./relations.js";
import { relationScenarios } from "./relation-suite.js";
import { zodRelationModels } from "../support/relation-models.js";
import { roundTrip } from "./round-trip.js";
import { schemaEvolution } from "./schema-evolution.js";
import { select } from "./select.js";
import { sorting } from "./sorting.js";
import { storeAs } from "./store-as.js";
import { structuredArrays } from "./structured-arrays.js";
import { structuredNul } from "./structured-nul.js";
import { structuredQueries } from "./structured-queries.js";
import { structuredQueryErrors } from "./structured-query-errors.js";
import { structuredRoundTrip } from "./structured-round-trip.js";
import { structuredSorting } from "./structured-sorting.js";
import { structuredWrites } from "./structured-writes.js";
import { textOperators } from "./text-operators.js";
import { timeouts } from "./timeouts.js";
import { transactionFailures } from "./transaction-failures.js";
import { transactions } from "./transactions.js";
import { unstorableText } from "./unstorable-text.js";
import { increments } from "./increment.js";
import { updateReturning } from "./update-returning.js";
import { upsert } from "./upsert.js";
import { validation } from "./validation.js";

/** Every scenario of the suite, in the order it runs them. A new scenario is one entry here. */
export const scenarios: readonly Scenario[] = Object.freeze([
  capabilities,
  crud,
  keys,
  upsert,
  updateReturning,
  increments,
  validation,
  comparisons,
  andOr,
  notOperator,
  nullRules,
  inLists,
  textOperators,
  nulText,
  nulTextOperators,
  unstorableText,
  hugeInputs,
  roundTrip,
  sorting,
  iteration,
  select,
  pages,
  rawSql,
  relations,
  ...relationScenarios(zodRelationModels),
  structuredRoundTrip,
  structuredWrites,
  structuredQueries,
  structuredArrays,
  structuredSorting,
  structuredQueryErrors,
  structuredNul,
  storeAs,
  longNames,
  schemaEvolution,
  missingTable,
  queryErrors,
  transactions,
  transactionFailures,
  outerDbInTransaction,
  prepared,
  preparedErrors,
  timeouts,
  concurrency,
  eventLoop,
]);
