import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi, TransactionError } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { useThrowawayPostgres } from "../support/throwaway-postgres.js";
import { connectionErrorIn, settled } from "../support/turns.js";

/**
 * Faults in PostgreSQL connections: backends terminated under open transactions and under
 * concurrent finds, statements failing halfway through their rows. These kill backends, so they
 * run on a cluster of their own, never on the shared test server.
 */
const cluster = useThrowawayPostgres();

const opened: Ommi[] = [];
let admin: postgres.Sql | undefined;

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  await admin?.end({ timeout: 1 });
  admin = undefined;
});

/** A connection of the test's own, on the throwaway cluster, for killing Ommi's. */
function adminSql(): postgres.Sql {
  return (admin ??= postgres(cluster.url, { max: 1, onnotice: () => undefined, connection: { application_name: "ommi-test-admin" } }));
}

/** A database on a fresh schema of the throwaway cluster, with a collection for its models. */
async function open(options: Omit<PostgreSQLOptions, "url" | "schema"> = {}) {
  const schema = `faults_${randomBytes(6).toString("hex")}`;
  const db = new Ommi(await PostgreSQLDriver.connect({ ...options, url: cluster.url, schema }));
  opened.push(db);
  return { db, schema, collection: new ModelCollection() };
}

/** Ends every connection Ommi opened (application_name "ommi"), or only those inside a transaction; says how many. */
async function terminate(which: "all" | "in transaction"): Promise<number> {
  const state = which === "all" ? "" : "AND state LIKE 'idle in transaction%'";
  const ended = await adminSql().unsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ommi' ${state}`);
  return ended.length;
}

describe("PostgreSQL: a transaction whose connection dies", () => {
  // Each delay lets the close reach postgres.js at a different point: before the next call, or
  // after it was sent (then the call fails first, and the ROLLBACK used to wait forever).
  const DELAYS_MS = [0, 0, 0, 1, 5, 20, 100, 0];

  it("rejects promptly with a ConnectionError, and a pool of 3 goes on serving after 8 such deaths", async () => {
    const { db, collection } = await open({ max: 3 });
    const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Thing, { id: 1, name: "one" }).raiseOnErrors();

    for (const delay of DELAYS_MS) {
      const outcome = await settled(
        db.transaction(async (tx) => {
          await tx.find(Thing).count().raiseOnErrors();
          expect(await terminate("in transaction")).toBe(1);
          if (delay) await sleep(delay);
          await tx.find(Thing).all().raiseOnErrors();
        }),
        10,
      );
      expect(outcome, `after a delay of ${delay} ms`).not.toBe("still pending");
      expect((outcome as PromiseSettledResult<void>).status).toBe("rejected");
      expect(connectionErrorIn((outcome as PromiseRejectedResult).reason)).toBeInstanceOf(ConnectionError);
    }

    // Three transactions at once, each holding one of the three connections until all have begun.
    let begun = 0;
    let allBegun!: () => void;
    const together = new Promise<void>((resolve) => (allBegun = resolve));
    const three = Promise.all(
      [1, 2, 3].map(() =>
        db.transaction(
          async (tx) => {
            const count = await tx.find(Thing).count().value;
            if (++begun === 3) allBegun();
            await together;
            return count;
          },
          // A connection the pool is still reconnecting may first report the old loss once.
          { retries: 0 },
        ).catch(async () => db.transaction(async (tx) => {
          const count = await tx.find(Thing).count().value;
          if (++begun === 3) allBegun();
          await together;
          return count;
        })),
      ),
    );
    expect(await settled(three, 10)).toEqual({ status: "fulfilled", value: [1, 1, 1] });
  }, 60_000);

  it("a call made after the close was seen fails with a ConnectionError (not a crash), and the driver goes on", async () => {
    const { db, collection } = await open({ max: 1 });
    const Lost = model(z.object({ id: z.number().int() }), { name: "Lost", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    let inside: unknown;
    const outcome = await db
      .transaction(async (tx) => {
        await tx.find(Lost).count().value;
        expect(await terminate("in transaction")).toBe(1);
        // Let the close reach postgres.js: a statement sent after it used to crash the process.
        await sleep(200);
        const result = await tx.find(Lost).count();
        inside = result.ok ? undefined : result.error;
      })
      .then(() => undefined, (error: unknown) => error);
    expect(inside).toBeInstanceOf(ConnectionError);
    expect(outcome).toBeInstanceOf(TransactionError);
    expect((outcome as Error).cause).toBeInstanceOf(ConnectionError);
    let counted = await db.find(Lost).count();
    // postgres.js may first report the lost connection once more, to the call that reconnects it.
    if (!counted.ok) counted = await db.find(Lost).count();
    expect(counted).toEqual({ ok: true, value: 0 });
  });
});

describe("PostgreSQL: results after a statement failed halfway through its rows", () => {
  it("the next find and count on the same connection get their own rows", async () => {
    const { db, schema, collection } = await open({ max: 1 });
    const Item = model(z.object({ id: z.number().int(), label: z.string() }), { name: "Item", collection });
    const Midway = model(z.object({ id: z.number().int(), ratio: z.number().int() }), { name: "Midway", collection: new ModelCollection() });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Item, [{ id: 1, label: "a" }, { id: 2, label: "b" }]).raiseOnErrors();
    // Rows 1 to 4 reach the client, then row 5 divides by zero.
    await adminSql().unsafe(`CREATE VIEW "${schema}"."Midway" AS SELECT i AS id, 10 / (5 - i) AS ratio FROM generate_series(1, 10) AS i`);

    const failed = await db.find(Midway).all();
    expect(failed.ok ? undefined : failed.error.message).toMatch(/division by zero/);
    expect(await db.find(Item).all()).toEqual({ ok: true, value: [{ id: 1, label: "a" }, { id: 2, label: "b" }] });

    expect((await db.find(Midway).all()).ok).toBe(false);
    expect(await db.find(Item).count()).toEqual({ ok: true, value: 2 });
  });
});

describe("PostgreSQL: every backend terminated under 50 concurrent finds", () => {
  const CALLERS = 50;
  const ROWS_EACH = 100;
  const ROUNDS = 20;

  it("every call settles; each failure is a ConnectionError, each success holds exactly its own rows", async () => {
    const { db, collection } = await open();
    const Row = model(z.object({ id: z.number().int(), owner: z.number().int(), text: z.string() }), { name: "Row", collection });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Row, Array.from({ length: CALLERS * ROWS_EACH }, (_, id) => ({ id, owner: id % CALLERS, text: `row ${id}` }))).raiseOnErrors();
    // Caller c owns the rows whose id is c modulo CALLERS: a result that went to the wrong caller shows.
    const expected = (owner: number) => Array.from({ length: ROWS_EACH }, (_, index) => index * CALLERS + owner);

    const failures = new Map<string, number>();
    let succeeded = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const calls = Array.from({ length: CALLERS }, async (_, owner) => {
        // Unsorted: the server sends rows as its scan finds them, so kills land between rows too.
        const result = await db.find(Row.owner.eq(owner)).all();
        if (!result.ok) {
          const kind = `${result.error.name}: ${result.error.message.replace(/\d+/g, "#")}`;
          failures.set(kind, (failures.get(kind) ?? 0) + 1);
          return result.error instanceof ConnectionError;
        }
        succeeded++;
        expect(result.value.map((row) => row.id).sort((a, b) => a - b), `caller ${owner}`).toEqual(expected(owner));
        expect(result.value.every((row) => row.owner === owner && row.text === `row ${row.id}`)).toBe(true);
        return true;
      });
      // Each round kills at a different moment: before, during and after the rows arrive.
      await sleep(round % 10);
      await terminate("all");
      const outcome = await settled(Promise.all(calls), 20);
      expect(outcome, `round ${round}`).not.toBe("still pending");
      expect([...failures.keys()].filter((failure) => !failure.startsWith("ConnectionError")), `round ${round}`).toEqual([]);
      expect((outcome as PromiseFulfilledResult<boolean[]>).value.every(Boolean)).toBe(true);
    }
    // The kills are real: some calls failed, some got through.
    expect(failures.size).toBeGreaterThan(0);
    expect(succeeded).toBeGreaterThan(0);
  }, 300_000);
});
