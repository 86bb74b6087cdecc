import { expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";

/** What `work` failed with (undefined when it succeeded). */
async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(() => undefined, (error: unknown) => error);
}

const accountSchema = z.object({ id: z.number().int(), balance: z.number().int() });

export const timeouts = defineScenario("timeouts", "timeouts", (context) => {
  async function accounts() {
    const { db, collection, create } = context();
    const Account = model(accountSchema, { name: "Account", collection });
    await create();
    await addRows(db, Account, [{ id: 1, balance: 10 }, { id: 2, balance: 20 }]);
    return { db, Account };
  }

  it("a timeout that is not a whole number of milliseconds from 1 is a QueryError, and nothing runs", async () => {
    const { db, Account } = await accounts();
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      const result = await db.find(Account.id.eq(1)).timeout(bad).update({ balance: 0 });
      expect(result.ok ? undefined : result.error, `timeout(${bad})`).toBeInstanceOf(QueryError);
      let ran = false;
      const failure = await failureOf(db.transaction(() => Promise.resolve(void (ran = true)), { lockTimeout: bad }));
      expect(failure, `lockTimeout ${bad}`).toBeInstanceOf(QueryError);
      expect(ran).toBe(false);
    }
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 10 });
  });

  it("find(...).timeout(ms) runs every operation within the limit where the database can stop a statement, and is refused before running elsewhere", async () => {
    const { db, Account } = await accounts();
    const limited = db.find(Account.id.eq(1)).timeout(10_000);
    if (context().driver.capabilities?.statementTimeout) {
      expect(await limited.all()).toEqual({ ok: true, value: [{ id: 1, balance: 10 }] });
      expect(await limited.one()).toEqual({ ok: true, value: { id: 1, balance: 10 } });
      expect(await limited.count()).toEqual({ ok: true, value: 1 });
      expect(await limited.update({ balance: 11 })).toEqual({ ok: true, value: 1 });
      const iterated: unknown[] = [];
      for await (const account of limited.iterate({ batchSize: 1 })) iterated.push(account);
      expect(iterated).toEqual([{ id: 1, balance: 11 }]);
      expect(await limited.delete()).toEqual({ ok: true, value: 1 });
      // Inside a transaction too; the transaction goes on afterwards.
      await db.transaction(async (tx) => {
        expect(await tx.find(Account.id.eq(2)).timeout(10_000).count().value).toBe(1);
        await tx.find(Account.id.eq(2)).update({ balance: 21 }).raiseOnErrors();
      });
      expect(await db.find(Account.id.eq(2)).one().value).toEqual({ id: 2, balance: 21 });
    } else {
      const refused = await limited.update({ balance: 0 });
      expect(refused.ok ? undefined : refused.error).toBeInstanceOf(QueryError);
      expect((refused.ok ? undefined : refused.error)?.message).toMatch(/cannot stop a running statement/);
      expect((await limited.all()).ok).toBe(false);
      await expect(async () => {
        for await (const account of limited.iterate()) void account;
      }).rejects.toBeInstanceOf(QueryError);
      let ran = false;
      const failure = await failureOf(db.transaction(() => Promise.resolve(void (ran = true)), { statementTimeout: 1000 }));
      expect(failure).toBeInstanceOf(QueryError);
      expect(ran).toBe(false);
      expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 10 });
    }
  });

  it("a nested transaction takes no timeouts: QueryError, the outer transaction goes on", needing(context, ["transactions"], async () => {
    const { db, Account } = await accounts();
    await db.transaction(async (tx) => {
      const failure = await failureOf(tx.transaction(() => Promise.resolve(), { lockTimeout: 100 }));
      expect(failure).toBeInstanceOf(QueryError);
      await tx.find(Account.id.eq(1)).update({ balance: 12 }).raiseOnErrors();
    });
    expect(await db.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 12 });
  }));
});
