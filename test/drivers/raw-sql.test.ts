import { expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError, ReferenceTo, relations, StoreAs, TransactionError, when, type AsyncResult, type ModelCollection } from "ommi";
import { forEachDriver } from "../support/conformance.js";
import { driversUnderTest, sqliteMemory } from "../support/drivers.js";
import { failure } from "../support/results.js";

// db.sql on the SQL databases (rawSql): rows mapped by column name and decoded as find's are,
// values always bound, tables schema-qualified. conformance/scenarios/raw-sql.ts holds what every
// driver must do, MongoDB's refusal included.

const withSql = driversUnderTest.filter((target) => !target.name.startsWith("mongodb"));

function defineEvents(collection: ModelCollection) {
  return model(
    z.object({
      id: z.number().int(),
      title: z.string(),
      at: z.date(),
      done: z.boolean(),
      size: z.bigint(),
      meta: z.object({ count: z.number(), when: z.date(), tags: z.array(z.string()) }).nullable(),
      note: z.string().optional(),
    }),
    { name: "Event", collection, fields: { title: StoreAs("event title") } },
  );
}

const events = [
  { id: 1, title: "launch", at: new Date("2024-02-29T23:59:59.999Z"), done: true, size: 2n ** 63n - 1n, meta: { count: 0.1 + 0.2, when: new Date(0), tags: ["a"] }, note: "n" },
  { id: 2, title: "it's $1 ? \"quoted\" \\ back; DROP TABLE x; --", at: new Date("1969-07-20T20:17:40.001Z"), done: false, size: -(2n ** 63n), meta: null },
  { id: 3, title: "😀 e\u0301 日本", at: new Date(1), done: true, size: 0n, meta: { count: -0, when: new Date(-1), tags: [] } },
];

forEachDriver(
  "db.sql on SQL databases",
  (context) => {
    async function seed() {
      const { db, collection, create } = context();
      const Event = defineEvents(collection);
      await create();
      await db.add(Event, events).raiseOnErrors();
      return { db, Event };
    }

    it("maps rows by column name, in any column order, decoded as find decodes them", async () => {
      const { db, Event } = await seed();
      const found = await db.find(when(Event).sort(Event.id.asc())).all().value;
      expect(await db.sql(Event)`SELECT ${Event}.* FROM ${Event} ORDER BY ${Event.id}`.value).toStrictEqual(found);
      const reordered = db.sql(Event)`SELECT ${Event.note}, ${Event.meta}, ${Event.size}, ${Event.done}, ${Event.at}, ${Event.title}, ${Event.id} FROM ${Event} ORDER BY ${Event.id}`;
      expect(await reordered.value).toStrictEqual(found);
      // Columns that are no field are left out.
      expect(await db.sql(Event)`SELECT *, 1 AS extra FROM ${Event} ORDER BY ${Event.id}`.value).toStrictEqual(found);
    });

    it("binds every value: quotes, $1, ? and SQL in a value are only text", async () => {
      const { db, Event } = await seed();
      const hostile = events[1]?.title as string;
      const rows = await db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.title} = ${hostile} AND ${Event.id} > ${0}`.value;
      expect(rows.map((row) => row.id)).toEqual([2]);
      for (const value of ["'", "$1", "?", "' OR '1'='1", "launch' --", "%", "\\"]) {
        expect(await db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.title} = ${value}`.value).toEqual([]);
      }
      expect(await db.find(Event).count().value).toBe(3);
    });

    it("binds dates, booleans, bigints and floats as find binds them", async () => {
      const { db, Event } = await seed();
      const ids = async (rows: AsyncResult<{ id: number }[]>) => (await rows.value).map((row) => row.id).sort();
      expect(await ids(db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.at} < ${new Date(0)}`)).toEqual([2]);
      expect(await ids(db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.done} = ${true}`)).toEqual([1, 3]);
      expect(await ids(db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.size} = ${2n ** 63n - 1n}`)).toEqual([1]);
      // PostgreSQL types a parameter by where it stands: compared with a bigint column, 1.5 would be no bigint.
      expect(await ids(db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.id} * 1.0 > ${1.5}`)).toEqual([2, 3]);
    });

    it("the same template runs again with other values: each call binds its own", async () => {
      const { db, Event } = await seed();
      const byId = (id: number) => db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.id} = ${id}`;
      for (const id of [3, 1, 2, 1]) expect((await byId(id).value).map((row) => row.id)).toEqual([id]);
    });

    it("a field without a column, or with two, is a QueryError naming it; the columns ignore case as a last resort", async () => {
      const { db, Event } = await seed();
      const missing = await failure(db.sql(Event)`SELECT ${Event.id}, ${Event.at} FROM ${Event}`);
      expect(missing).toBeInstanceOf(QueryError);
      expect(missing.message).toMatch(/^db\.sql\(Event\): the result has no column for Event's fields title \(column "event title"\), done, size, meta, note;/);
      const twice = await failure(db.sql(Event)`SELECT ${Event}.*, ${Event.id} FROM ${Event}`);
      expect(twice.message).toMatch(/^db\.sql\(Event\): the result has 2 columns for Event\.id \("id", "id"\)/);
      const { collection, create } = context();
      const Named = model(z.object({ id: z.number().int(), userName: z.string() }), { name: "Named", collection });
      await create();
      await db.add(Named, { id: 1, userName: "u" }).raiseOnErrors();
      // PostgreSQL folds an unquoted name to lower case; SQLite keeps it as written.
      expect(await db.sql(Named)`SELECT id, ${Named.userName} AS USERNAME FROM ${Named}`.value).toStrictEqual([{ id: 1, userName: "u" }]);
    });

    it("without a model, rows are records of the columns; two columns of one name are a QueryError; writes give no rows", async () => {
      const { db, Event } = await seed();
      const records = await db.sql`SELECT ${Event.id} AS n, ${"x"} AS s FROM ${Event} ORDER BY ${Event.id}`.value;
      expect(records.map((record) => [Number(record.n), record.s])).toEqual([
        [1, "x"],
        [2, "x"],
        [3, "x"],
      ]);
      expect((await failure(db.sql`SELECT 1 AS a, 2 AS a`)).message).toMatch(/^db\.sql: the result has two columns named "a"/);
      expect(await db.sql`UPDATE ${Event} SET ${Event.title} = ${"renamed"} WHERE ${Event.id} = ${1}`.value).toEqual([]);
      // With a model too: a statement that gives no result has no rows to map.
      expect(await db.sql(Event)`UPDATE ${Event} SET ${Event.done} = ${false} WHERE ${Event.id} = ${3}`.value).toEqual([]);
      expect((await db.find(Event.id.eq(3)).one().value).done).toBe(false);
      expect((await db.find(Event.id.eq(1)).one().value).title).toBe("renamed");
      // A write that returns rows (RETURNING) gives them mapped as find's are. MariaDB's UPDATE has
      // no RETURNING (its INSERT and DELETE do); MySQL has none at all.
      if (context().driver.name !== "mysql") {
        const [returned] = await db.sql(Event)`UPDATE ${Event} SET ${Event.done} = ${true} WHERE ${Event.id} = ${3} RETURNING *`.value;
        expect(returned).toStrictEqual({ ...(await db.find(Event.id.eq(3)).one().value), done: true });
      } else if (String((await db.sql`SELECT VERSION() AS version`.value)[0]?.version).includes("MariaDB")) {
        const before = await db.find(Event.id.eq(3)).one().value;
        expect(await db.sql(Event)`DELETE FROM ${Event} WHERE ${Event.id} = ${3} RETURNING *`.value).toStrictEqual([before]);
        expect(await db.find(Event).count().value).toBe(2);
      }
    });

    it("refuses values no SQL database binds as one parameter, naming each, before anything runs", async () => {
      const { db, Event } = await seed();
      const cases: [unknown, RegExp][] = [
        [[1, 2], /number 3 is an array/],
        [{ a: 1 }, /number 3 is an object/],
        [undefined, /number 3 is undefined: bind null for SQL NULL/],
        [Number.NaN, /number 3 is NaN/],
        [new Date(Number.NaN), /number 3 is an invalid Date/],
        [Symbol("s"), /number 3 is a symbol/],
      ];
      for (const [value, message] of cases) {
        const error = await failure(db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.id} = ${value}`);
        expect(error).toBeInstanceOf(QueryError);
        expect(error.message).toMatch(message);
      }
      const called = db.sql.bind(db) as unknown as (text: string) => AsyncResult<unknown>;
      const notTagged = await failure(called("SELECT 1"));
      expect(notTagged.message).toMatch(/db\.sql is a tagged template/);
      const syntax = await failure(db.sql(Event)`SELEC * FROM ${Event}`);
      expect(syntax).toBeInstanceOf(QueryError);
    });

    it("text with NUL: compared exactly where the database stores it, refused before sending where it cannot (PostgreSQL)", async () => {
      const { db, Event } = await seed();
      const { driver } = context();
      const query = () => db.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.title} = ${"launch\u0000"}`;
      if (driver.name === "postgres") {
        const error = await failure(query());
        expect(error).toBeInstanceOf(QueryError);
        expect(error.message).toMatch(/^db\.sql: the value at \$\{…\} number 3 \("launch\\u0000"\) holds the NUL character/);
        // Refused before anything was sent: the transaction goes on.
        await db.transaction(async (tx) => {
          expect(await failure(tx.sql(Event)`SELECT * FROM ${Event} WHERE ${Event.title} = ${"\u0000"}`)).toBeInstanceOf(QueryError);
          expect(await tx.find(Event).count().value).toBe(3);
        });
        return;
      }
      await db.add(Event, { ...events[0], id: 4, title: "launch\u0000" } as (typeof events)[0]).raiseOnErrors();
      expect((await query().value).map((row) => row.id)).toEqual([4]);
    });

    it("runs in transactions: tx.sql sees the transaction's rows, and its writes roll back with it", async () => {
      const { db, Event } = await seed();
      await db.transaction(async (tx) => {
        await tx.sql`DELETE FROM ${Event} WHERE ${Event.id} = ${1}`.raiseOnErrors();
        expect((await tx.sql(Event)`SELECT * FROM ${Event} ORDER BY ${Event.id}`.value).map((row) => row.id)).toEqual([2, 3]);
        await tx.rollback();
      });
      expect(await db.find(Event).count().value).toBe(3);
      if (db.driver.capabilities.serializedWrites) {
        await db.transaction(async () => {
          expect(await failure(db.sql(Event)`SELECT * FROM ${Event}`)).toBeInstanceOf(TransactionError);
        });
      }
    });

    it("rows of a model with relations have them, as find's rows do", async () => {
      const { db, collection, create } = context();
      const Team = model(z.object({ id: z.number().int(), title: z.string() }), { name: "Team", collection });
      const Player = model(z.object({ id: z.number().int(), teamId: z.number().int() }), { name: "Player", collection, fields: { teamId: ReferenceTo(Team.id) } });
      const club = relations({ Team, Player }, ({ one }) => ({ Player: { team: one(Team, { by: Player.teamId }) } }));
      await create();
      await db.add(club.Team, { id: 7, title: "Red" }).raiseOnErrors();
      await db.add(club.Player, { id: 1, teamId: 7 }).raiseOnErrors();
      const [player] = await db.sql(club.Player)`SELECT * FROM ${club.Player}`.value;
      expect((await (player as { team: PromiseLike<{ title: string }> }).team).title).toBe("Red");
    });
  },
  withSql,
);

forEachDriver(
  "db.sql on SQLite",
  (context) => {
    it("a model names its own table, schema-qualified: a TEMP table of the same name is not read", async () => {
      const { db, collection, create } = context();
      const Event = defineEvents(collection);
      await create();
      await db.add(Event, events).raiseOnErrors();
      await db.sql`CREATE TEMP TABLE "Event" (id INTEGER)`.raiseOnErrors();
      await db.sql`INSERT INTO temp."Event" VALUES (99)`.raiseOnErrors();
      expect((await db.sql(Event)`SELECT ${Event}.* FROM ${Event} ORDER BY ${Event}.${Event.id}`.value).map((row) => row.id)).toEqual([1, 2, 3]);
    });
  },
  [sqliteMemory],
);
