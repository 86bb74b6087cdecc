import { expect, it } from "vitest";
import { when, type Condition } from "ommi";
import { fieldOf } from "../support/results.js";
import { forEachLibrary } from "./libraries.js";
import { sampleItem, type Item } from "./shared-models.js";

forEachLibrary("models: add, find, update, delete", (open, fixture) => {
  it("reads back a row of every field type exactly as added", async () => {
    const { db, Item } = await open();
    const [stored] = await db.add(Item, sampleItem()).value;
    expect(stored).toEqual({ ...sampleItem(), id: 1 });
    expect(await db.find(Item.id.eq(1)).one().value).toEqual({ ...sampleItem(), id: 1 });
  });

  it("finds rows by a field of each type", async () => {
    const { db, Item } = await open();
    await db.add(Item, [
      sampleItem({ name: "Lamp" }),
      sampleItem({ name: "Desk", count: 1, price: 250.5, inStock: false, added: new Date("2023-01-01T00:00:00.000Z"), serial: 7n, size: "L", tier: 3 }),
    ]).raiseOnErrors();
    const names = (condition: Condition<Item>) => fieldOf(db.find(condition), "name");
    expect(await names(Item.name.startsWith("De"))).toEqual(["Desk"]);
    expect(await names(Item.count.lt(2))).toEqual(["Desk"]);
    expect(await names(Item.price.gt(100))).toEqual(["Desk"]);
    expect(await names(Item.inStock.eq(false))).toEqual(["Desk"]);
    expect(await names(Item.added.lt(new Date("2024-01-01")))).toEqual(["Desk"]);
    expect(await names(Item.serial.eq(7n))).toEqual(["Desk"]);
    expect(await names(Item.size.in(["S", "L"]))).toEqual(["Desk"]);
    expect(await names(Item.tier.eq(3))).toEqual(["Desk"]);
  });

  it("updates a field of each type and deletes exactly the matching rows", async () => {
    const { db, Item } = await open();
    await db.add(Item, [sampleItem({ name: "Lamp" }), sampleItem({ name: "Desk" })]).raiseOnErrors();
    const changes = { count: 9, price: 0.5, inStock: false, added: new Date("2020-05-05T05:05:05.005Z"), serial: -(2n ** 60n), size: "S", tier: 1 } as const;
    expect(await db.find(Item.name.eq("Desk")).update({ name: "Table", ...changes }).value).toBe(1);
    expect(await db.find(Item.name.eq("Table")).one().value).toEqual({ ...sampleItem(), ...changes, name: "Table", id: 2 });
    expect(await db.find(Item.size.eq("S")).delete().value).toBe(1);
    expect(await fieldOf(db.find(when(Item)), "name")).toEqual(["Lamp"]);
  });

  it("reads an optional field left out back as absent, and finds it with isNull()", async () => {
    const { db, Item } = await open();
    const { note: _left, ...withoutNote } = sampleItem();
    await db.add(Item, withoutNote).raiseOnErrors();
    const row = await db.find(Item.note.isNull()).one().value;
    expect(row).not.toHaveProperty("note");
    await db.find(Item.id.eq(1)).update({ note: "later" }).raiseOnErrors();
    expect(await fieldOf(db.find(Item.note.isNotNull()), "note")).toEqual(["later"]);
  });

  it(`reads a null in a nullable field back as ${String(fixture.nullReadsBackAs)}, and finds it with isNull()`, async () => {
    const { db, Item } = await open();
    await db.add(Item, [sampleItem({ name: "Rated" }), sampleItem({ name: "Unrated", rating: null })]).raiseOnErrors();
    const unrated = await db.find(Item.rating.isNull()).one().value;
    expect(unrated.name).toBe("Unrated");
    expect(unrated.rating).toBe(fixture.nullReadsBackAs);
    expect("rating" in unrated).toBe(fixture.nullReadsBackAs === null);
    await db.find(Item.name.eq("Rated")).update({ rating: null }).raiseOnErrors();
    expect(await db.find(Item.rating.eq(null)).count().value).toBe(2);
  });
});
