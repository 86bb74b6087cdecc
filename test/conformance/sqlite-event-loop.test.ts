import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, ModelCollection, Ommi, OmmiError, TransactionError } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { definePerson } from "../support/models.js";

/**
 * What SQLite's sharing of the event loop must not break (the liveness itself is in the
 * conformance suite, conformance/scenarios/event-loop.ts, on every driver). `close()` while 200
 * clients keep calling: every call settles (it ran, or it fails with `ConnectionError`),
 * `close()` itself resolves promptly, and what was committed stays committed. And a test suite
 * that fakes timers must not hang Ommi.
 */

const CLIENTS = 200;
/** Calls made before one client closes the database (a client, not a timer: it must work even where timers starve). */
const CALLS_BEFORE_CLOSE = 1_000;

/** A closed connection, as a call reports it: `ConnectionError`, or a transaction that could not begin because of one. */
function isClosedConnection(error: unknown): boolean {
  return error instanceof ConnectionError || (error instanceof TransactionError && error.cause instanceof ConnectionError);
}

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

for (const where of ["memory", "file"] as const) {
  describe(`SQLite close() under load [${where}]`, () => {
    it("settles every pending call, resolves, and keeps every committed row", async () => {
      folder = mkdtempSync(join(tmpdir(), "ommi-close-"));
      const filename = where === "file" ? join(folder, "close.db") : ":memory:";
      const collection = new ModelCollection();
      const Person = definePerson(collection);
      const driver = await SQLiteDriver.connect({ filename });
      const db = new Ommi(driver);
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Person, Array.from({ length: CLIENTS }, (_, index) => ({ name: `p${index}`, age: 0 }))).raiseOnErrors();

      let succeeded = 0;
      let added = 0;
      let closing: Promise<void> | undefined;
      /** Calls (a whole transaction counts as one) made after close() that still succeeded. */
      let ranAfterClose = 0;
      /**
       * Transactions begun (BEGIN run) after close(): close() waits only for the one that is open.
       * Counted where BEGIN runs, in the driver's connection (a test's look inside): a callback
       * starts a few promise hops after its BEGIN, when another client may already have closed.
       */
      let begunAfterClose = 0;
      const connection = (driver as unknown as { connection: { begin(...args: unknown[]): unknown } }).connection;
      const begin = connection.begin.bind(connection);
      connection.begin = (...args: unknown[]) => {
        if (closing) begunAfterClose++;
        return begin(...args);
      };
      /** One call of a client; after enough of them, one client closes the database. */
      const call = async <T>(make: () => Promise<T>): Promise<T> => {
        const afterClose = closing !== undefined;
        const value = await make();
        if (afterClose) ranAfterClose++;
        if (++succeeded === CALLS_BEFORE_CLOSE) closing = db.close();
        return value;
      };
      /** One client: plain calls and transactions with savepoints, until a call fails; gives back that failure. */
      const client = async (index: number): Promise<unknown> => {
        const id = index + 1;
        try {
          for (let round = 0; ; round++) {
            if (index % 2 === 0) {
              await call(() => db.find(Person.id.eq(id)).one().value);
              await call(() => db.find(Person.id.eq(id)).update({ age: round }).value);
              if (round % 5 === 0) {
                const stored = await call(() => db.add(Person, { name: `c${index}`, age: round }).value);
                added += stored.length;
              }
            } else {
              const stored = await call(() =>
                db.transaction(async (tx) => {
                  await tx.find(Person.id.eq(id)).update({ age: round }).value;
                  return tx.transaction((inner) => inner.add(Person, { name: `t${index}`, age: round }).value);
                }),
              );
              added += stored.length;
            }
          }
        } catch (error) {
          return error;
        }
      };

      const failures = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
      expect(closing).toBeDefined();
      await closing;
      expect(ranAfterClose).toBe(0);
      expect(begunAfterClose).toBe(0);
      const unexpected = failures.filter((failure) => !isClosedConnection(failure));
      expect(unexpected.map((failure) => (failure instanceof OmmiError ? `${failure.name}: ${failure.message}` : String(failure)))).toEqual([]);
      const afterClose = await db.find(Person).count();
      expect(afterClose.ok === false && afterClose.error).toBeInstanceOf(ConnectionError);

      if (where === "file") {
        const reopened = new Ommi(await SQLiteDriver.connect({ filename }));
        try {
          expect(await reopened.find(Person).count().value).toBe(CLIENTS + added);
        } finally {
          await reopened.close();
        }
      }
    });
  });
}

describe("SQLite: waiting for the event loop's turn", () => {
  it("a call that waited for a turn does not run inside a transaction begun during that wait", async () => {
    const collection = new ModelCollection();
    const Person = definePerson(collection);
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    try {
      await db.schema(collection).createModels().raiseOnErrors();
      // Keep the connection's stretch of busy time going far past its budget (a few ms), so
      // the next calls wait for the event loop's turn: first a transaction, then a plain add.
      await db.find(Person).count().value;
      for (const until = performance.now() + 50; performance.now() < until; );
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const abort = new Error("roll back");
      const transaction = db.transaction(async (tx) => {
        await tx.add(Person, { name: "rolled back" }).raiseOnErrors();
        await released;
        throw abort;
      });
      const outside = db.add(Person, { name: "outside" });
      // The transaction began first after the turn; the add, asking again, waits for it to end
      // instead of running inside it (where the rollback would undo it).
      setTimeout(release, 20);
      await expect(transaction).rejects.toBe(abort);
      await outside.raiseOnErrors();
      expect((await db.find(Person).all().value).map((person) => person.name)).toEqual(["outside"]);
    } finally {
      await db.close();
    }
  });
});

describe("SQLite under fake timers", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Operations wait for an immediate to let the event loop turn; a faked setImmediate never
  // runs unless the test advances the fake clock, so Ommi must use the real one.
  for (const toFake of [undefined, ["setImmediate", "setTimeout", "setInterval"] as const]) {
    it(`a long loop of calls finishes with ${toFake ? "setImmediate faked, the clock real" : "vitest's default fakes"}`, async () => {
      const collection = new ModelCollection();
      const Person = definePerson(collection);
      const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
      try {
        await db.schema(collection).createModels().raiseOnErrors();
        await db.add(Person, { name: "p", age: 1 }).raiseOnErrors();
        vi.useFakeTimers(toFake ? { toFake: [...toFake] } : undefined);
        let found = 0;
        for (let call = 0; call < 20_000; call++) if ((await db.find(Person.id.eq(1)).one()).ok) found++;
        expect(found).toBe(20_000);
      } finally {
        vi.useRealTimers();
        await db.close();
      }
    });
  }
});
