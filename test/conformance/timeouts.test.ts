import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi, TimeoutError, TransactionError, type Model } from "ommi";
import { MySQLDriver, type MySQLOptions } from "ommi/mysql";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { SQLiteDriver } from "ommi/sqlite";
import { testMySQLUrl } from "../support/mysql.js";
import { mysqlOnly } from "../support/mysql-suite.js";
import { useThrowawayPostgres } from "../support/throwaway-postgres.js";
import { failureOf, signal } from "../support/turns.js";

// What every driver keeps is the conformance scenario "timeouts" (conformance/scenarios/timeouts.ts);
// these need two connections to one store, or a server of the tests' own.

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

const fastSchema = z.object({ id: z.number().int() });
const slowSchema = z.object({ id: z.number().int(), label: z.string() });

/** A database whose model Slow is a view of one row that takes seconds to compute, beside a model Fast of one row. */
interface SlowAndFast {
  db: Ommi;
  Fast: Model<z.infer<typeof fastSchema>, z.input<typeof fastSchema>>;
  Slow: Model<z.infer<typeof slowSchema>, z.input<typeof slowSchema>>;
  /** Statements reading Slow still running on the server. */
  sleepers: () => Promise<number>;
}

/** What a server that stops statements itself does with statement timeouts; `open` gives a database of the test's own. */
function statementTimeoutBehaviour(open: (options: { max?: number; statementTimeout?: number }) => Promise<SlowAndFast>): void {
  it("find(...).timeout(ms): the server stops the statement, the call fails with a TimeoutError, the pool goes on", async () => {
    const { db, Fast, Slow, sleepers } = await open({ max: 2 });
    const result = await db.find(Slow).timeout(100).all();
    expectTimeout(result.ok ? undefined : result.error, "statement");
    expect(await sleepers()).toBe(0);
    for (let round = 0; round < 3; round++) expect(await db.find(Fast).all()).toEqual({ ok: true, value: [{ id: 1 }] });
  });

  it("transaction(fn, { statementTimeout }): a statement past it fails with a TimeoutError, and so does the transaction, which commits nothing", async () => {
    const { db, Fast, Slow, sleepers } = await open({});
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
    expect(await sleepers()).toBe(0);
    expect(await db.find(Fast).count().value).toBe(1);
  });

  it("a statement stopped in a transaction dooms it though the callback goes on: the commit fails and nothing of it is stored", async () => {
    const { db, Fast, Slow } = await open({});
    const later: unknown[] = [];
    const failure = await failureOf(
      db.transaction(async (tx) => {
        await tx.add(Fast, { id: 2 }).raiseOnErrors();
        const stopped = await tx.find(Slow).timeout(100).all();
        expectTimeout(stopped.ok ? undefined : stopped.error, "statement");
        const after = await tx.add(Fast, { id: 3 });
        later.push(after.ok ? "stored" : after.error);
      }),
    );
    expect(later).toEqual([expect.any(TransactionError)]);
    expect(failure).toBeInstanceOf(TransactionError);
    expect(await db.find(Fast).all().value).toEqual([{ id: 1 }]);
  });

  it("a .timeout(ms) call inside a transaction with its own statementTimeout restores the transaction's limit after it", async () => {
    const { db, Fast, Slow } = await open({});
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
    const { db, Fast, Slow, sleepers } = await open({ statementTimeout: 100 });
    const result = await db.find(Slow).count();
    expectTimeout(result.ok ? undefined : result.error, "statement");
    expect(await sleepers()).toBe(0);
    expect(await db.find(Fast).count()).toEqual({ ok: true, value: 1 });
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
    const Fast = model(fastSchema, { name: "Fast", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Fast, { id: 1 }).raiseOnErrors();
    await admin(`CREATE VIEW "${schema}"."Slow" AS SELECT 1 AS id, pg_sleep(${seconds})::text AS label`);
    const Slow = model(slowSchema, { name: "Slow", collection: new ModelCollection() });
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
    statementTimeoutBehaviour(async (options) => {
      const { db, schema } = await open(options);
      return { db, ...(await slowAndFast(schema, db)), sleepers: sleepersRunning };
    });

    it("timeouts that are not whole milliseconds from 1 are refused when connecting", async () => {
      for (const bad of [0, -5, 2.5, Number.NaN]) {
        await expect(PostgreSQLDriver.connect({ url: cluster.url, statementTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
        await expect(PostgreSQLDriver.connect({ url: cluster.url, lockTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
      }
    });
  });
});

describe("MySQL/MariaDB timeouts, on a database of each test's own", () => {
  const server = mysqlOnly();

  /** A database on a fresh MySQL database with the options given, and that database's name. */
  async function open(options: Omit<MySQLOptions, "url" | "database"> = {}) {
    const { db } = await server.open(options);
    const [row] = await db.sql`SELECT DATABASE() AS name`.value;
    return { db, database: String(row?.name) };
  }

  /** Runs `statement` on a connection of the test's own (not the driver's), for what Ommi does not do: views, the process list. */
  async function admin<T>(statement: string, values: unknown[] = []): Promise<T> {
    const connection = await mysql.createConnection({ uri: testMySQLUrl });
    try {
      return (await connection.query(statement, values))[0] as T;
    } finally {
      await connection.end();
    }
  }

  /** A model over a view whose one row takes `seconds` to compute (SLEEP), and a fast one. */
  async function slowAndFast(database: string, db: Ommi, seconds = 10) {
    const collection = new ModelCollection();
    const Fast = model(fastSchema, { name: "Fast", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Fast, { id: 1 }).raiseOnErrors();
    await admin(`CREATE VIEW \`${database}\`.\`Slow\` AS SELECT 1 AS id, CAST(SLEEP(${seconds}) AS CHAR) AS label`);
    const Slow = model(slowSchema, { name: "Slow", collection: new ModelCollection() });
    return { Fast, Slow };
  }

  /** Statements on the test's database still running SLEEP on the server (the test's own admin query aside). */
  async function sleepersRunning(database: string): Promise<number> {
    const [row] = await admin<{ count: number }[]>(
      "SELECT COUNT(*) AS count FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%Slow%' AND ID <> CONNECTION_ID()",
      [database],
    );
    return Number(row?.count);
  }

  /** The session's limits, as the one free connection of a pool of two (a transaction holds the other) or of one reports them. */
  async function sessionLimits(db: Ommi) {
    const [row] = await db.sql`SELECT @@max_statement_time AS statementSeconds, @@innodb_lock_wait_timeout AS lockSeconds`.value;
    return { statement: Number(row?.statementSeconds), lock: Number(row?.lockSeconds) };
  }

  describe("lock timeouts", () => {
    const twoConnections = (waiterOptions: Omit<MySQLOptions, "url" | "database">) => async (): Promise<TwoConnections> => {
      const { db: holder, database } = await open();
      const collection = new ModelCollection();
      const Account = model(accountSchema, { name: "Account", collection });
      await holder.schema(collection).createModels().raiseOnErrors();
      await holder.add(Account, { id: 1, balance: 10 }).raiseOnErrors();
      const waiter = new Ommi(await MySQLDriver.connect({ ...waiterOptions, url: testMySQLUrl, database }));
      return { holder, waiter, Account, close: () => waiter.close() };
    };
    // MySQL counts lock waits in whole seconds: 100 ms waits 1 s.
    describe("set when connecting", () => lockTimeoutBehaviour(twoConnections({ lockTimeout: 100 })));

    it("set per transaction: a lock wait in transaction(fn, { lockTimeout }) fails with a retryable TimeoutError; the connection's own limit is back afterwards", async () => {
      const { holder, waiter, Account, close } = await twoConnections({ max: 1 })();
      try {
        const before = await sessionLimits(waiter);
        const { release, holding } = await holdRowLock(holder, Account);
        const failure = await failureOf(waiter.transaction((tx) => tx.find(Account.id.eq(1)).update({ balance: 0 }).value, { lockTimeout: 100 }));
        expectTimeout(failure, "lock");
        expect(await sessionLimits(waiter)).toEqual(before);
        release.fire();
        await holding;
        expect(await waiter.transaction((tx) => tx.find(Account.id.eq(1)).update({ balance: 1 }).value)).toBe(1);
      } finally {
        await close();
      }
    });
  });

  describe("statement timeouts", () => {
    statementTimeoutBehaviour(async (options) => {
      const { db, database } = await open(options);
      return { db, ...(await slowAndFast(database, db)), sleepers: () => sleepersRunning(database) };
    });

    it("the limits of a .timeout(ms) call and of a transaction are put back afterwards: the connection has its own again", async () => {
      const { db, database } = await open({ max: 1, statementTimeout: 5_000 });
      const { Fast, Slow } = await slowAndFast(database, db);
      const before = await sessionLimits(db);
      const stopped = await db.find(Slow).timeout(100).all();
      expectTimeout(stopped.ok ? undefined : stopped.error, "statement");
      expect(await sessionLimits(db)).toEqual(before);
      await db.transaction(async (tx) => {
        expect(await tx.find(Fast).timeout(60_000).count().value).toBe(1);
      }, { statementTimeout: 200, lockTimeout: 3_000 });
      expect(await sessionLimits(db)).toEqual(before);
      expect(before.statement).toBe(5);
    });

    it("timeouts that are not whole milliseconds from 1 are refused when connecting", async () => {
      for (const bad of [0, -5, 2.5, Number.NaN]) {
        await expect(MySQLDriver.connect({ url: testMySQLUrl, statementTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
        await expect(MySQLDriver.connect({ url: testMySQLUrl, lockTimeout: bad })).rejects.toBeInstanceOf(ConnectionError);
      }
    });
  });
});
