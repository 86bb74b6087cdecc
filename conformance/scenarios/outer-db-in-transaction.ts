import { expect, it } from "vitest";
import { TransactionError } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure } from "../support/results.js";

/**
 * Calling the outer `db` from inside its own transaction's callback: a driver that makes other
 * operations wait for an open transaction (SQLite) would wait forever, so Ommi refuses the call;
 * a driver with concurrent transactions (PostgreSQL) runs it outside the transaction.
 */
export const outerDbInTransaction = defineScenario("outer-db-in-transaction", "the outer database inside its own transaction", (context) => {
  it("is refused with a TransactionError where it would wait forever, and runs outside the transaction elsewhere", needing(context, ["transactions"], async () => {
    const { db, driver, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    const outside = await db.transaction(async (tx) => {
      await tx.add(Person, { name: "Uncommitted" }).raiseOnErrors();
      return driver.capabilities.serializedWrites ? failure(db.find(Person).count()) : db.find(Person).count().value;
    });
    if (driver.capabilities.serializedWrites) expect(outside).toBeInstanceOf(TransactionError);
    else expect(outside).toBe(0);
    expect(await db.find(Person).count().value).toBe(1);
  }));

  it("is allowed again once the transaction has ended", needing(context, ["transactions"], async () => {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    let later: Promise<number> | undefined;
    await db.transaction(async (tx) => {
      await tx.add(Person, { name: "Ann" }).raiseOnErrors();
      // Started from inside the callback's async context, but run after the commit.
      later = new Promise((resolve) => setTimeout(resolve, 10)).then(() => db.find(Person).count().value);
    });
    expect(await later).toBe(1);
  }));
});
