import { expect, it } from "vitest";
import { z } from "zod";
import { model, TransactionError, type ModelCollection, type Ommi, type TransactionOptions } from "ommi";
import { failuresOf, signal } from "./turns.js";

type IsolationLevel = NonNullable<TransactionOptions["isolation"]>;

const accountSchema = z.object({ id: z.number().int(), balance: z.number().int() });

/** A database of a test's own, and a collection to define its models in. */
interface Opened {
  db: Ommi;
  collection: ModelCollection;
  create: () => Promise<void>;
}

/** A database of a test's own, on a pool of `max` connections. */
export type OpenPooled = (options: { max?: number; isolation?: IsolationLevel }) => Promise<Opened>;

/** An Account model in the database opened, its table created, holding the balances given (ids 1, 2, ...). */
export async function withAccounts({ db, collection, create }: Opened, balances: readonly number[]) {
  const Account = model(accountSchema, { name: "Account", collection });
  await create();
  if (balances.length) await db.add(Account, balances.map((balance, index) => ({ id: index + 1, balance }))).raiseOnErrors();
  return { db, Account };
}

/**
 * What every SQL driver on a pool of connections does alike under concurrent calls (PostgreSQL,
 * MySQL): called inside the driver's describe, beside the tests of what its server does its own way.
 */
export function pooledConcurrency(open: OpenPooled): void {
  const accounts = async (balances: readonly number[], options: { max?: number; isolation?: IsolationLevel } = {}) => withAccounts(await open(options), balances);

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

  it("read committed: a second update of the same row waits for the first transaction, then wins", async () => {
    const { db, Account } = await accounts([100], { isolation: "read committed" });
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

  it("a deadlock between two transactions fails one of them with a retryable TransactionError and commits nothing of it; the other commits", async () => {
    const { db, Account } = await accounts([0, 0]);
    const locked = [signal(), signal()];
    const transfer = (index: 0 | 1, first: number, second: number) =>
      db.transaction(async (tx) => {
        await tx.add(Account, { id: 10 + index, balance: index + 1 }).raiseOnErrors();
        await tx.find(Account.id.eq(first)).update({ balance: index + 1 }).raiseOnErrors();
        locked[index]?.fire();
        await locked[1 - index]?.fired;
        await tx.find(Account.id.eq(second)).update({ balance: index + 1 }).raiseOnErrors();
      });
    const outcomes = await Promise.allSettled([transfer(0, 1, 2), transfer(1, 2, 1)]);
    const failed = failuresOf(outcomes);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(TransactionError);
    expect((failed[0] as TransactionError).retryable).toBe(true);
    expect(String(failed[0])).toMatch(/deadlock/i);
    const winner = outcomes.findIndex((outcome) => outcome.status === "fulfilled");
    const rows = (await db.find(Account).all().value).sort((a, b) => a.id - b.id);
    expect(rows).toEqual([
      { id: 1, balance: winner + 1 },
      { id: 2, balance: winner + 1 },
      { id: 10 + winner, balance: winner + 1 },
    ]);
  });
}
