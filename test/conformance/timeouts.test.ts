import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi, TimeoutError, type Model } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { SQLiteDriver } from "ommi/sqlite";
import { useThrowawayPostgres } from "../support/throwaway-postgres.js";

// What every driver keeps is the conformance scenario "timeouts" (conformance/scenarios/timeouts.ts);
// these need two connections to one store, or a server of the tests' own.

/** A promise and the function that resolves it, to let two callers take turns. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

/** What `work` failed with (undefined when it succeeded). */
async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(() => undefined, (error: unknown) => error);
}

function expectTimeout(error: unknown, limit: "statement" | "lock"): void {
  expect(error).toBeInstanceOf(TimeoutError);
  expect((error as TimeoutError).limit).toBe(limit);
  expect((error as TimeoutError).retryable).toBe(limit === "lock");
}

const accountSchema = z.object({ id: z.number().int(), balance: z.number().int() });

/** Two databases on one store, and how to close them: the lock timeout needs a second connection. */
interface TwoConnections {
  holder: Ommi;
  /** Waits for locks at most 100 ms (by the connect option, or by `waiterTransaction`). */
  waiter: Ommi;
  Account: Model<z.infer<typeof accountSchema>, z.input<typeof accountSchema>>;
  close: () => Promise<void>;
}

/** A transaction on `holder` that has written account 1 and keeps its lock until `release` fires. */
async function holdRowLock(holder: Ommi, Account: TwoConnections["Account"]) {
  const locked = signal();
  const release = signal();
  const holding = holder.transaction(async (tx) => {
    await tx.find(Account.id.eq(1)).update({ balance: 99 }).raiseOnErrors();
    locked.fire();
    await release.fired;
  });
  await locked.fired;
  return { release, holding };
}

function lockTimeoutBehaviour(open: () => Promise<TwoConnections>): void {
  it("a write that waits for another transaction's lock longer than lockTimeout fails with a retryable TimeoutError", async () => {
    const { holder, waiter, Account, close } = await open();
    try {
      const { release, holding } = await holdRowLock(holder, Account);
      const result = await waiter.find(Account.id.eq(1)).update({ balance: 0 });
      expectTimeout(result.ok ? undefined : result.error, "lock");
      release.fire();
      await holding;
      expect(await waiter.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 99 });
    } finally {
      await close();
    }
  });

  it("transaction(fn, { retries }) runs the callback again after a lock timeout; the second run commits", async () => {
    const { holder, waiter, Account, close } = await open();
    try {
      const { release, holding } = await holdRowLock(holder, Account);
      let attempts = 0;
      await waiter.transaction(
        async (tx) => {
          if (++attempts === 2) {
            release.fire();
            await holding;
          }
          await tx.find(Account.id.eq(1)).update({ balance: 5 }).raiseOnErrors();
        },
        { retries: 1 },
      );
      expect(attempts).toBe(2);
      expect(await holder.find(Account.id.eq(1)).one().value).toEqual({ id: 1, balance: 5 });
    } finally {
      await close();
    }
  });
}

describe("lock timeouts [sqlite (file)]: two drivers on one file", () => {
  lockTimeoutBehaviour(async (): Promise<TwoConnections> => {
    const folder = mkdtempSync(join(tmpdir(), "ommi-"));
    const filename = join(folder, "locks.db");
    const collection = new ModelCollection();
    const Account = model(accountSchema, { name: "Account", collection });
    const holder = new Ommi(await SQLiteDriver.connect({ filename }));
    await holder.schema(collection).createModels().raiseOnErrors();
    await holder.add(Account, { id: 1, balance: 10 }).raiseOnErrors();
    const waiter = new Ommi(await SQLiteDriver.connect({ filename, lockTimeout: 100 }));
    return {
      holder,
      waiter,
      Account,
      async close() {
        await Promise.all([holder.close(), waiter.close()]);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  });

  it("busyTimeout, lockTimeout's former name, still sets it; both at once must agree", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ommi-"));
    try {
      const filename = join(folder, "names.db");
      const old = await SQLiteDriver.connect({ filename, busyTimeout: 100 });
      await old.close();
      await expect(SQLiteDriver.connect({ filename, busyTimeout: 100, lockTimeout: 200 })).rejects.toBeInstanceOf(ConnectionError);
      await expect(SQLiteDriver.connect({ filename, lockTimeout: 0 })).rejects.toBeInstanceOf(ConnectionError);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("PostgreSQL timeouts, on a cluster of the tests' own", () => {
  const cluster = useThrowawayPostgres();
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()));
  });

  /** A database on a fresh schema, with an admin connection to shape it. */
  async function open(options: Omit<PostgreSQLOptions, "url" | "schema"> = {}, schema = `timeouts_${randomBytes(6).toString("hex")}`) {
    const db = new Ommi(await PostgreSQLDriver.connect({ ...options, url: cluster.url, schema }));
    closing.push(() => db.close());
    return { db, schema };
  }

  async function admin<T extends postgres.Row[]>(statement: string): Promise<T> {
    const sql = postgres(cluster.url, { max: 1, onnotice: () => undefined });
    try {
      return await sql.unsafe<T>(statement);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }

  /** A model over a view whose one row takes `seconds` to compute (pg_sleep), and a fast one. */
  async function slowAndFast(schema: string, db: Ommi, seconds = 30) {
    const collection = new ModelCollection();
    const Fast = model(z.object({ id: z.number().int() }), { name: "Fast", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Fast, { id: 1 }).raiseOnErrors();
    await admin(`CREATE VIEW "${schema}"."Slow" AS SELECT 1 AS id, pg_sleep(${seconds})::text AS label`);
    const Slow = model(z.object({ id: z.number().int(), label: z.string() }), { name: "Slow", collection: new ModelCollection() });
    return { Fast, Slow };
  }

  /** Statements still running pg_sleep on the server (the test's own admin query aside). */
  async function sleepersRunning(): Promise<number> {
    const [row] = await admin<{ count: string }[]>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%Slow%' AND pid <> pg_backend_pid()",
    );
    return Number(row?.count);
  }

  describe("lock timeouts", () => {
    const twoConnections = (waiterOptions: Omit<PostgreSQLOptions, "url" | "schema">) => async (): Promise<TwoConnections> => {
      const { db: holder, schema } = await open();
      const collection = new ModelCollection();
      const Account = model(accountSchema, { name: "Account", collection });
      await holder.schema(collection).createModels().raiseOnErrors();
      await holder.add(Account, { id: 1, balance: 10 }).raiseOnErrors();
      const { db: waiter } = await open(waiterOptions, schema);
      return { holder, waiter, Account, close: () => Promise.resolve() };
    };
    describe("set when connecting", () => lockTimeoutBehaviour(twoConnections({ lockTimeout: 100 })));

    it("set per transaction: a lock wait in transaction(fn, { lockTimeout }) fails with a retryable TimeoutError", async () => {
      const { holder, waiter, Account } = await twoConnections({})();
      const { release, holding } = await holdRowLock(holder, Account);
      const failure = await failureOf(waiter.transaction((tx) => tx.find(Account.id.eq(1)).update({ balance: 0 }).value, { lockTimeout: 100 }));
      expectTimeout(failure, "lock");
      release.fire();
      await holding;
      // The limit was the transaction's own: a later transaction waits as long as it takes.
      const waited = waiter.transaction((tx) => tx.find(Account.id.eq(1)).update({ balance: 1 }).value);
      expect(await waited).toBe(1);
    });
  });

  describe("statement timeouts", () => {
    it("find(...).timeout(ms): the server stops the statement, the call fails with a TimeoutError, the pool goes on", async () => {
      const { db, schema } = await open({ max: 2 });
      const { Fast, Slow } = await slowAndFast(schema, db);
      const result = await db.find(Slow).timeout(100).all();
      expectTimeout(result.ok ? undefined : result.error, "statement");
      expect(await sleepersRunning()).toBe(0);
      for (let round = 0; round < 3; round++) expect(await db.find(Fast).all()).toEqual({ ok: true, value: [{ id: 1 }] });
    });

    it("transaction(fn, { statementTimeout }): a statement past it fails with a TimeoutError, and so does the transaction", async () => {
      const { db, schema } = await open();
      const { Fast, Slow } = await slowAndFast(schema, db);
      let inside: unknown;
      const failure = await failureOf(
        db.transaction(
          async (tx) => {
            await tx.add(Fast, { id: 2 }).raiseOnErrors();
            const result = await tx.find(Slow).all();
            inside = result.ok ? undefined : result.error;
            if (!result.ok) throw result.error;
          },
          { statementTimeout: 100 },
        ),
      );
      expectTimeout(inside, "statement");
      expectTimeout(failure, "statement");
      expect(await sleepersRunning()).toBe(0);
      expect(await db.find(Fast).count().value).toBe(1);
    });

    it("a .timeout(ms) call inside a transaction with its own statementTimeout restores the transaction's limit after it", async () => {
      const { db, schema } = await open();
      const { Fast, Slow } = await slowAndFast(schema, db);
      const failure = await failureOf(
        db.transaction(
          async (tx) => {
            expect(await tx.find(Fast).timeout(60_000).count().value).toBe(1);
            await tx.find(Slow).all().value;
          },
          { statementTimeout: 100 },
        ),
      );
      expectTimeout(failure, "statement");
    });

    it("statementTimeout when connecting holds for every statement; the server stops it", async () => {
      const { db, schema } = await open({ statementTimeout: 100 });
      const { Fast, Slow } = await slowAndFast(schema, db);
      const result = await db.find(Slow).count();
      expectTimeout(result.ok ? undefined : result.error, "statement");
      expect(await sleepersRunning()).toBe(0);
      expect(await db.find(Fast).count()).toEqual({ ok: true, value: 1 });
    });

    it("timeouts that are not whole milliseconds from 1 are refused when connecting", async () => {
      for (const bad of [0, -5, 2.5, Number.NaN]) {
        await expect(PostgreSQLDriver.connect({ url: cluster.url, statementTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
        await expect(PostgreSQLDriver.connect({ url: cluster.url, lockTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
      }
    });
  });
});
