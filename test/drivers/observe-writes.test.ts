import { describe, expect, it } from "vitest";
import { Ommi, type StatementEvent } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { collection, Person } from "./observe/workload.js";

// The SQL drivers' other statements go through the same observed runner: upserts, updates that
// give their rows back, and SQL the user wrote.
describe("statement events on SQLite beyond the common operations", () => {
  it("report upserts, update returning, and db.sql statements with their rows", async () => {
    const events: StatementEvent[] = [];
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), { tracing: false, params: "show", logger: (event) => events.push(event) });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Person, { id: 1, name: "Ada", age: 36 }).raiseOnErrors();
    events.length = 0;
    await db.upsert(Person, [{ id: 1, name: "Ada", age: 37 }, { id: 2, name: "Bob", age: 12 }], { update: ["age"] }).raiseOnErrors();
    await db.find(Person.name.eq("Bob")).update({ age: 13 }, { returning: true }).raiseOnErrors();
    await db.sql`SELECT ${Person.age} FROM ${Person} WHERE ${Person.age} > ${20}`.raiseOnErrors();
    expect(events.map((event) => [event.operation, event.model, event.rows])).toEqual([
      ["INSERT", "Person", 2],
      ["UPDATE", "Person", 1],
      ["SELECT", undefined, 1],
    ]);
    expect(events[0]?.params).toEqual([[1, "Ada", 37], [2, "Bob", 12]]);
    expect(events[0]?.text).toMatch(/^INSERT INTO "main"\."Person" .* ON CONFLICT/);
    expect(events[1]?.params).toEqual([13, "Bob"]);
    expect(events[2]?.text).toMatch(/^SELECT "age" FROM "main"\."Person" WHERE "age" > \?$/);
    expect(events[2]?.params).toEqual([20]);
    await db.close();
  });
});
