import { expect, it } from "vitest";
import { ConstraintError, TransactionError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

/**
 * One rule on every database: a call that fails in the database dooms its transaction (as
 * PostgreSQL requires), and a nested transaction is how to try something and go on.
 */
export const transactionFailures = defineScenario("transaction-failures", "a failed call inside a transaction", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { id: 1, name: "Ann" }).raiseOnErrors();
    const names = () => fieldOf(db.find(when(Person).sort(Person.name.asc())), "name");
    return { db, Person, names };
  }

  it("fails the transaction's later calls, and the commit, with a TransactionError; nothing is written", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    let later: unknown;
    const outcome = db.transaction(async (tx) => {
      await tx.add(Person, { name: "Bob" }).raiseOnErrors();
      expect(await failure(tx.add(Person, { id: 1, name: "Ann again" }))).toBeInstanceOf(ConstraintError);
      later = await failure(tx.find(Person).count());
      return "returned normally";
    });
    await expect(outcome).rejects.toBeInstanceOf(TransactionError);
    expect(later).toBeInstanceOf(TransactionError);
    expect(await names()).toEqual(["Ann"]);
  }));

  it("keeps the outer transaction going when the failure happened in a nested one", needing(context, ["transactions", "savepoints"], async () => {
    const { db, Person, names } = await setup();
    await db.transaction(async (tx) => {
      await tx.add(Person, { name: "Bob" }).raiseOnErrors();
      const nested = tx.transaction(async (inner) => {
        await inner.add(Person, { id: 1, name: "Ann again" }).raiseOnErrors();
      });
      await expect(nested).rejects.toBeInstanceOf(ConstraintError);
      await tx.add(Person, { name: "Cid" }).raiseOnErrors();
    });
    expect(await names()).toEqual(["Ann", "Bob", "Cid"]);
  }));

  it("does not doom the transaction for input rejected before reaching the database", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    await db.transaction(async (tx) => {
      await failure(tx.add(Person, { name: 42 } as never));
      await tx.add(Person, { name: "Bob" }).raiseOnErrors();
    });
    expect(await names()).toEqual(["Ann", "Bob"]);
  }));
});
