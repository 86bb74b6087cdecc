import { describe, expect, it } from "vitest";
import { ConstraintError, TimeoutError, TransactionError } from "ommi";
import type { MySQLOptions } from "ommi/mysql";
import { mysqlOnly } from "../support/mysql-suite.js";
import { pooledConcurrency, withAccounts } from "../support/pooled-concurrency.js";
import { failureOf, failuresOf, signal } from "../support/turns.js";

// What every pooled SQL driver does alike is in support/pooled-concurrency.ts; here, what InnoDB
// does its own way: its isolation levels lock where PostgreSQL's take snapshots, so conflicts end
// in a deadlock or a lock wait rather than a serialization failure, and a deadlock rolls back the
// whole transaction, savepoints and all. Lock waits are bounded by the driver's lockTimeout (1 s,
// MySQL's shortest), never by a server-wide setting.

/** The shortest lock wait MySQL keeps (it counts whole seconds): a test that waits for a lock fails in a second, not in InnoDB's 50. */
const LOCK_TIMEOUT = 1000;

describe("MySQL: concurrency over the pool", () => {
  const mysql = mysqlOnly();

  /** A database with an Account table, holding the accounts given; lock waits end after a second unless the options say otherwise. */
  const accounts = async (balances: readonly number[], options: Omit<MySQLOptions, "url" | "database"> = {}) =>
    withAccounts(await mysql.open({ lockTimeout: LOCK_TIMEOUT, ...options }), balances);

  pooledConcurrency((options) => mysql.open({ lockTimeout: LOCK_TIMEOUT, ...options }));

  it("on a pool of 2, a transaction holds one connection and every other call, transactions too, runs on the other", async () => {
    const { db, Account } = await accounts([], { max: 2 });
    const othersDone = signal();
    const outer = db.transaction(async (tx) => {
      await tx.add(Account, { id: 1, balance: 1 }).raiseOnErrors();
      await othersDone.fired;
    });
    for (let id = 2; id <= 4; id++) await db.transaction(async (tx) => tx.add(Account, { id, balance: 1 }).raiseOnErrors());
    expect(await db.find(Account).count().value).toBe(3);
    othersDone.fire();
    await outer;
    expect(await db.find(Account).count().value).toBe(4);
  });

  it("repeatable read (InnoDB's default): a transaction reads what it read first though another commits a change; read committed reads the change", async () => {
    const { db, Account } = await accounts([100]);
    const reads = async (isolation: "read committed" | "repeatable read") => {
      const firstRead = signal();
      const changed = signal();
      const reading = db.transaction(
        async (tx) => {
          const before = await tx.find(Account.id.eq(1)).one().value;
          firstRead.fire();
          await changed.fired;
          return [before.balance, (await tx.find(Account.id.eq(1)).one().value).balance, await tx.find(Account).count().value];
        },
        { isolation },
      );
      await firstRead.fired;
      const before = await db.find(Account.id.eq(1)).one().value;
      await db.transaction(async (tx) => {
        await tx.find(Account.id.eq(1)).update({ balance: before.balance + 1 }).raiseOnErrors();
        await tx.add(Account, { id: before.balance + 1000, balance: 0 }).raiseOnErrors();
      });
      changed.fire();
      return reading;
    };
    expect(await reads("repeatable read")).toEqual([100, 100, 1]);
    expect(await reads("read committed")).toEqual([101, 102, 3]);
  });

  it("serializable: a row a transaction has read cannot be written by another until it ends; the writer's wait times out, retryable", async () => {
    const { db, Account } = await accounts([100], { isolation: "serializable" });
    const read = signal();
    const writerDone = signal();
    const reader = db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).one().value;
      read.fire();
      await writerDone.fired;
    });
    await read.fired;
    const writer = await failureOf(
      db.transaction(async (tx) => {
        await tx.add(Account, { id: 2, balance: 0 }).raiseOnErrors();
        await tx.find(Account.id.eq(1)).update({ balance: 0 }).raiseOnErrors();
      }),
    );
    writerDone.fire();
    await reader;
    expect(writer).toBeInstanceOf(TimeoutError);
    expect((writer as TimeoutError).limit).toBe("lock");
    expect((writer as TimeoutError).retryable).toBe(true);
    // Nothing of the writer committed, the row it added before its wait included.
    expect(await db.find(Account).all().value).toEqual([{ id: 1, balance: 100 }]);
  });

  it("serializable: two transactions that read a row, then write it, deadlock; one fails with a retryable TransactionError, the other commits", async () => {
    const { db, Account } = await accounts([100], { isolation: "serializable" });
    const read = [signal(), signal()];
    const increment = (index: 0 | 1) =>
      db.transaction(async (tx) => {
        const account = await tx.find(Account.id.eq(1)).one().value;
        read[index]?.fire();
        await read[1 - index]?.fired;
        await tx.find(Account.id.eq(1)).update({ balance: account.balance + 1 }).raiseOnErrors();
      });
    const outcomes = await Promise.allSettled([increment(0), increment(1)]);
    const failed = failuresOf(outcomes);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(TransactionError);
    expect((failed[0] as TransactionError).retryable).toBe(true);
    expect(String(failed[0])).toMatch(/deadlock/i);
    // One increment, not two written over one another: the update that lost is not lost silently.
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 101 });
  });

  it("serializable with retries: read-modify-write transactions at once each apply once, none lost", async () => {
    const { db, Account } = await accounts([100], { isolation: "serializable" });
    const read = [signal(), signal(), signal()];
    let attempts = 0;
    const increment = (index: number) => {
      let first = true;
      return db.transaction(
        async (tx) => {
          attempts++;
          const account = await tx.find(Account.id.eq(1)).one().value;
          if (first) {
            // Every first attempt reads before any writes, so they conflict.
            first = false;
            read[index]?.fire();
            await Promise.all(read.map((each) => each.fired));
          }
          await tx.find(Account.id.eq(1)).update({ balance: account.balance + 1 }).raiseOnErrors();
        },
        { retries: 5 },
      );
    };
    await Promise.all([increment(0), increment(1), increment(2)]);
    expect(attempts).toBeGreaterThan(3);
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 103 });
  });

  it("a write that waits longer than lockTimeout for another transaction's lock fails with a retryable TimeoutError; the holder goes on and commits", async () => {
    const { db, Account } = await accounts([100]);
    const locked = signal();
    const waited = signal();
    const holder = db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).update({ balance: 1 }).raiseOnErrors();
      locked.fire();
      await waited.fired;
      await tx.find(Account.id.eq(1)).update({ balance: 2 }).raiseOnErrors();
    });
    await locked.fired;
    const result = await db.find(Account.id.eq(1)).update({ balance: 0 });
    waited.fire();
    await holder;
    const failure = result.ok ? undefined : result.error;
    expect(failure).toBeInstanceOf(TimeoutError);
    expect((failure as TimeoutError).limit).toBe("lock");
    expect((failure as TimeoutError).retryable).toBe(true);
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 2 });
  });

  it("transaction(fn, { lockTimeout }): the limit is that transaction's own; the connection has the driver's again afterwards", async () => {
    const { db, Account } = await accounts([100], { max: 2, lockTimeout: undefined });
    const locked = signal();
    const release = signal();
    // Holds one of the two connections, so every call below runs on the other one.
    const holder = db.transaction(async (tx) => {
      await tx.find(Account.id.eq(1)).update({ balance: 1 }).raiseOnErrors();
      locked.fire();
      await release.fired;
    });
    await locked.fired;
    const lockWait = async () => (await db.sql`SELECT @@innodb_lock_wait_timeout AS seconds`.value)[0]?.seconds;
    const before = await lockWait();
    const limited = await failureOf(
      db.transaction(async (tx) => {
        await tx.add(Account, { id: 2, balance: 0 }).raiseOnErrors();
        await tx.find(Account.id.eq(1)).update({ balance: 0 }).raiseOnErrors();
      }, { lockTimeout: LOCK_TIMEOUT }),
    );
    expect(limited).toBeInstanceOf(TimeoutError);
    expect((limited as TimeoutError).retryable).toBe(true);
    expect(await lockWait()).toBe(before);
    release.fire();
    await holder;
    expect(await db.find(Account).all().value).toEqual([{ id: 1, balance: 1 }]);
  });

  it("savepoints in transactions that run at once: each rolled-back savepoint undoes only its own rows, each transaction commits the rest", async () => {
    const { db, Account } = await accounts([]);
    const everyoneInside = Array.from({ length: 5 }, () => signal());
    await Promise.all(
      everyoneInside.map((inside, index) =>
        db.transaction(async (tx) => {
          const base = 100 * (index + 1);
          await tx.add(Account, { id: base, balance: 0 }).raiseOnErrors();
          const nested = await failureOf(
            tx.transaction(async (nestedTx) => {
              await nestedTx.add(Account, { id: base + 1, balance: 1 }).raiseOnErrors();
              inside.fire();
              await Promise.all(everyoneInside.map((each) => each.fired));
              // A key the outer transaction holds: the savepoint fails, and only it rolls back.
              await nestedTx.add(Account, { id: base, balance: 1 }).raiseOnErrors();
            }),
          );
          expect(nested).toBeInstanceOf(ConstraintError);
          await tx.transaction((kept) => kept.add(Account, { id: base + 2, balance: 2 }).raiseOnErrors());
        }),
      ),
    );
    const ids = (await db.find(Account).all().value).map((account) => account.id).sort((a, b) => a - b);
    expect(ids).toEqual([100, 102, 200, 202, 300, 302, 400, 402, 500, 502]);
  });

  it("a savepoint's rows are not seen by others until the outer transaction commits", async () => {
    const { db, Account } = await accounts([]);
    const released = signal();
    const checked = signal();
    const transaction = db.transaction(async (tx) => {
      await tx.transaction((nested) => nested.add(Account, { id: 1, balance: 1 }).raiseOnErrors());
      released.fire();
      await checked.fired;
    });
    await released.fired;
    expect(await db.find(Account).count().value).toBe(0);
    checked.fire();
    await transaction;
    expect(await db.find(Account).count().value).toBe(1);
  });

  it("a deadlock inside a savepoint: the server rolled back the whole transaction, so the outer one fails too and commits nothing", async () => {
    const { db, Account } = await accounts([0, 0]);
    const locked = [signal(), signal()];
    const outerAfterwards: unknown[] = [];
    const transfer = (index: 0 | 1, first: number, second: number) =>
      db.transaction(async (tx) => {
        await tx.add(Account, { id: 10 + index, balance: 0 }).raiseOnErrors();
        const nested = await failureOf(
          tx.transaction(async (nestedTx) => {
            await nestedTx.find(Account.id.eq(first)).update({ balance: index + 1 }).raiseOnErrors();
            locked[index]?.fire();
            await locked[1 - index]?.fired;
            await nestedTx.find(Account.id.eq(second)).update({ balance: index + 1 }).raiseOnErrors();
          }),
        );
        if (nested === undefined) return;
        // Code that catches a failed savepoint and goes on, as it may on PostgreSQL: here its transaction is gone.
        const after = await tx.add(Account, { id: 20 + index, balance: 0 });
        outerAfterwards.push(after.ok ? "stored" : after.error);
      });
    const outcomes = await Promise.allSettled([transfer(0, 1, 2), transfer(1, 2, 1)]);
    const failed = failuresOf(outcomes);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(TransactionError);
    expect((failed[0] as TransactionError).retryable).toBe(true);
    expect(outerAfterwards).toHaveLength(1);
    expect(outerAfterwards[0]).toBeInstanceOf(TransactionError);
    const winner = outcomes.findIndex((outcome) => outcome.status === "fulfilled");
    const rows = await db.find(Account).all().value;
    expect(rows.map((account) => account.id)).toEqual([1, 2, 10 + winner]);
  });
});
