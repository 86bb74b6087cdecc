import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, TransactionError } from "ommi";
import type { PostgreSQLOptions } from "ommi/postgres";
import { postgresOnly } from "../support/postgres-suite.js";

/** A promise and the function that resolves it, to let two transactions take turns. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

describe("PostgreSQL: concurrency over the pool", () => {
  const postgres = postgresOnly();

  /** A database with an Account table, holding the accounts given. */
  async function accounts(balances: readonly number[], options: Omit<PostgreSQLOptions, "url" | "schema"> = {}) {
    const { db, collection, create } = await postgres.open(options);
    const Account = model(z.object({ id: z.number().int(), balance: z.number().int() }), { name: "Account", collection });
    await create();
    if (balances.length) await db.add(Account, balances.map((balance, index) => ({ id: index + 1, balance }))).raiseOnErrors();
    return { db, Account };
  }

  it("runs 50 finds and adds at once on a pool of 3 connections", async () => {
    const { db, Account } = await accounts([], { max: 3 });
    const calls = Array.from({ length: 50 }, (_, index) =>
      index % 2 === 0 ? db.add(Account, { id: index + 1, balance: index }) : db.find(Account.balance.gte(0)).count(),
    );
    expect((await Promise.all(calls)).filter((result) => !result.ok)).toEqual([]);
    expect(await db.find(Account).count().value).toBe(25);
  });

  it("a transaction does not hold up other calls, which do not see its rows until it commits", async () => {
    const { db, Account } = await accounts([]);
    const added = signal();
    const checked = signal();
    const transaction = db.transaction(async (tx) => {
      await tx.add(Account, { id: 1, balance: 10 }).raiseOnErrors();
      added.fire();
      await checked.fired;
    });
    await added.fired;
    expect(await db.find(Account).count().value).toBe(0);
    checked.fire();
    await transaction;
    expect(await db.find(Account).count().value).toBe(1);
  });

  it("a transaction begins on a new connection while another transaction holds the only open one", async () => {
    const { db, Account } = await accounts([]);
    const innerDone = signal();
    const outer = db.transaction(async () => {
      // postgres.js opened one connection so far, and this transaction holds it.
      await innerDone.fired;
    });
    await db.transaction(async (tx) => tx.add(Account, { id: 1, balance: 1 }).raiseOnErrors());
    innerDone.fire();
    await outer;
    expect(await db.find(Account).count().value).toBe(1);
  });

  it("read committed: a second update of the same row waits for the first transaction, then wins", async () => {
    const { db, Account } = await accounts([100]);
    const firstUpdated = signal();
    const secondStarted = signal();
    const first = db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).update({ balance: 50 }).raiseOnErrors();
      firstUpdated.fire();
      await secondStarted.fired;
    });
    await firstUpdated.fired;
    const second = db.transaction(async (tx) => tx.find(Account.id.eq(1)).update({ balance: 70 }).value);
    // The second update is blocked on the row lock until the first transaction commits.
    secondStarted.fire();
    await first;
    expect(await second).toBe(1);
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 70 });
  });

  it("serializable: the transaction that loses a conflict on the same row fails with a TransactionError, the other commits", async () => {
    const { db, Account } = await accounts([100], { isolation: "serializable" });
    const secondRead = signal();
    const firstCommitted = signal();
    const second = db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).one().value;
      secondRead.fire();
      await firstCommitted.fired;
      await tx.find(Account.id.eq(1)).update({ balance: 70 }).raiseOnErrors();
    });
    await secondRead.fired;
    await db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).update({ balance: 50 }).raiseOnErrors();
    });
    firstCommitted.fire();
    const lost = await second.then(() => undefined, (error: unknown) => error);
    expect(lost).toBeInstanceOf(TransactionError);
    expect((lost as Error).message).toMatch(/could not serialize access/);
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 50 });
  });

  it("a deadlock between two transactions fails one of them with a TransactionError; the other commits", async () => {
    const { db, Account } = await accounts([0, 0]);
    const locked = [signal(), signal()];
    const transfer = (index: 0 | 1, first: number, second: number) =>
      db.transaction(async (tx) => {
        await tx.find(Account.id.eq(first)).update({ balance: index + 1 }).raiseOnErrors();
        locked[index]?.fire();
        await locked[1 - index]?.fired;
        await tx.find(Account.id.eq(second)).update({ balance: index + 1 }).raiseOnErrors();
      });
    const outcomes = await Promise.allSettled([transfer(0, 1, 2), transfer(1, 2, 1)]);
    const failed = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(TransactionError);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/deadlock/);
    const balances = (await db.find(Account).all().value).map((account) => account.balance);
    expect(new Set(balances).size).toBe(1);
  });

  it("retries a transaction that lost a serialization conflict when asked to; the retry commits", async () => {
    const { db, Account } = await accounts([100]);
    let attempts = 0;
    const secondRead = signal();
    const firstCommitted = signal();
    const second = db.transaction(
      async (tx) => {
        attempts++;
        const account = await tx.find(Account.id.eq(1)).one().value;
        if (attempts === 1) {
          secondRead.fire();
          await firstCommitted.fired;
        }
        await tx.find(Account.id.eq(1)).update({ balance: account.balance + 1 }).raiseOnErrors();
      },
      { isolation: "serializable", retries: 2 },
    );
    await secondRead.fired;
    await db.transaction(async (tx) => tx.find(Account.id.eq(1)).update({ balance: 200 }).raiseOnErrors());
    firstCommitted.fire();
    await second;
    expect(attempts).toBe(2);
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 201 });
  });

  // A transaction whose connection is lost: see postgres-faults.test.ts (it kills backends, so it runs on a cluster of its own).
});
