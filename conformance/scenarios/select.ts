import { expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError, ReferenceTo, relations, StoreAs, when, type ModelCollection } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";

function defineClub(collection: ModelCollection) {
  const Team = model(z.object({ id: z.number().int(), title: z.string() }), { name: "Team", collection });
  const Member = model(
    z.object({
      id: z.number().int(),
      name: z.string(),
      age: z.number().int().nullable().default(null),
      bio: z.string().optional(),
      tags: z.array(z.string()),
      joined: z.date(),
      teamId: z.number().int().nullable().default(null),
    }),
    { name: "Member", collection, fields: { name: StoreAs("full_name"), teamId: ReferenceTo(Team.id) } },
  );
  return relations({ Team, Member }, ({ one, many }) => ({
    Team: { members: many(Member, { by: Member.teamId }) },
    Member: { team: one(Team, { by: Member.teamId }) },
  }));
}

const day = (n: number) => new Date(Date.UTC(2024, 0, n, 12, 30, 15, 123));

const teams = [
  { id: 1, title: "Red" },
  { id: 2, title: "Blue" },
];

/** Ages with ties and nulls; ids not in age order. */
const members = Array.from({ length: 40 }, (_, index) => ({
  id: 100 - index,
  name: `member ${String(index).padStart(2, "0")}`,
  age: index % 5 === 0 ? null : (index * 7) % 11,
  ...(index % 3 === 0 ? { bio: `bio ${index}` } : {}),
  tags: index % 2 === 0 ? ["a", `t${index}`] : [],
  joined: day(index + 1),
  teamId: index % 4 === 3 ? null : (index % 2) + 1,
}));

type MemberRow = (typeof members)[number];

/** Nulls first ascending, as every driver sorts; ties by id. */
function byAgeThenId(a: MemberRow, b: MemberRow): number {
  return (a.age ?? -Infinity) - (b.age ?? -Infinity) || a.id - b.id;
}

export const select = defineScenario("select", "select and omit fields", (context) => {
  async function seed() {
    const { db, create, collection } = context();
    const club = defineClub(collection);
    await create();
    await addRows(db, club.Team, teams);
    await addRows(db, club.Member, members);
    return { db, ...club };
  }

  it("select gives the chosen fields, decoded as find decodes them, and nothing else", async () => {
    const { db, Member } = await seed();
    const rows = await db.find(when(Member).sort(Member.id.asc())).select("name", "joined", "tags").all().value;
    const expected = [...members].sort((a, b) => a.id - b.id).map(({ name, joined, tags }) => ({ name, joined, tags }));
    expect(rows).toStrictEqual(expected);
    expect(rows.every((row) => row.joined instanceof Date)).toBe(true);
  });

  it("omit gives every field but those named; an optional field left out stays absent", async () => {
    const { db, Member } = await seed();
    const rows = await db.find(when(Member).sort(Member.id.asc())).omit("tags", "joined", "teamId").all().value;
    const expected = [...members].sort((a, b) => a.id - b.id).map(({ tags: _t, joined: _j, teamId: _r, ...rest }) => rest);
    expect(rows).toStrictEqual(expected);
  });

  it("a name that is no field of the model is a QueryError naming the model and the name", async () => {
    const { db, Member } = await seed();
    const find = db.find(Member);
    expect(() => find.select("nickname" as never)).toThrow(QueryError);
    expect(() => find.select("nickname" as never)).toThrow(/Member select\(\): "nickname" is not a field of Member/);
    // Relations are not fields: their rows come through include().
    expect(() => find.omit("team" as never)).toThrow(/"team" is not a field of Member/);
    expect(() => (find.select as (...names: string[]) => unknown)()).toThrow(/takes at least one field name/);
    const every = ["id", "name", "age", "bio", "tags", "joined", "teamId"];
    expect(() => (find.omit as (...names: string[]) => unknown)(...every)).toThrow(/omit\(\) leaves no field to read/);
  });

  it("sorts and filters by fields it does not give; one() gives the first", async () => {
    const { db, Member } = await seed();
    const query = when(Member.age.isNotNull()).sort(Member.age.desc(), Member.id.asc());
    const expected = members
      .filter((member) => member.age !== null)
      .sort((a, b) => (b.age ?? 0) - (a.age ?? 0) || a.id - b.id)
      .map((member) => ({ name: member.name }));
    expect(await db.find(query).select("name").all().value).toStrictEqual(expected);
    expect(await db.find(query).select("name").one().value).toStrictEqual(expected[0]);
  });

  it("iterate() streams the chosen fields, going on from sort and key values it reads and does not give", async () => {
    const { db, Member } = await seed();
    const seen: unknown[] = [];
    for await (const row of db.find(when(Member).sort(Member.age.asc())).select("name").iterate({ batchSize: 7 })) seen.push(row);
    expect(seen).toStrictEqual([...members].sort(byAgeThenId).map((member) => ({ name: member.name })));
  });

  it("rows of a selection are plain data: relations are not attached to them", async () => {
    const { db, Member } = await seed();
    const row = await db.find(Member.id.eq(100)).select("name", "teamId").one().value;
    expect(row).toStrictEqual({ name: "member 00", teamId: 1 });
    expect("team" in row).toBe(false);
  });

  it("include loads relations of rows with a selection, reading join fields it does not give, in either order", async () => {
    const { db, Member, Team } = await seed();
    const query = when(Member.id.in([100, 97, 96])).sort(Member.id.desc());
    const expected = [
      { name: "member 00", team: { id: 1, title: "Red" } },
      { name: "member 03", team: null },
      { name: "member 04", team: { id: 1, title: "Red" } },
    ];
    const teamOf = (row: { team: { id: number; title: string } | null }) => row.team && { id: row.team.id, title: row.team.title };
    const after = await db.find(query).select("name").include({ team: true }).all().value;
    const before = await db.find(query).include({ team: true }).select("name").all().value;
    for (const rows of [after, before]) {
      expect(rows.map((row) => ({ name: row.name, team: teamOf(row) }))).toStrictEqual(expected);
      expect(rows.map((row) => Object.keys(row))).toStrictEqual(expected.map(() => ["name", "team"]));
    }
    const red = await db.find(Team.id.eq(1)).select("title").include({ members: true }).one().value;
    expect(Object.keys(red)).toStrictEqual(["title", "members"]);
    expect(red.members.map((member) => member.id).sort()).toEqual(members.filter((member) => member.teamId === 1).map((member) => member.id).sort());
  });

  it("count, update and delete ignore the selection", async () => {
    const { db, Member } = await seed();
    const adults = db.find(Member.age.gte(5)).select("name");
    const expected = members.filter((member) => member.age !== null && member.age >= 5).length;
    expect(await adults.count().value).toBe(expected);
    expect(await adults.update({ bio: "grown" }).value).toBe(expected);
    expect(await db.find(Member.bio.eq("grown")).count().value).toBe(expected);
    expect(await adults.delete().value).toBe(expected);
    expect(await db.find(Member).count().value).toBe(members.length - expected);
  });

  it("a bigint field read or not: integers keep their type either way", async () => {
    const { db, create, collection } = context();
    const Ledger = model(z.object({ id: z.number().int(), small: z.number().int(), big: z.bigint() }), { name: "Ledger", collection });
    await create();
    await addRows(db, Ledger, [{ id: 1, small: 7, big: 2n ** 63n - 1n }]);
    expect(await db.find(Ledger).select("small").one().value).toStrictEqual({ small: 7 });
    expect(await db.find(Ledger).select("big").one().value).toStrictEqual({ big: 2n ** 63n - 1n });
    expect(await db.find(Ledger).omit("small").one().value).toStrictEqual({ id: 1, big: 2n ** 63n - 1n });
  });

  it("the same query with and without a selection, one after another, each gives its own rows", async () => {
    const { db, Member } = await seed();
    const query = when(Member.id.eq(99));
    for (let round = 0; round < 2; round++) {
      // Member 99 has no bio: six fields.
      expect(Object.keys(await db.find(query).one().value)).toHaveLength(6);
      expect(await db.find(query).select("age").one().value).toStrictEqual({ age: members[1]?.age });
      expect(await db.find(query).select("id").one().value).toStrictEqual({ id: 99 });
    }
  });
});
