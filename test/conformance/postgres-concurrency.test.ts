import { describe, expect, it } from "vitest";
import { TransactionError } from "ommi";
import type { PostgreSQLOptions } from "ommi/postgres";
import { postgresOnly } from "../support/postgres-suite.js";
import { pooledConcurrency, withAccounts } from "../support/pooled-concurrency.js";
import { signal } from "../support/turns.js";

// What every pooled SQL driver does alike is in support/pooled-concurrency.ts; here, what PostgreSQL does its own way.

describe("PostgreSQL: concurrency over the pool", () => {
  const postgres = postgresOnly();

  /** A database with an Account table, holding the accounts given. */
  const accounts = async (balances: readonly number[], options: Omit<PostgreSQLOptions, "url" | "schema"> = {}) => withAccounts(await postgres.open(options), balances);

  pooledConcurrency((options) => postgres.open(options));

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
