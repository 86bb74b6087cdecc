import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";

/**
 * Liveness, not speed: while many callers keep the database busy, timers and I/O of the same
 * process must still run (an HTTP server beside Ommi must go on answering). SQLite does its work
 * synchronously in this thread, so this fails if its operations never give the event loop a turn.
 * Each workload stops as soon as the timer has fired often enough, or when its operations run out:
 * a starved event loop shows as a timer that never fired while the work ran.
 */

const CLIENTS = 200;
/** Operations each client may run at most; far more than a live event loop needs. */
const ROUNDS = 300;
/** Firings of the timer that show the event loop kept turning. */
const BEATS = 5;

/** Counts the firings of a 1 ms interval timer that runs beside the database work. */
function startHeartbeat(): { readonly beats: number; stop(): void } {
  let beats = 0;
  const timer = setInterval(() => beats++, 1);
  return {
    get beats() {
      return beats;
    },
    stop: () => clearInterval(timer),
  };
}

/** Runs `round` for each of `clients` concurrent clients until `done()` or `ROUNDS` rounds; says how many rounds ran. */
async function runClients(clients: number, done: () => boolean, round: (client: number, index: number) => Promise<void>): Promise<number> {
  let rounds = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = 0; index < ROUNDS && !done(); index++) {
        await round(client, index);
        rounds++;
      }
    }),
  );
  return rounds;
}

export const eventLoop = defineScenario("event-loop", "the event loop stays responsive under load", (context) => {
  let heartbeat: ReturnType<typeof startHeartbeat> | undefined;
  afterEach(() => heartbeat?.stop());

  async function seeded() {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, Array.from({ length: CLIENTS }, (_, index) => ({ name: `p${index}`, age: index })));
    return { db, Person };
  }

  it("timers fire while 200 concurrent clients find, add and update", async () => {
    const { db, Person } = await seeded();
    const beating = (heartbeat = startHeartbeat());
    const rounds = await runClients(CLIENTS, () => beating.beats >= BEATS, async (client, index) => {
      const id = client + 1;
      const person = await db.find(Person.id.eq(id)).one().value;
      await db.find(Person.id.eq(id)).update({ age: (person.age ?? 0) + 1 }).raiseOnErrors();
      if (index % 10 === 0) await db.add(Person, { name: `c${client}-${index}`, age: index }).raiseOnErrors();
    });
    expect(beating.beats).toBeGreaterThanOrEqual(BEATS);
    expect(rounds).toBeGreaterThan(0);
  });

  it("timers fire while 200 concurrent clients run transactions, with savepoints", needing(context, ["transactions", "savepoints"], async () => {
    const { db, Person } = await seeded();
    const beating = (heartbeat = startHeartbeat());
    const rounds = await runClients(CLIENTS, () => beating.beats >= BEATS, async (client, index) => {
      const id = client + 1;
      await db.transaction(async (tx) => {
        const person = await tx.find(Person.id.eq(id)).one().value;
        await tx.find(Person.id.eq(id)).update({ age: (person.age ?? 0) + 1 }).raiseOnErrors();
        if (index % 3 === 0) await tx.transaction((inner) => inner.add(Person, { name: `c${client}-${index}`, age: index }).value);
      });
    });
    expect(beating.beats).toBeGreaterThanOrEqual(BEATS);
    expect(rounds).toBeGreaterThan(0);
  }));

  it("timers fire during a long loop of calls inside one transaction", needing(context, ["transactions"], async () => {
    const { db, Person } = await seeded();
    const beating = (heartbeat = startHeartbeat());
    const calls = await db.transaction(async (tx) => {
      let made = 0;
      for (; made < CLIENTS * ROUNDS && beating.beats < BEATS; made++) await tx.find(Person.id.eq((made % CLIENTS) + 1)).one().value;
      return made;
    });
    expect(beating.beats).toBeGreaterThanOrEqual(BEATS);
    expect(calls).toBeGreaterThan(0);
  }));

  it("timers fire during a loop of transactions that do nothing", needing(context, ["transactions"], async () => {
    const { db } = await seeded();
    const beating = (heartbeat = startHeartbeat());
    for (let made = 0; made < CLIENTS * ROUNDS && beating.beats < BEATS; made++) await db.transaction(() => Promise.resolve());
    expect(beating.beats).toBeGreaterThanOrEqual(BEATS);
  }));

  it("timers fire while a large result streams in small batches", async () => {
    const { db, Person } = await seeded();
    await addRows(db, Person, Array.from({ length: 20_000 }, (_, index) => ({ name: `s${index}`, age: index })));
    const beating = (heartbeat = startHeartbeat());
    let streamed = 0;
    for await (const person of db.find(when(Person).sort(Person.id.asc())).iterate({ batchSize: 10 })) {
      expect(person.id).toBe(++streamed);
      if (beating.beats >= BEATS) break;
    }
    expect(beating.beats).toBeGreaterThanOrEqual(BEATS);
    expect(streamed).toBeGreaterThan(0);
  });

  it("an HTTP server in the same process answers while 200 clients keep the database busy", async () => {
    const { db, Person } = await seeded();
    const server = createServer((_request, response) => response.end("pong"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      let answer: string | undefined;
      const asking = fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" } })
        .then((response) => response.text())
        .then((text) => (answer = text));
      await runClients(CLIENTS, () => answer !== undefined, async (client) => {
        await db.find(Person.id.eq(client + 1)).one().value;
      });
      const answeredWhileBusy = answer;
      await asking;
      expect(answeredWhileBusy).toBe("pong");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
