import { expect, it } from "vitest";
import { ConstraintError, when } from "ommi";
import { failure, fieldOf } from "../support/results.js";
import { forEachLibrary } from "./libraries.js";
import { sampleItem, type Member, type Token } from "./shared-models.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

forEachLibrary("models: keys", (open) => {
  it("makes a field named id the key, generated when left out and set on the input", async () => {
    const { db, Item } = await open();
    const input = sampleItem({ name: "first" });
    const ids = (await db.add(Item, [input, sampleItem({ name: "second" })]).value).map((item) => item.id);
    expect(ids).toEqual([1, 2]);
    expect(input.id).toBe(1);
    expect(await failure(db.add(Item, sampleItem({ id: 2 })))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(Item.id.eq(2)), "name")).toEqual(["second"]);
  });

  it("generates an integer key marked [Key, Auto], and keeps one given", async () => {
    const { db, Member } = await open();
    const input: Member = { name: "Ann" };
    const [ann, given] = await db.add(Member, [input, { code: 40, name: "Bob" }]).value;
    expect(ann?.code).toEqual(expect.any(Number));
    expect(input.code).toBe(ann?.code);
    expect(given?.code).toBe(40);
    expect(await failure(db.add(Member, { code: 40, name: "Cy" }))).toBeInstanceOf(ConstraintError);
  });

  it("keys a row by every field of a composite key", async () => {
    const { db, Seat } = await open();
    await db.add(Seat, [{ row: "A", number: 1, holder: "ann" }, { row: "A", number: 2, holder: "bob" }, { row: "B", number: 1, holder: "cy" }]).raiseOnErrors();
    expect(await failure(db.add(Seat, { row: "B", number: 1, holder: "dee" }))).toBeInstanceOf(ConstraintError);
    expect(await db.find(Seat.row.eq("B"), Seat.number.eq(1)).update({ holder: "dee" }).value).toBe(1);
    expect(await db.find(Seat.row.eq("A"), Seat.number.eq(1)).delete().value).toBe(1);
    expect(await fieldOf(db.find(when(Seat).sort(Seat.row.asc(), Seat.number.asc())), "holder")).toEqual(["bob", "dee"]);
  });

  it("generates a UUID for a string key marked Auto, and keeps one given", async () => {
    const { db, Token } = await open();
    const input: Token = { owner: "ann" };
    const [generated, given] = await db.add(Token, [input, { id: "my-own-key", owner: "bob" }]).value;
    expect(generated).toEqual({ id: expect.stringMatching(UUID) as unknown, owner: "ann" });
    expect(input.id).toBe(generated?.id);
    expect(given?.id).toBe("my-own-key");
    expect(await fieldOf(db.find(Token.id.eq(input.id ?? "")), "owner")).toEqual(["ann"]);
  });
});
