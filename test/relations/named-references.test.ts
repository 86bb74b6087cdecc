import { expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { Key, ModelCollection, ModelError, model, Ommi, ReferenceTo, relations, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

it('ReferenceTo("Model.field") names a field by name: a tree and two models referring to each other, with no annotation', async () => {
  const collection = new ModelCollection();
  const NodeModel = model(z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable() }), {
    name: "Node", collection, fields: { parentId: ReferenceTo("Node.id") },
  });
  const TeamModel = model(z.object({ id: z.number().int(), leadId: z.number().int().nullable() }), {
    name: "Team", collection, fields: { leadId: ReferenceTo("Player.id") },
  });
  const PlayerModel = model(z.object({ id: z.number().int(), name: z.string(), teamId: z.number().int() }), {
    name: "Player", collection, fields: { teamId: ReferenceTo(TeamModel.id) },
  });
  const { Node, Team, Player } = relations({ Node: NodeModel, Team: TeamModel, Player: PlayerModel }, ({ one, many }) => ({
    Node: { parent: one(NodeModel, { by: NodeModel.parentId }), children: many(NodeModel, { by: NodeModel.parentId }) },
    Team: { lead: one(PlayerModel, { by: TeamModel.leadId }), players: many(PlayerModel) },
    Player: { team: one(TeamModel, { by: PlayerModel.teamId }) },
  }));
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema(collection).createModels().raiseOnErrors();
  await db.add(Node, { id: 1, name: "root", parentId: null }, { id: 2, name: "a", parentId: 1 }, { id: 3, name: "b", parentId: 1 }, { id: 4, name: "a1", parentId: 2 }).raiseOnErrors();
  const root = await db.find(Node.id.eq(1)).one().value;
  expect((await root.children).map((node) => node.name)).toEqual(["a", "b"]);
  expect(await root.parent).toBeNull();
  const leaf = await db.find(Node.name.eq("a1")).one().value;
  expectTypeOf(leaf.parent).resolves.toEqualTypeOf<typeof root | null>();
  expect((await (await leaf.parent)?.parent)?.name).toBe("root");
  // The foreign key holds: a parent that does not exist is refused.
  expect((await db.add(Node, { id: 9, name: "orphan", parentId: 99 })).ok).toBe(false);

  await db.add(Team, { id: 1, leadId: null }).raiseOnErrors();
  await db.add(Player, { id: 7, name: "Ann", teamId: 1 }).raiseOnErrors();
  await db.find(Team.id.eq(1)).update({ leadId: 7 }).raiseOnErrors();
  const ann = await db.find(Player.id.eq(7)).one().value;
  expect((await (await (await ann.team).lead)?.team)?.id).toBe(1);
  // Two references join them (leadId, teamId): a condition across is ambiguous, and says so.
  expect((await db.find(when(Team, Player.name.eq("Ann"))).count()).ok).toBe(false);
  expect(await db.find(when(Node, Node.parentId.eq(1))).count().value).toBe(2);
  await db.close();
});

it('a ReferenceTo("Model.field") that names no model or no field is a ModelError from createModels', async () => {
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  for (const [target, message] of [["Nobody.id", /Pet\.ownerId: ReferenceTo\("Nobody\.id"\) names no field: no model named "Nobody"/], ["Owner.key", /Owner has no field "key"/]] as const) {
    const collection = new ModelCollection();
    model(z.object({ id: z.number().int() }), { name: "Owner", collection });
    model(z.object({ id: z.number().int(), ownerId: z.number().int() }), { name: "Pet", collection, fields: { ownerId: ReferenceTo(target) } });
    const created = await db.schema(collection).createModels();
    expect(created.ok || created.error).toBeInstanceOf(ModelError);
    expect(created.ok || created.error.message).toMatch(message);
  }
  await db.close();
});

it("ReferenceTo(Model) refers to the model's key, as the original does; a composite key is a ModelError", async () => {
  const collection = new ModelCollection();
  const Author = model(z.object({ code: z.string(), name: z.string() }), { name: "Author", collection, fields: { code: Key } });
  const Book = model(z.object({ id: z.number().int(), authorCode: z.string() }), { name: "Book", collection, fields: { authorCode: ReferenceTo(Author) } });
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema(collection).createModels().raiseOnErrors();
  await db.add(Author, { code: "ul", name: "Ursula" }).raiseOnErrors();
  await db.add(Book, { id: 1, authorCode: "ul" }).raiseOnErrors();
  expect(await db.find(when(Book, Author.name.eq("Ursula"))).count().value).toBe(1);
  expect((await db.add(Book, { id: 2, authorCode: "nobody" })).ok).toBe(false);
  const Seat = model(z.object({ row: z.string(), number: z.number().int() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
  expect(() => model(z.object({ id: z.number().int(), seat: z.string() }), { name: "Ticket", collection, fields: { seat: ReferenceTo(Seat) } })).toThrow(
    /Ticket\.seat: ReferenceTo\(Seat\) refers to its key, but Seat's key has 2 fields \(row, number\)/,
  );
  await db.close();
});
