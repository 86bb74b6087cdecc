import { expect } from "vitest";
import { z } from "zod";
import { increment, model, QueryError, TransactionError, type ModelHandle, type Ommi } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { failure } from "./results.js";

/**
 * What a test may need beyond the operations every driver has: `transactions` and `savepoints`
 * as declared; `batches`, several rows in one add, stored all or none (by the driver itself,
 * `atomicBatches`, or in a transaction Ommi opens for them); `upsert`, `updateReturning` and `increments` as declared.
 */
export type Need = "transactions" | "savepoints" | "batches" | "upsert" | "updateReturning" | "increments";

/** True when the driver under test has what `need` names. */
export function has(db: Ommi, need: Need): boolean {
  const capabilities = db.driver.capabilities;
  switch (need) {
    case "transactions":
      return capabilities.transactions === true;
    case "savepoints":
      return capabilities.transactions === true && capabilities.savepoints === true;
    case "batches":
      return capabilities.atomicBatches === true || capabilities.transactions === true;
    case "upsert":
      return capabilities.upsert === true;
    case "updateReturning":
      return capabilities.updateReturning === true;
    case "increments":
      return capabilities.increments === true;
  }
}

/**
 * A test body that needs capabilities. Where the driver declares them all, `body` runs; where
 * one is missing, the test asserts Ommi's documented refusal of the first missing one instead.
 * No test is skipped: a driver without transactions shows that it refuses them cleanly.
 */
export function needing(context: () => ConformanceContext, needs: readonly Need[], body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const missing = needs.find((need) => !has(context().db, need));
    if (missing === undefined) return body();
    await refusals[missing](context());
  };
}

/** A model of its own for the refusal checks, so that they need nothing of the test they stand in for. */
function probeModel(context: ConformanceContext) {
  return model(z.object({ id: z.number().int() }), { name: "CapabilityProbe", collection: context.collection });
}

/** What Ommi does, by its documentation, when a driver lacks each capability. */
const refusals: Record<Need, (context: ConformanceContext) => Promise<void>> = {
  /** `transaction()` rejects with a TransactionError, and its callback never runs. */
  async transactions({ db }) {
    let ran = false;
    await expect(db.transaction(() => Promise.resolve(void (ran = true)))).rejects.toBeInstanceOf(TransactionError);
    expect(ran).toBe(false);
  },
  /** A nested `tx.transaction()` rejects with a TransactionError, its callback never runs, and the outer transaction goes on. */
  async savepoints(context) {
    const { db, create } = context;
    const Probe = probeModel(context);
    await create();
    let ran = false;
    const value = await db.transaction(async (tx) => {
      await tx.add(Probe, { id: 1 }).raiseOnErrors();
      await expect(tx.transaction(() => Promise.resolve(void (ran = true)))).rejects.toBeInstanceOf(TransactionError);
      await tx.add(Probe, { id: 2 }).raiseOnErrors();
      return "committed";
    });
    expect(value).toBe("committed");
    expect(ran).toBe(false);
    expect(await db.find(Probe).count().value).toBe(2);
  },
  /** Without atomic batches and without transactions, an add of several rows fails with a QueryError and stores none of them. */
  async batches(context) {
    const { db, create } = context;
    const Probe = probeModel(context);
    await create();
    expect(await failure(db.add(Probe, [{ id: 1 }, { id: 2 }]))).toBeInstanceOf(QueryError);
    expect(await db.find(Probe).count().value).toBe(0);
  },
  /** `upsert` fails with a QueryError naming the model, and writes nothing. */
  async upsert(context) {
    const { db, create } = context;
    const Probe = probeModel(context);
    await create();
    const error = await failure(db.upsert(Probe, { id: 1 }, { update: "all" }));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/CapabilityProbe/);
    expect(await db.find(Probe).count().value).toBe(0);
  },
  /** `update(..., { returning: true })` fails with a QueryError naming the model, and changes nothing. */
  async updateReturning(context) {
    const { db, create, collection } = context;
    const Probe = model(z.object({ id: z.number().int(), label: z.string() }), { name: "CapabilityProbe", collection });
    await create();
    await db.add(Probe, { id: 1, label: "before" }).raiseOnErrors();
    const error = await failure(db.find(Probe).update({ label: "after" }, { returning: true }));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/CapabilityProbe/);
    expect((await db.find(Probe).one().value).label).toBe("before");
  },
  /** An update with `increment()` fails with a QueryError naming the model, and changes nothing. */
  async increments(context) {
    const { db, create, collection } = context;
    const Probe = model(z.object({ id: z.number().int(), count: z.number().int() }), { name: "CapabilityProbe", collection });
    await create();
    await db.add(Probe, { id: 1, count: 1 }).raiseOnErrors();
    const error = await failure(db.find(Probe).update({ count: increment(1) }));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/CapabilityProbe/);
    expect((await db.find(Probe).one().value).count).toBe(1);
  },
};

/**
 * Adds rows a test starts from, and gives them back as stored: in one add where the driver
 * stores several rows at once (`batches`), else one add per row, in order. Only set-up goes
 * through here; a test about adding several rows at once says `needing(..., ["batches"], ...)`.
 */
export async function addRows<R, I>(db: Ommi, handle: ModelHandle<R, I>, rows: readonly I[]): Promise<R[]> {
  if (rows.length <= 1 || has(db, "batches")) return db.add(handle, rows).value;
  const stored: R[] = [];
  for (const row of rows) stored.push(...(await db.add(handle, row).value));
  return stored;
}
