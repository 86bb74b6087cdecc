import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, ConstraintError, Key, model, Unique, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { failure, fieldOf } from "../support/results.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const keys = defineScenario("keys", "keys and unique fields", (context) => {
  function defineSeat() {
    return model(z.object({ row: z.string(), number: z.number().int(), holder: z.string() }), {
      name: "Seat", collection: context().collection, fields: { row: Key, number: Key },
    });
  }

  it("a composite key allows rows that share one part, and finds a row by both parts", async () => {
    const { db, create } = context();
    const Seat = defineSeat();
    await create();
    await addRows(db, Seat, [{ row: "A", number: 1, holder: "ann" }, { row: "A", number: 2, holder: "bob" }, { row: "B", number: 1, holder: "cy" }]);
    expect(await db.find(Seat.row.eq("A"), Seat.number.eq(2)).one().value).toEqual({ row: "A", number: 2, holder: "bob" });
    expect(await db.find(Seat.row.eq("B"), Seat.number.eq(1)).update({ holder: "dee" }).value).toBe(1);
    expect(await db.find(Seat.row.eq("A"), Seat.number.eq(1)).delete().value).toBe(1);
    expect(await fieldOf(db.find(when(Seat).sort(Seat.row.asc(), Seat.number.asc())), "holder")).toEqual(["bob", "dee"]);
  });

  it("a duplicate composite key is a ConstraintError, and nothing of that add is written", needing(context, ["batches"], async () => {
    const { db, create } = context();
    const Seat = defineSeat();
    await create();
    await db.add(Seat, { row: "A", number: 1, holder: "ann" }).raiseOnErrors();
    const error = await failure(db.add(Seat, [{ row: "A", number: 2, holder: "bob" }, { row: "A", number: 1, holder: "cy" }]));
    expect(error).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(Seat), "holder")).toEqual(["ann"]);
  }));

  it("updates and deletes a sorted, limited selection of a composite-keyed model", async () => {
    const { db, create } = context();
    const Seat = defineSeat();
    await create();
    await addRows(db, Seat, [{ row: "A", number: 1, holder: "c" }, { row: "A", number: 2, holder: "a" }, { row: "B", number: 1, holder: "b" }]);
    expect(await db.find(when(Seat).sort(Seat.holder.asc()).limit(2)).update({ holder: "z" }).value).toBe(2);
    expect(await db.find(when(Seat).sort(Seat.holder.asc()).limit(1)).delete().value).toBe(1);
    expect(await db.find(Seat).all().value).toEqual([expect.objectContaining({ holder: "z" }), expect.objectContaining({ holder: "z" })]);
  });

  it("a field named id is the key without markers, and an integer one is generated when left out", async () => {
    const { db, create, collection } = context();
    const Tag = model(z.object({ id: z.number().int().optional(), label: z.string() }), { name: "Tag", collection });
    await create();
    const stored = await addRows(db, Tag, [{ label: "a" }, { label: "b" }, { label: "c" }]);
    const ids = stored.map((tag) => tag.id);
    expect(ids.every((id) => Number.isSafeInteger(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect(await db.find(Tag.id.eq(ids[1] as number)).one().value).toEqual({ id: ids[1], label: "b" });
    expect(await failure(db.add(Tag, { id: ids[0], label: "again" }))).toBeInstanceOf(ConstraintError);
  });

  it("generates a UUID for an Auto string key left out, and keeps one given", async () => {
    const { db, create, collection } = context();
    const Token = model(z.object({ id: z.string().optional(), owner: z.string() }), { name: "Token", collection, fields: { id: [Key, Auto] } });
    await create();
    const input: { id?: string; owner: string } = { owner: "ann" };
    const [first, second, given] = await addRows(db, Token, [input, { owner: "bob" }, { id: "my-own-key", owner: "cy" }]);
    expect(first?.id).toMatch(UUID);
    expect(second?.id).toMatch(UUID);
    expect(first?.id).not.toBe(second?.id);
    expect(input.id).toBe(first?.id);
    expect(given?.id).toBe("my-own-key");
    expect(await db.find(Token.id.eq(first?.id as string)).one().value).toEqual({ id: first?.id, owner: "ann" });
  });

  it("Unique refuses a second row with the same value, in a later add or in the same one", needing(context, ["batches"], async () => {
    const { db, create, collection } = context();
    const Account = model(z.object({ id: z.number().int(), email: z.string() }), { name: "Account", collection, fields: { email: Unique } });
    await create();
    await db.add(Account, { id: 1, email: "a@example.com" }).raiseOnErrors();
    expect(await failure(db.add(Account, [{ id: 2, email: "b@example.com" }, { id: 3, email: "a@example.com" }]))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.add(Account, [{ id: 4, email: "c@example.com" }, { id: 5, email: "c@example.com" }]))).toBeInstanceOf(ConstraintError);
    await db.add(Account, { id: 2, email: "b@example.com" }).raiseOnErrors();
    expect(await failure(db.find(Account.id.eq(2)).update({ email: "a@example.com" }))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(when(Account).sort(Account.id.asc())), "email")).toEqual(["a@example.com", "b@example.com"]);
  }));

  it("an update that would give two rows one Unique value changes none of them, however many it changed before", async () => {
    const { db, create, collection } = context();
    const Account = model(z.object({ id: z.number().int(), email: z.string(), nick: z.string().nullable() }), {
      name: "Account", collection, fields: { nick: Unique },
    });
    await create();
    for (const id of [1, 2, 3]) await db.add(Account, { id, email: `${id}@example.com`, nick: null }).raiseOnErrors();
    expect(await failure(db.find(Account.id.gte(2)).update({ email: "new@example.com", nick: "same" }))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(when(Account).sort(Account.id.asc())), "email")).toEqual(["1@example.com", "2@example.com", "3@example.com"]);
    expect(await fieldOf(db.find(when(Account).sort(Account.id.asc())), "nick")).toEqual([null, null, null]);
  });
});
