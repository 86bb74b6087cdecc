import { afterEach, describe, expect, it } from "vitest";
import { formatStatement, Ommi, type ObserveOptions, type StatementEvent } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { collection, Person } from "./observe/workload.js";
import { connectStub } from "../conformance/stub/stub-driver.js";

/** A SQLite database whose statements `options` observe, with Person's table and two rows; the events from then on. */
async function open(options: ObserveOptions) {
  const events: StatementEvent[] = [];
  const logger = options.logger;
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), {
    tracing: false,
    ...options,
    logger: (event) => {
      events.push(event);
      logger?.(event);
    },
  });
  await db.schema(collection).createModels().raiseOnErrors();
  await db.add(Person, [{ name: "Ada", age: 36 }, { name: "Bob", age: 12 }]).raiseOnErrors();
  // The warnings of these statements (emitted on the next tick) come before the test's.
  await new Promise((resolve) => setImmediate(resolve));
  events.length = 0;
  return { db, events };
}

/** Process warnings emitted while `work` runs (and the turn after it). */
async function warningsDuring(work: () => Promise<void>): Promise<(Error & { code?: string; detail?: string })[]> {
  const warnings: (Error & { code?: string })[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on("warning", listener);
  try {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  return warnings;
}

let opened: Ommi | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe("statement parameters", () => {
  it("are left out unless asked for: they are the users' data", async () => {
    const { db, events } = await open({});
    opened = db;
    await db.find(Person.name.eq("Ada")).all().raiseOnErrors();
    expect(events).toHaveLength(1);
    expect(events[0]?.params).toBeUndefined();
    expect(formatStatement(events[0] as StatementEvent)).not.toContain("Ada");
  });

  it('are shown as bound with params: "show"', async () => {
    const { db, events } = await open({ params: "show" });
    opened = db;
    await db.find(Person.name.eq("Ada")).all().raiseOnErrors();
    expect(events[0]?.params).toEqual(["Ada"]);
    expect(formatStatement(events[0] as StatementEvent)).toMatch(/^\[ommi sqlite\] SELECT Person \d+\.\d\d ms, 1 row: SELECT .* -- params: \["Ada"\]$/);
  });

  it("go through a redact function, which sees each value, its position and the statement", async () => {
    const seen: unknown[] = [];
    const { db, events } = await open({
      params: (value, index, statement) => {
        seen.push([value, index, statement.model]);
        return typeof value === "string" ? "***" : value;
      },
    });
    opened = db;
    seen.length = 0;
    await db.find(Person.name.eq("Ada"), Person.age.gte(30)).all().raiseOnErrors();
    expect(events[0]?.params).toEqual(["***", 30]);
    expect(seen).toEqual([["Ada", 0, "Person"], [30, 1, "Person"]]);
  });

  it("are left out when the redact function throws, which is one warning", async () => {
    const events: StatementEvent[] = [];
    const warnings = await warningsDuring(async () => {
      const db = (opened = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), {
        tracing: false,
        logger: (event) => events.push(event),
        params: () => {
          throw new Error("cannot redact");
        },
      }));
      await db.schema(collection).createModels().raiseOnErrors();
      await db.find(Person.name.eq("Ada")).all().raiseOnErrors();
      await db.find(Person.name.eq("Bob")).all().raiseOnErrors();
    });
    const selects = events.filter((event) => event.operation === "SELECT");
    expect(selects.map((event) => event.params)).toEqual([undefined, undefined]);
    expect(warnings.map((warning) => `${warning.code}: ${warning.message}`)).toEqual([
      "OMMI_HOOK_FAILED: Ommi's params redactor threw, and Ommi went on without it: Error: cannot redact",
    ]);
  });
});

describe("slowQueryMs", () => {
  it("sends statements that took longer to onSlowQuery, and marks them slow for the logger", async () => {
    const slow: StatementEvent[] = [];
    // 0 ms: every statement takes longer.
    const { db, events } = await open({ slowQueryMs: 0, onSlowQuery: (event) => slow.push(event) });
    opened = db;
    slow.length = 0;
    await db.find(Person.age.gte(18)).count().raiseOnErrors();
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ operation: "SELECT", model: "Person", slow: true });
    expect(events[0]?.slow).toBe(true);
  });

  it("makes a slow statement a process warning without onSlowQuery", async () => {
    const { db } = await open({ slowQueryMs: 0 });
    opened = db;
    const warnings = await warningsDuring(async () => void (await db.find(Person.age.gte(18)).count().raiseOnErrors()));
    expect(warnings.map((warning) => warning.code)).toEqual(["OMMI_SLOW_QUERY"]);
    expect(warnings[0]?.message).toMatch(/^Slow sqlite statement \(\d+\.\d ms, slowQueryMs is 0\): SELECT on Person$/);
    expect(warnings[0]?.detail).toMatch(/^SELECT count\(\*\) FROM "main"\."Person"/);
  });

  it("leaves statements within it alone", async () => {
    const slow: StatementEvent[] = [];
    const { db, events } = await open({ slowQueryMs: 60_000, onSlowQuery: (event) => slow.push(event) });
    opened = db;
    await db.find(Person.age.gte(18)).all().raiseOnErrors();
    expect(events.map((event) => event.slow)).toEqual([false]);
    expect(slow).toEqual([]);
  });
});

describe("the logger", () => {
  it("sees a failed statement with its error, and the operation still fails as it would", async () => {
    const { db, events } = await open({});
    opened = db;
    await db.schema(collection).deleteModels().raiseOnErrors();
    events.length = 0;
    const outcome = await db.find(Person.age.gte(18)).all();
    expect(outcome.ok).toBe(false);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ operation: "SELECT", model: "Person", rows: undefined });
    expect(String(events[0]?.error)).toMatch(/no such table/);
  });

  it("that throws fails no statement; its first throw is a warning", async () => {
    const logger = () => {
      throw new Error("log sink down");
    };
    const warnings = await warningsDuring(async () => {
      const db = (opened = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), { tracing: false, logger }));
      await db.schema(collection).createModels().raiseOnErrors();
      expect(await db.find(Person.age.gte(18)).count().value).toBe(0);
      expect(await db.find(Person.age.gte(18)).count().value).toBe(0);
    });
    expect(warnings.map((warning) => `${warning.code}: ${warning.message}`)).toEqual(["OMMI_HOOK_FAILED: Ommi's logger threw, and Ommi went on without it: Error: log sink down"]);
  });

  it("sees the statements of transactions and savepoints", async () => {
    const { db, events } = await open({});
    opened = db;
    await db.transaction(async (tx) => {
      await tx.find(Person.age.gte(18)).all().raiseOnErrors();
      await tx.transaction(async (inner) => void (await inner.find(Person.age.lt(18)).delete().raiseOnErrors()));
    });
    expect(events.map((event) => `${event.operation} ${event.rows}`)).toEqual(["SELECT 1", "DELETE 1"]);
  });

  it("is not installed when no option asks for it, and a new Ommi with none leaves another's in place", async () => {
    const { db, events } = await open({});
    opened = db;
    const plain = new Ommi(db.driver, { tracing: false });
    await plain.find(Person.age.gte(18)).all().raiseOnErrors();
    expect(events).toHaveLength(1);
  });

  it("on a driver that reports no statements (no observe()) is one warning, and everything else works", async () => {
    const events: StatementEvent[] = [];
    const warnings = await warningsDuring(async () => {
      const db = new Ommi(await connectStub(), { tracing: false, logger: (event) => events.push(event) });
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Person, { name: "Ada", age: 36 }).raiseOnErrors();
      expect(await db.find(Person.age.gte(18)).count().value).toBe(1);
      await db.close();
    });
    expect(events).toEqual([]);
    expect(warnings.map((warning) => warning.code)).toEqual(["OMMI_NOT_OBSERVED"]);
  });
});
