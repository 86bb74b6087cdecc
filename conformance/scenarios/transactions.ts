import { expect, it } from "vitest";
import { TransactionError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

/** A promise and the function that resolves it, to let two callers take turns. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

export const transactions = defineScenario("transactions", "transactions", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const names = () => fieldOf(db.find(when(Person).sort(Person.name.asc())), "name");
    return { db, Person, names };
  }

  it("commits when the callback returns, and returns its value", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    const value = await db.transaction(async (tx) => {
      await tx.add(Person, [{ name: "Ann" }, { name: "Bob" }]).raiseOnErrors();
      await tx.find(Person.name.eq("Bob")).update({ age: 40 }).raiseOnErrors();
      return "done";
    });
    expect(value).toBe("done");
    expect(await names()).toEqual(["Ann", "Bob"]);
    expect(await db.find(Person.name.eq("Bob")).one().value).toMatchObject({ age: 40 });
  }));

  it("rolls back when the callback throws, and rethrows what it threw", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    await db.add(Person, { name: "Ann" }).raiseOnErrors();
    const thrown = new Error("changed my mind");
    const outcome = db.transaction(async (tx) => {
      await tx.add(Person, { name: "Bob" }).raiseOnErrors();
      await tx.find(Person.name.eq("Ann")).delete().raiseOnErrors();
      throw thrown;
    });
    await expect(outcome).rejects.toBe(thrown);
    expect(await names()).toEqual(["Ann"]);
  }));

  it("tx.rollback() ends it early: the callback's value is returned, nothing is written, later calls fail", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    let afterwards: unknown;
    const value = await db.transaction(async (tx) => {
      await tx.add(Person, { name: "Ann" }).raiseOnErrors();
      await tx.rollback();
      afterwards = await failure(tx.add(Person, { name: "Bob" }));
      return 7;
    });
    expect(value).toBe(7);
    expect(afterwards).toBeInstanceOf(TransactionError);
    expect(await names()).toEqual([]);
  }));

  it("nests as savepoints: an inner rollback keeps the outer writes", needing(context, ["transactions", "savepoints"], async () => {
    const { db, Person, names } = await setup();
    await db.transaction(async (tx) => {
      await tx.add(Person, { name: "outer" }).raiseOnErrors();
      await tx.transaction(async (inner) => {
        await inner.add(Person, { name: "rolled back" }).raiseOnErrors();
        await inner.rollback();
      });
      await tx.transaction(async (inner) => {
        await inner.add(Person, { name: "thrown away" }).raiseOnErrors();
        throw new Error("inner failure");
      }).catch(() => undefined);
      await tx.transaction(async (inner) => {
        await inner.add(Person, { name: "inner" }).raiseOnErrors();
      });
    });
    expect(await names()).toEqual(["inner", "outer"]);
  }));

  it("an outer rollback undoes the savepoints that committed inside it", needing(context, ["transactions", "savepoints"], async () => {
    const { db, Person, names } = await setup();
    await db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.add(Person, { name: "inner" }).raiseOnErrors();
      });
      await tx.rollback();
    });
    expect(await names()).toEqual([]);
  }));

  it("is isolated from a concurrent caller: its rows stay unseen, the caller's writes stay", needing(context, ["transactions"], async () => {
    const { db, Person, names } = await setup();
    const written = signal();
    const othersStarted = signal();
    const thrown = new Error("abort");
    const transaction = db.transaction(async (tx) => {
      await tx.add(Person, { name: "uncommitted" }).raiseOnErrors();
      written.fire();
      await othersStarted.fired;
      throw thrown;
    });
    await written.fired;
    // Outside the callback while the transaction is open and has written. A driver on one
    // connection makes these wait for the transaction; others run them beside it.
    const seen = db.find(Person).all();
    const added = db.add(Person, { name: "concurrent" });
    othersStarted.fire();
    await expect(transaction).rejects.toBe(thrown);
    expect((await seen.value).map((person) => person.name)).not.toContain("uncommitted");
    await added.raiseOnErrors();
    expect(await names()).toEqual(["concurrent"]);
  }));
});
