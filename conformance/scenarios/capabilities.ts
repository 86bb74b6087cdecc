import { expect, it } from "vitest";
import { z } from "zod";
import { ConstraintError, model } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { failure } from "../support/results.js";

/**
 * What each capability a driver declares (or leaves out) means to Ommi's users, side by side:
 * where it is declared, the feature works; where it is not, Ommi refuses it as documented,
 * before the driver is asked. The other scenarios hold every test that needs one to the same rule.
 */
export const capabilities = defineScenario("capabilities", "declared capabilities", (context) => {
  it("what the driver declares, it has: begin() with transactions, savepoint() on its transactions with savepoints", async () => {
    const { driver } = context();
    const declared = driver.capabilities;
    expect(declared).toBeTypeOf("object");
    if (declared.savepoints || declared.transactionLockTimeout) expect(declared.transactions).toBe(true);
    if (!declared.transactions) return;
    expect(typeof driver.begin).toBe("function");
    const transaction = await driver.begin?.();
    try {
      if (declared.savepoints) expect(typeof transaction?.savepoint).toBe("function");
    } finally {
      await transaction?.rollback();
    }
  });

  function defineItem() {
    return model(z.object({ id: z.number().int(), label: z.string() }), { name: "Item", collection: context().collection });
  }

  it("transaction() commits where the driver declares transactions, and is refused with a TransactionError where it does not", needing(context, ["transactions"], async () => {
    const { db, create } = context();
    const Item = defineItem();
    await create();
    expect(await db.transaction(async (tx) => (await tx.add(Item, { id: 1, label: "a" }).value).length)).toBe(1);
    expect(await db.find(Item).count().value).toBe(1);
  }));

  it("a nested transaction is a savepoint where the driver declares savepoints, and is refused with a TransactionError where it does not", needing(context, ["transactions", "savepoints"], async () => {
    const { db, create } = context();
    const Item = defineItem();
    await create();
    const undo = new Error("undo the savepoint");
    await db.transaction(async (tx) => {
      await tx.add(Item, { id: 1, label: "kept" }).raiseOnErrors();
      const nested = tx.transaction(async (inner) => {
        await inner.add(Item, { id: 2, label: "undone" }).raiseOnErrors();
        expect(await inner.find(Item).count().value).toBe(2);
        throw undo;
      });
      await expect(nested).rejects.toBe(undo);
    });
    expect((await db.find(Item).all().value).map((item) => item.label)).toEqual(["kept"]);
  }));

  it("several rows in one add are stored all or none: by the driver (atomicBatches) or in a transaction of their own, and refused with a QueryError without either", needing(context, ["batches"], async () => {
    const { db, create } = context();
    const Item = defineItem();
    await create();
    expect(await db.add(Item, [{ id: 1, label: "a" }, { id: 2, label: "b" }]).value).toHaveLength(2);
    expect(await failure(db.add(Item, [{ id: 3, label: "c" }, { id: 1, label: "again" }]))).toBeInstanceOf(ConstraintError);
    expect((await db.find(Item).all().value).map((item) => item.id).sort()).toEqual([1, 2]);
  }));
});
