import type { ModelHandle, Ommi, Transaction } from "ommi";
import { disagreement, show, type Outcome } from "./check.js";
import { toOmmiQuery, type Operation } from "./description.js";
import { MODEL_NAMES, REFERENCED_FIRST, REFERRING_FIRST, type DifferentialModels, type ModelName, type State } from "./models.js";
import { expectDoomed, expectRead, expectWrite, storableDataset, type Capabilities, type Expectation } from "./reference.js";

/** A database under test. */
export interface Target {
  readonly name: string;
  readonly db: Ommi;
  readonly capabilities: Capabilities;
}

/** A database and the reference disagree: the property fails with this. */
export class Disagreement extends Error {
  override readonly name = "Disagreement";
}

/** What operations run on: the database, or a transaction (which can open a nested one). */
type Operations = Pick<Ommi, "find" | "add" | "transaction">;
/** A model's handle, typed loosely: the runner treats the four models alike. */
const handleOf = (models: DifferentialModels, model: ModelName): ModelHandle<unknown, unknown> => models[model];

const SUMMARY_LENGTH = 600;

async function settle(run: () => PromiseLike<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** An AsyncResult as an Outcome; building the query may throw too. */
async function result(run: () => PromiseLike<{ ok: true; value: unknown } | { ok: false; error: unknown }>): Promise<Outcome> {
  const settled = await settle(run);
  return settled.ok ? (settled.value as Outcome) : settled;
}

async function collect(rows: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const row of rows) seen.push(row);
  return seen;
}

/** Runs one operation (not a transaction) through the public API. */
function execute(ops: Operations, models: DifferentialModels, operation: Exclude<Operation, { kind: "transaction" }>): Promise<Outcome> {
  switch (operation.kind) {
    case "all":
      return result(() => ops.find(toOmmiQuery(models, operation.query)).all());
    case "count":
      return result(() => ops.find(toOmmiQuery(models, operation.query)).count());
    case "one":
      return result(() => ops.find(toOmmiQuery(models, operation.query)).one());
    case "iterate":
      return settle(() => collect(ops.find(toOmmiQuery(models, operation.query)).iterate({ batchSize: operation.batchSize })));
    case "update":
      return result(() => ops.find(toOmmiQuery(models, operation.query)).update(operation.patch as never));
    case "delete":
      return result(() => ops.find(toOmmiQuery(models, operation.query)).delete());
    case "add":
      // Copies: Ommi may write generated keys back into the objects given.
      return result(() => ops.add(models[operation.model] as never, operation.rows.map((row) => ({ ...row })) as never));
  }
}

function fail(target: Target, where: string, operation: unknown, problem: string): never {
  throw new Disagreement(`${target.name}, ${where}: ${problem}\n  operation: ${show(operation).slice(0, SUMMARY_LENGTH)}`);
}

function check(target: Target, where: string, operation: unknown, expectation: Expectation, outcome: Outcome): void {
  const problem = disagreement(expectation, outcome);
  if (problem) fail(target, where, operation, problem);
}

/** The models' rows must be the expected ones (a refused write must have changed nothing). */
async function checkState(target: Target, ops: Operations, models: DifferentialModels, state: State, where: string, only: readonly ModelName[] = MODEL_NAMES): Promise<void> {
  for (const model of only) {
    const outcome = await result(() => ops.find(handleOf(models, model)).all());
    const problem = disagreement({ kind: "rows", model, rows: state[model], order: "set" }, outcome);
    if (problem) fail(target, `${where}, the rows of ${model}`, `find(${model}).all()`, problem);
  }
}

/** Empties the tables and stores the dataset, in one transaction (one commit is faster than eight). */
async function load(target: Target, models: DifferentialModels, data: State): Promise<void> {
  await target.db.transaction(async (tx) => {
    for (const model of REFERRING_FIRST) await tx.find(handleOf(models, model)).delete().raiseOnErrors();
    for (const model of REFERENCED_FIRST) {
      const rows = data[model];
      if (!rows.length) continue;
      // Copies: Ommi may write keys back into the objects given.
      const outcome = await result(() => tx.add(models[model] as never, rows.map((row) => ({ ...row })) as never));
      check(target, `loading the dataset`, `add(${model}, ${rows.length} rows)`, { kind: "rows", model, rows, order: "exact" }, outcome);
    }
  });
}

interface Progress {
  readonly state: State;
  /** A call failed in the database: the transaction can only roll back. */
  readonly doomed: boolean;
}

async function perform(target: Target, ops: Operations, models: DifferentialModels, operation: Operation, progress: Progress, where: string): Promise<Progress> {
  if (operation.kind === "transaction") return transaction(target, ops, models, operation, progress, where);
  const { capabilities } = target;
  const outcome = await execute(ops, models, operation);
  if (progress.doomed) {
    check(target, where, operation, expectDoomed(operation, progress.state, capabilities), outcome);
    return progress;
  }
  if (operation.kind === "update" || operation.kind === "delete" || operation.kind === "add") {
    const step = expectWrite(operation, progress.state, capabilities);
    check(target, where, operation, step.expectation, outcome);
    if (step.failedInDatabase && ops !== target.db) return { state: step.state, doomed: true };
    // A write changes its own model's table only (no reference cascades).
    await checkState(target, ops, models, step.state, `after ${where}`, [operation.kind === "add" ? operation.model : operation.query.model]);
    return { state: step.state, doomed: false };
  }
  check(target, where, operation, expectRead(operation, progress.state, capabilities), outcome);
  return progress;
}

/** Thrown inside a transaction to roll it back; `transaction()` must rethrow this very object. */
class RollBack extends Error {}

/**
 * A transaction on the database, or a nested one (a savepoint) inside a transaction. Its writes
 * last only if it commits; a call that fails in the database dooms it (later calls and the commit
 * fail with TransactionError) but not the transaction around it. A doomed transaction cannot open
 * a nested one: the callback must not even run.
 */
async function transaction(target: Target, opener: Operations, models: DifferentialModels, operation: Extract<Operation, { kind: "transaction" }>, outer: Progress, where: string): Promise<Progress> {
  const nested = opener !== target.db;
  const name = nested ? "the nested transaction" : "the transaction";
  // Refused before its callback runs, and the transaction around it goes on as it was.
  const refusal = outer.doomed ? "opened inside a doomed one" : nested && !target.capabilities.savepoints ? "opened on a database without savepoints" : undefined;
  if (refusal) {
    let ran = false;
    const outcome = await settle(() => opener.transaction(() => ((ran = true), Promise.resolve("returned"))));
    if (ran) fail(target, `${where}, ${name}`, operation.end, `the callback of a transaction ${refusal} ran`);
    check(target, `${where}, ${name} ${refusal}`, operation.end, { kind: "error", errors: ["TransactionError"] }, outcome);
    return outer;
  }
  let inside: Progress = { state: outer.state, doomed: false };
  let problem: Error | undefined;
  const rollBack = new RollBack("rolled back on purpose");
  const outcome = await settle(() =>
    opener.transaction(async (tx: Transaction) => {
      for (const [index, inner] of operation.operations.entries()) {
        try {
          inside = await perform(target, tx, models, inner, inside, `${where}, in ${name}, operation ${index + 1}`);
        } catch (error) {
          problem = error instanceof Error ? error : new Error(String(error));
          throw rollBack;
        }
      }
      if (operation.end === "throw") throw rollBack;
      if (operation.end === "rollback") await tx.rollback();
      return "returned";
    }),
  );
  if (problem) throw problem;
  const committed = operation.end === "commit" && !inside.doomed;
  const ended = `${where}, ${name} (ended by ${operation.end}${inside.doomed ? ", doomed by a failed call" : ""})`;
  const failsToCommit = operation.end === "commit" && inside.doomed;
  if (operation.end === "throw" && (outcome.ok || outcome.error !== rollBack)) {
    fail(target, ended, operation.end, `expected the callback's own error rethrown, got ${outcome.ok ? show(outcome.value) : String(outcome.error)}`);
  }
  if (failsToCommit) check(target, ended, operation.end, { kind: "error", errors: ["TransactionError"] }, outcome);
  else if (operation.end !== "throw" && !(outcome.ok && outcome.value === "returned")) {
    fail(target, ended, operation.end, `expected transaction() to return the callback's value, got ${outcome.ok ? show(outcome.value) : String(outcome.error)}`);
  }
  const state = committed ? inside.state : outer.state;
  await checkState(target, opener, models, state, `after ${ended}`);
  // What failed inside stays inside: the transaction around it goes on.
  return { state, doomed: false };
}

/** Loads the dataset into one database, runs the operations, and throws at the first disagreement with the reference. */
export async function runOn(target: Target, models: DifferentialModels, data: State, operations: readonly Operation[]): Promise<void> {
  const stored = storableDataset(data, target.capabilities);
  await load(target, models, stored);
  let progress: Progress = { state: stored, doomed: false };
  for (const [index, operation] of operations.entries()) {
    progress = await perform(target, target.db, models, operation, progress, `operation ${index + 1}`);
  }
}

/** Runs on every target at once; all finish before the first disagreement is thrown (none may run on into the next run). */
export async function runEverywhere(targets: readonly Target[], models: DifferentialModels, data: State, operations: readonly Operation[]): Promise<void> {
  const outcomes = await Promise.allSettled(targets.map((target) => runOn(target, models, data, operations)));
  const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected").map((outcome) => outcome.reason as unknown);
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Disagreement(failures.map((failure) => (failure instanceof Error ? failure.message : String(failure))).join("\n"));
}
