import { setTimeout as sleep } from "node:timers/promises";
import mysql from "mysql2/promise";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, TransactionError, type Ommi } from "ommi";
import { testMySQLUrl } from "../support/mysql.js";
import { mysqlOnly } from "../support/mysql-suite.js";
import { connectionErrorIn, settled } from "../support/turns.js";

/**
 * Connections of the driver killed under it (`KILL <id>` from a connection of the test's own):
 * only connections the test opened itself, on its own database, found by CONNECTION_ID() through
 * the driver and checked in the process list before each kill.
 */

describe("MySQL: connections killed under the driver", () => {
  const server = mysqlOnly();
  let admin: mysql.Connection | undefined;
  afterEach(async () => {
    await admin?.end();
    admin = undefined;
  });

  /** A database of the test's own with a Thing table, and its name. */
  async function things(options: { max?: number } = {}) {
    const { db, collection, create } = await server.open(options);
    const Thing = model(z.object({ id: z.number().int() }), { name: "Thing", collection });
    await create();
    const [row] = await db.sql`SELECT DATABASE() AS name`.value;
    return { db, Thing, database: String(row?.name) };
  }

  /** The id of the connection a session's next statement runs on (for a pool of one, or a transaction). */
  async function connectionId(db: Pick<Ommi, "sql">): Promise<number> {
    const [row] = await db.sql`SELECT CONNECTION_ID() AS id`.value;
    return Number(row?.id);
  }

  /** Kills connection `id`, once the process list shows it is on the test's own database. */
  async function kill(id: number, database: string): Promise<void> {
    admin ??= await mysql.createConnection({ uri: testMySQLUrl });
    const [rows] = await admin.query("SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ? AND DB = ?", [id, database]);
    expect(rows, `connection ${id} on ${database}`).toHaveLength(1);
    await admin.query("KILL CONNECTION ?", [id]);
  }

  /** The id of the connection running a statement on the test's database that mentions `text`, once it runs. */
  async function runningStatement(database: string, text: string): Promise<number> {
    admin ??= await mysql.createConnection({ uri: testMySQLUrl });
    for (;;) {
      const [rows] = await admin.query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE ? AND ID <> CONNECTION_ID()", [database, `%${text}%`]);
      const [row] = rows as { ID: number }[];
      if (row) return row.ID;
      await sleep(10);
    }
  }

  // Each delay lets the close reach mysql2 at a different point: before the next call, or after it was sent.
  for (const delay of [0, 1, 20]) {
    it(`a transaction whose connection is killed (next call ${delay} ms later) fails with a ConnectionError and commits nothing; the pool goes on`, async () => {
      const { db, Thing, database } = await things({ max: 2 });
      let next: unknown;
      const outcome = await settled(
        db.transaction(async (tx) => {
          await tx.add(Thing, { id: 1 }).raiseOnErrors();
          await kill(await connectionId(tx), database);
          if (delay) await sleep(delay);
          const result = await tx.add(Thing, { id: 2 });
          next = result.ok ? undefined : result.error;
          if (!result.ok) throw result.error;
        }),
        10,
      );
      expect(next).toBeInstanceOf(ConnectionError);
      expect(outcome).toMatchObject({ status: "rejected" });
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConnectionError);
      for (let round = 0; round < 3; round++) expect(await db.find(Thing).count()).toEqual({ ok: true, value: 0 });
      await db.add(Thing, { id: 3 }).raiseOnErrors();
      expect(await db.find(Thing).all().value).toEqual([{ id: 3 }]);
    });
  }

  it("a transaction whose callback goes on after its connection was killed cannot commit: a TransactionError caused by a ConnectionError", async () => {
    const { db, Thing, database } = await things();
    const later: unknown[] = [];
    const failure = await db
      .transaction(async (tx) => {
        await tx.add(Thing, { id: 1 }).raiseOnErrors();
        await kill(await connectionId(tx), database);
        for (const id of [2, 3]) {
          const result = await tx.add(Thing, { id });
          later.push(result.ok ? "stored" : result.error);
        }
      })
      .then(() => undefined, (error: unknown) => error);
    expect(later.map(connectionErrorIn)).toEqual([expect.any(ConnectionError), expect.any(ConnectionError)]);
    expect(failure).toBeInstanceOf(TransactionError);
    expect(connectionErrorIn(failure)).toBeInstanceOf(ConnectionError);
    expect(await db.find(Thing).count().value).toBe(0);
  });

  it("a statement running when its connection is killed fails with a ConnectionError; later calls run on a new connection", async () => {
    const { db, Thing, database } = await things({ max: 1 });
    admin ??= await mysql.createConnection({ uri: testMySQLUrl });
    await admin.query(`CREATE VIEW \`${database}\`.\`Slow\` AS SELECT 1 AS id, SLEEP(10) AS pause`);
    const Slow = model(z.object({ id: z.number().int(), pause: z.number().int() }), { name: "Slow", collection: new ModelCollection() });
    const before = await connectionId(db);
    const running = db.find(Slow).all();
    await kill(await runningStatement(database, "Slow"), database);
    const outcome = await running;
    expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(ConnectionError);
    expect(await db.find(Thing).count()).toEqual({ ok: true, value: 0 });
    expect(await connectionId(db)).not.toBe(before);
  });

  it("a pool connection killed while idle: the next call fails with a ConnectionError at most, and the pool replaces the connection", async () => {
    const { db, Thing, database } = await things({ max: 1 });
    const before = await connectionId(db);
    await kill(before, database);
    const next = await db.find(Thing).count();
    if (!next.ok) expect(next.error).toBeInstanceOf(ConnectionError);
    expect(await db.find(Thing).count()).toEqual({ ok: true, value: 0 });
    expect(await connectionId(db)).not.toBe(before);
  });
});
