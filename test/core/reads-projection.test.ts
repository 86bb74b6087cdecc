import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, Ommi, ReferenceTo, relations, when, type Driver } from "ommi";
import type { PreparedQuery } from "ommi/driver";
import { SQLiteDriver } from "ommi/sqlite";

// What a find with select/omit asks the driver to read (PreparedQuery.fields): the chosen fields,
// plus what paging and include need; and that count, update and delete ignore it. The drivers'
// own tests show that they read only those (test/drivers/reads-sql.test.ts, mongodb/projection.test.ts).

/** SQLite, with every query the driver gets recorded by operation. */
async function recording() {
  const sqlite = await SQLiteDriver.connect({ filename: ":memory:" });
  const seen: { operation: string; query: PreparedQuery }[] = [];
  const record = (operation: string, query: PreparedQuery) => void seen.push({ operation, query });
  const driver: Driver = {
    name: "recording",
    capabilities: sqlite.capabilities,
    add: (model, rows) => sqlite.add(model, rows),
    fetch: (query) => (record("fetch", query), sqlite.fetch(query)),
    count: (query) => (record("count", query), sqlite.count(query)),
    update: (query, patch) => (record("update", query), sqlite.update(query, patch)),
    delete: (query) => (record("delete", query), sqlite.delete(query)),
    applySchema: (models) => sqlite.applySchema(models),
    deleteSchema: (models) => sqlite.deleteSchema(models),
    close: () => sqlite.close(),
  };
  const collection = new ModelCollection();
  const Team = model(z.object({ id: z.number().int(), title: z.string() }), { name: "Team", collection });
  const Member = model(
    z.object({ id: z.number().int(), name: z.string(), age: z.number().int(), bio: z.string(), teamId: z.number().int() }),
    { name: "Member", collection, fields: { teamId: ReferenceTo(Team.id) } },
  );
  const club = relations({ Team, Member }, ({ one }) => ({ Member: { team: one(Team, { by: Member.teamId }) } }));
  const db = new Ommi(driver);
  await db.schema(collection).createModels().raiseOnErrors();
  await db.add(club.Team, { id: 1, title: "Red" }).raiseOnErrors();
  await db.add(club.Member, [1, 2, 3].map((id) => ({ id, name: `m${id}`, age: 20 + id, bio: "b", teamId: 1 }))).raiseOnErrors();
  seen.length = 0;
  const fields = (operation: string) => seen.filter((each) => each.operation === operation).map((each) => each.query.fields?.map((field) => field.name));
  return { db, seen, fields, ...club };
}

describe("what a find with a selection reads", () => {
  it("select and omit read only their fields; a selection of every field reads as a find without one", async () => {
    const { db, Member, fields, seen } = await recording();
    await db.find(Member).select("age", "name").all().value;
    await db.find(Member).omit("bio", "teamId").one().value;
    await db.find(Member).select("id", "name", "age", "bio", "teamId").all().value;
    expect(fields("fetch")).toEqual([["name", "age"], ["id", "name", "age"], undefined]);
    await db.find(Member).all().value;
    const [chosen, omitted, every, plain] = seen.map((each) => each.query.key);
    expect(new Set([chosen, omitted, every]).size).toBe(3);
    expect(every).toBe(plain);
  });

  it("the same fields are one shape: the same key and the same fields array, so statements are cached per projection", async () => {
    const { db, Member, seen } = await recording();
    await db.find(Member.age.gt(1)).select("name").all().value;
    await db.find(Member.age.gt(2)).select("name").all().value;
    const [first, second] = seen.map((each) => each.query);
    expect(first?.key).toBe(second?.key);
    expect(first?.fields).toBe(second?.fields);
    expect(Object.isFrozen(first?.fields)).toBe(true);
  });

  it("iterate and page read the sort and key fields too; include reads the join fields", async () => {
    const { db, Member, fields } = await recording();
    for await (const row of db.find(when(Member).sort(Member.age.desc())).select("name").iterate({ batchSize: 2 })) expect(Object.keys(row)).toEqual(["name"]);
    await db.find(when(Member).sort(Member.bio.asc())).select("name").page({ size: 2 }).value;
    await db.find(Member).select("name").include({ team: true }).all().value;
    expect(fields("fetch")).toEqual([
      ["id", "name", "age"],
      ["id", "name", "age"],
      ["id", "name", "bio"],
      ["name", "teamId"],
      // The related teams: every field.
      undefined,
    ]);
  });

  it("count, update and delete of a find with a selection read nothing of it", async () => {
    const { db, Member, seen } = await recording();
    const chosen = db.find(Member.age.gt(21)).select("name");
    expect(await chosen.count().value).toBe(2);
    expect(await chosen.update({ bio: "c" }).value).toBe(2);
    expect(await chosen.delete().value).toBe(2);
    expect(seen.map((each) => [each.operation, each.query.fields])).toEqual([
      ["count", undefined],
      ["update", undefined],
      ["delete", undefined],
    ]);
  });
});
