import { describe, expect, it } from "vitest";
import type { StatementEvent } from "ommi";
import { requireService } from "../support/availability.js";
import { sqliteMemory, type DriverUnderTest } from "../support/drivers.js";
import { mongodbUnderTest } from "../support/mongodb.js";
import { postgresUnderTest } from "../support/postgres.js";
import { only, runWorkload, type Steps } from "./observe/workload.js";

/** How each database writes the workload's statements. */
interface Expected {
  readonly driver: string;
  readonly select: string;
  readonly count: string;
  readonly insert: string;
  readonly update: string;
  readonly delete: string;
  /** A fragment of each statement's text, for the workload's Person model. */
  readonly findText: RegExp;
  readonly insertText: RegExp;
  readonly updateText: RegExp;
  /** The parameters of the two rows added (SQL: each row's values; MongoDB: every value in the documents). */
  readonly insertParams: readonly unknown[];
  /** The update's parameters: SQL binds SET first, MongoDB's filter comes first. */
  readonly updateParams: readonly unknown[];
}

const SQL = { select: "SELECT", count: "SELECT", insert: "INSERT", update: "UPDATE", delete: "DELETE", insertParams: [[null, "Ada", 36], [null, "Bob", 12]], updateParams: [13, "Bob"] } as const;

const databases: [DriverUnderTest, Expected][] = [
  [sqliteMemory, { ...SQL, driver: "sqlite", findText: /^SELECT .* FROM "main"\."Person" WHERE "main"\."Person"\."age" >= \?$/, insertText: /^INSERT INTO "main"\."Person"/, updateText: /^UPDATE "main"\."Person" SET "age" = \? WHERE/ }],
  [postgresUnderTest, { ...SQL, driver: "postgres", findText: /^SELECT .*"Person"\."age" >= \$1$/, insertText: /^WITH "ommi_input" AS .*INSERT INTO "[^"]+"\."Person"/, updateText: /^UPDATE "[^"]+"\."Person" SET "age" = \$1 WHERE .* = \$2$/ }],
  [
    mongodbUnderTest,
    {
      driver: "mongodb",
      select: "find",
      count: "aggregate",
      insert: "insert",
      update: "update",
      delete: "delete",
      findText: /^db\.Person\.find\(\{"age":\{"\$gte":\?\}\}\)$/,
      insertText: /^db\.Person\.insertMany\(\[\{"_id":\?,"name":\?,"age":\?\},\{"_id":\?,"name":\?,"age":\?\}\]/,
      updateText: /^db\.Person\.updateMany\(\{"name":\{"\$eq":\?\}\}, \{"\$set":\{"age":\?\}\}\)$/,
      insertParams: [1, "Ada", 36, 2, "Bob", 12],
      updateParams: ["Bob", 13],
    },
  ],
];

for (const [database, expected] of databases) {
  describe(`statement events on ${database.name}`, () => {
    const unavailable = requireService(database.name, () => database.unavailable());
    let steps: Steps | undefined;

    /** The workload's events, run once for the file's tests. */
    async function workload(): Promise<Steps> {
      if (steps) return steps;
      const opened = await database.open();
      try {
        steps = await runWorkload(opened.driver);
      } finally {
        await opened.dispose();
      }
      return steps;
    }

    it("report each statement with its text, parameters, duration, rows and driver", async ({ skip }) => {
      if (unavailable()) skip(unavailable());
      const { find, count, add, update } = await workload();
      const read = only(find, expected.select);
      expect(read).toMatchObject({ driver: expected.driver, model: "Person", rows: 1, params: [18], error: undefined, slow: false });
      expect(read.text).toMatch(expected.findText);
      expect(read.durationMs).toBeGreaterThan(0);
      expect(read.durationMs).toBeLessThan(10_000);
      expect(only(count, expected.count)).toMatchObject({ rows: 1, params: [18] });
      const insert = only(add, expected.insert);
      expect(insert).toMatchObject({ rows: 2, params: expected.insertParams });
      expect(insert.text).toMatch(expected.insertText);
      const change = only(update, expected.update);
      expect(change).toMatchObject({ rows: 1, params: expected.updateParams });
      expect(change.text).toMatch(expected.updateText);
    });

    it("report the rows a delete removed, and the statements createModels() runs", async ({ skip }) => {
      if (unavailable()) skip(unavailable());
      const { schema, delete: deleted } = await workload();
      expect(only(deleted, expected.delete)).toMatchObject({ rows: 1, params: [18] });
      expect(schema.length).toBeGreaterThan(0);
      for (const event of schema) expect(event).toMatchObject({ driver: expected.driver, error: undefined });
    });

    it("never show a value in the statement text", async ({ skip }) => {
      if (unavailable()) skip(unavailable());
      const { schema, add, find, count, update, delete: deleted } = await workload();
      const all: StatementEvent[] = [...schema, ...add, ...find, ...count, ...update, ...deleted];
      for (const event of all) for (const value of ["Ada", "Bob"]) expect(event.text).not.toContain(value);
    });
  });
}
