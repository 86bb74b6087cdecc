import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, ConstraintError, Index, Key, model, ModelCollection, ModelError, ReferenceTo, StoreAs, Unique } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { failure } from "../support/results.js";

const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/**
 * Names near PostgreSQL's 63-byte limit. Every name Ommi derives must stay distinct after a
 * database cuts it: before, PostgreSQL cut two long index names to one, `IF NOT EXISTS` skipped
 * the second, and its field's uniqueness silently went unenforced.
 */
export const longNames = defineScenario("long-names", "names at the 63-byte limit", (context) => {
  it("two Unique fields whose index names share their first 63 bytes are both enforced", async () => {
    const { db, collection, create } = context();
    // Each column is 59 bytes; each index name (`LongNames_<column>_unique`) 76 bytes, the first 66 alike.
    const first = `${"a".repeat(55)}_one`;
    const second = `${"a".repeat(55)}_two`;
    const LongNames = model(z.object({ id: z.number().int(), one: z.string(), two: z.string(), three: z.string() }), {
      name: "LongNames",
      collection,
      fields: { one: [StoreAs(first), Unique], two: [StoreAs(second), Unique], three: [StoreAs(`${"a".repeat(55)}_thr`), Index] },
    });
    expect(bytesOf(`LongNames_${first}_unique`)).toBeGreaterThan(63);
    await create();
    await db.add(LongNames, { id: 1, one: "x", two: "y", three: "z" }).raiseOnErrors();
    expect(await failure(db.add(LongNames, { id: 2, one: "x", two: "other", three: "z" }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.add(LongNames, { id: 3, one: "other", two: "y", three: "z" }))).toBeInstanceOf(ConstraintError);
    await db.add(LongNames, { id: 4, one: "other", two: "another", three: "z" }).raiseOnErrors();
    expect(await db.find(LongNames).count().value).toBe(2);
    // createModels is idempotent: the fitted names are found again, not made twice.
    await create();
    expect(await failure(db.add(LongNames, { id: 5, one: "x", two: "new", three: "z" }))).toBeInstanceOf(ConstraintError);
  });

  it("index names are cut between characters: multi-byte table and column names at the boundary", async () => {
    const { db, collection, create } = context();
    // 40 + 1 + 63 + 7 bytes: the cut falls in the middle of an "é" or a "中" unless it is made between characters.
    const Accented = model(z.object({ id: z.number().int(), name: z.string(), emoji: z.string() }), {
      name: "é".repeat(20),
      collection,
      fields: { name: [StoreAs("é".repeat(30)), Unique], emoji: [StoreAs(`${"中".repeat(20)}abc`), Unique] },
    });
    await create();
    await db.add(Accented, { id: 1, name: "x", emoji: "y" }).raiseOnErrors();
    expect(await failure(db.add(Accented, { id: 2, name: "x", emoji: "other" }))).toBeInstanceOf(ConstraintError);
    expect(await failure(db.add(Accented, { id: 3, name: "other", emoji: "y" }))).toBeInstanceOf(ConstraintError);
    expect((await db.find(Accented).all().value).map((row) => row.id)).toEqual([1]);
  });

  it("a name with characters beyond U+FFFF is kept, or refused by name before anything is created (MySQL)", async () => {
    const { db, collection } = context();
    const Astral = model(z.object({ id: z.number().int(), emoji: z.string() }), { name: "Astral😀", collection, fields: { emoji: [StoreAs(`${"😀".repeat(15)}abc`), Unique] } });
    const created = await db.schema(collection).createModels();
    if (created.ok) {
      await db.add(Astral, { id: 1, emoji: "y" }).raiseOnErrors();
      expect(await failure(db.add(Astral, { id: 2, emoji: "y" }))).toBeInstanceOf(ConstraintError);
      return;
    }
    expect(created.error).toBeInstanceOf(ModelError);
    expect(created.error.message).toContain("Astral😀");
    expect(created.error.message).toMatch(/U\+FFFF/);
    const own = new ModelCollection();
    const Plain = model(z.object({ id: z.number().int(), emoji: z.string() }), { name: "Astral", collection: own, fields: { emoji: StoreAs(`${"😀".repeat(15)}abc`) } });
    const error = await failure(db.schema(own).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/field emoji/);
    expect(await failure(db.add(Plain, { id: 1, emoji: "y" }))).toBeInstanceOf(ModelError);
  });

  it("two tables whose 63-byte names share 58 bytes keep apart the names the database derives (key, sequence, foreign key)", async () => {
    const { db, collection, create } = context();
    const stem = "t".repeat(58);
    const Parent = model(z.object({ id: z.number().int().optional(), name: z.string() }), { name: `${stem}_left`, collection, fields: { id: [Key, Auto] } });
    const Child = model(z.object({ id: z.number().int().optional(), parentId: z.number().int() }), {
      name: `${stem}_righ`,
      collection,
      fields: { id: [Key, Auto], parentId: ReferenceTo(Parent.id) },
    });
    expect(bytesOf(`${stem}_left`)).toBe(63);
    await create();
    const parents = await addRows(db, Parent, [{ name: "a" }, { name: "b" }]);
    const children = await db.add(Child, [{ parentId: parents[1]?.id as number }]).value;
    // Each table has a sequence of its own: both start at 1.
    expect(parents.map((row) => row.id)).toEqual([1, 2]);
    expect(children.map((row) => row.id)).toEqual([1]);
    // A database without foreign keys stores the dangling reference; the join still finds only the real one.
    const dangling = db.add(Child, { parentId: 99 });
    if (db.driver.capabilities.foreignKeys) expect(await failure(dangling)).toBeInstanceOf(ConstraintError);
    else expect((await dangling.value).map((row) => row.parentId)).toEqual([99]);
    expect(await db.find(Child, Parent.name.eq("b")).count().value).toBe(1);
  });

  it("two derived names that would be the same (table A_b, column c; table A, column b_c) are a ModelError at createModels where they share a namespace", async () => {
    const { db, collection } = context();
    const AB = model(z.object({ id: z.number().int(), c: z.string() }), { name: "A_b", collection, fields: { c: Unique } });
    const A = model(z.object({ id: z.number().int(), b_c: z.string() }), { name: "A", collection, fields: { b_c: Unique } });
    const created = db.schema(collection).createModels();
    if (!db.driver.capabilities.sharedNamespace) {
      // Each table's index names are its own: both models are created, each uniqueness enforced.
      await created.raiseOnErrors();
      await db.add(AB, { id: 1, c: "x" }).raiseOnErrors();
      await db.add(A, { id: 1, b_c: "x" }).raiseOnErrors();
      expect(await failure(db.add(AB, { id: 2, c: "x" }))).toBeInstanceOf(ConstraintError);
      expect(await failure(db.add(A, { id: 2, b_c: "x" }))).toBeInstanceOf(ConstraintError);
      return;
    }
    const error = await failure(created);
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/A_b\.c.*A\.b_c.*"A_b_c_unique"|A\.b_c.*A_b\.c.*"A_b_c_unique"/);
  });

  it("a model named like another model's index is a ModelError at createModels where they share a namespace", async () => {
    const { db, collection } = context();
    const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection, fields: { name: Unique } });
    const Named = model(z.object({ id: z.number().int() }), { name: "Thing_name_unique", collection });
    const created = db.schema(collection).createModels();
    if (!db.driver.capabilities.sharedNamespace) {
      await created.raiseOnErrors();
      await db.add(Thing, { id: 1, name: "x" }).raiseOnErrors();
      await db.add(Named, { id: 1 }).raiseOnErrors();
      expect(await failure(db.add(Thing, { id: 2, name: "x" }))).toBeInstanceOf(ConstraintError);
      return;
    }
    expect(await failure(created)).toBeInstanceOf(ModelError);
  });
});
