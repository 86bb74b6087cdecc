import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Ommi } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { requireService } from "../support/availability.js";
import { mongodbUnderTest } from "../support/mongodb.js";
import { postgresUnderTest } from "../support/postgres.js";
import type { DriverUnderTest } from "../support/drivers.js";
import { installTracer, loadOpenTelemetry, type RecordedSpan } from "./observe/tracer.js";
import { collection, Person } from "./observe/workload.js";

// SpanKind.CLIENT and SpanStatusCode.ERROR.
const CLIENT = 2;
const ERROR = 2;

const api = loadOpenTelemetry();
const missing = requireService("@opentelemetry/api (a devDependency)", () => Promise.resolve(typeof api === "string" ? api : undefined));
let tracing: ReturnType<typeof installTracer> | undefined;

beforeAll(() => {
  if (typeof api !== "string") tracing = installTracer(api);
});
afterAll(() => tracing?.uninstall());

/** The spans started while `work` ran inside a span of the test's own (the parent the statements' spans must have). */
async function spansOf(work: () => Promise<unknown>): Promise<{ parent: RecordedSpan; spans: RecordedSpan[] }> {
  const t = tracing as NonNullable<typeof tracing>;
  const from = t.spans.length;
  const { parent, result } = t.within("request", work);
  await result;
  return { parent, spans: t.spans.slice(from).filter((span) => span !== parent) };
}

describe("OpenTelemetry spans on SQLite", () => {
  it("are one client span per statement, a child of the active span, with the database attributes", async ({ skip }) => {
    if (missing()) skip(missing());
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Person, [{ name: "Ada", age: 36 }, { name: "Bob", age: 12 }]).raiseOnErrors();
    const { parent, spans } = await spansOf(() => db.find(Person.age.gte(18)).all().raiseOnErrors());
    expect(spans).toHaveLength(1);
    const [span] = spans as [RecordedSpan];
    expect(span).toMatchObject({ name: "SELECT Person", kind: CLIENT, parent, ended: true, status: undefined });
    expect(span.attributes).toEqual({
      "db.system.name": "sqlite",
      "db.operation.name": "SELECT",
      "db.collection.name": "Person",
      "db.query.text": expect.stringMatching(/^SELECT .* FROM "main"\."Person" WHERE "main"\."Person"\."age" >= \?$/) as unknown,
      "db.response.returned_rows": 1,
    });
    const { spans: writes } = await spansOf(() => db.find(Person.name.eq("Bob")).update({ age: 13 }).raiseOnErrors());
    expect(writes.map((write) => [write.name, write.attributes["ommi.rows_changed"]])).toEqual([["UPDATE Person", 1]]);
    await db.close();
  });

  it("record a failed statement: its exception, error.type and an error status", async ({ skip }) => {
    if (missing()) skip(missing());
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), { uncheckedFailures: "ignore" });
    const { spans } = await spansOf(() => db.find(Person.age.gte(18)).all().valueOr([]));
    expect(spans).toHaveLength(1);
    const [span] = spans as [RecordedSpan];
    expect(span.status).toEqual({ code: ERROR, message: expect.stringMatching(/no such table/) as unknown });
    expect(span.attributes["error.type"]).toBe("SqliteError");
    expect(span.exceptions).toHaveLength(1);
    expect(span.ended).toBe(true);
    await db.close();
  });

  it("are not made with tracing: false, and the driver is then not observed at all", async ({ skip }) => {
    if (missing()) skip(missing());
    const driver = await SQLiteDriver.connect({ filename: ":memory:" });
    const observe = vi.spyOn(driver, "observe");
    const db = new Ommi(driver, { tracing: false });
    const { spans } = await spansOf(() => db.schema(collection).createModels().raiseOnErrors());
    expect(spans).toEqual([]);
    expect(observe).not.toHaveBeenCalled();
    await db.close();
  });
});

describe("OpenTelemetry with no tracer provider registered", () => {
  it("leaves the driver unobserved unless tracing: true", async ({ skip }) => {
    if (missing()) skip(missing());
    tracing?.uninstall();
    try {
      const driver = await SQLiteDriver.connect({ filename: ":memory:" });
      const observe = vi.spyOn(driver, "observe");
      void new Ommi(driver);
      expect(observe).not.toHaveBeenCalled();
      void new Ommi(driver, { tracing: true });
      expect(observe).toHaveBeenCalledTimes(1);
      await driver.close();
    } finally {
      if (typeof api !== "string") tracing = installTracer(api);
    }
  });
});

const servers: [DriverUnderTest, string, string, RegExp][] = [
  [postgresUnderTest, "postgresql", "SELECT", /^SELECT .*"Person"\."age" >= \$1$/],
  [mongodbUnderTest, "mongodb", "find", /^db\.Person\.find\(\{"age":\{"\$gte":\?\}\}\)$/],
];

for (const [database, system, operation, text] of servers) {
  describe(`OpenTelemetry spans on ${database.name}`, () => {
    const unavailable = requireService(database.name, () => database.unavailable());

    it("carry the database's system name, operation and query text", async ({ skip }) => {
      if (missing()) skip(missing());
      if (unavailable()) skip(unavailable());
      const opened = await database.open();
      try {
        const db = new Ommi(opened.driver);
        await db.schema(collection).createModels().raiseOnErrors();
        const { parent, spans } = await spansOf(() => db.find(Person.age.gte(18)).all().raiseOnErrors());
        const reads = spans.filter((span) => span.attributes["db.operation.name"] === operation);
        expect(reads).toHaveLength(1);
        expect(reads[0]).toMatchObject({ name: `${operation} Person`, kind: CLIENT, parent, ended: true });
        expect(reads[0]?.attributes).toMatchObject({ "db.system.name": system, "db.collection.name": "Person", "db.response.returned_rows": 0 });
        expect(reads[0]?.attributes["db.query.text"]).toMatch(text);
      } finally {
        await opened.dispose();
      }
    });
  });
}
