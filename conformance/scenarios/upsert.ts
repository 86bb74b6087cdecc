import { expect, it } from "vitest";
import { z } from "zod";
import { Auto, ConstraintError, Key, model, QueryError, Unique, ValidationError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

/** `db.upsert(...)`: rows stored, or the stored rows they match changed, the same on every database. */
export const upsert = defineScenario("upsert", "upsert", (context) => {
  function defineTag() {
    return model(z.object({ id: z.number().int(), label: z.string(), uses: z.number().int() }), { name: "Tag", collection: context().collection });
  }

  /** A generated key, a Unique field that finds rows, and one other Unique field. */
  function defineAccount() {
    return model(z.object({ id: z.number().int().optional(), email: z.string(), name: z.string(), handle: z.string().nullable().default(null) }), {
      name: "Account", collection: context().collection, fields: { id: [Key, Auto], email: Unique, handle: Unique },
    });
  }

  it("inserts the rows that match nothing and updates those that match by key, giving them as stored, in the order given", needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Tag = defineTag();
    await create();
    await db.add(Tag, { id: 1, label: "a", uses: 1 }).raiseOnErrors();
    const rows = await db.upsert(Tag, [{ id: 2, label: "b", uses: 2 }, { id: 1, label: "A", uses: 9 }], { update: ["label"] }).value;
    expect(rows).toEqual([{ id: 2, label: "b", uses: 2 }, { id: 1, label: "A", uses: 1 }]);
    expect(await db.find(when(Tag).sort(Tag.id.asc())).all().value).toEqual([{ id: 1, label: "A", uses: 1 }, { id: 2, label: "b", uses: 2 }]);
  }));

  it("on a Unique field: a match keeps its key, an inserted row gets a generated one, and both are written back into the inputs", needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Account = defineAccount();
    await create();
    const [ann] = await db.add(Account, { email: "ann@example.com", name: "Ann" }).value;
    const inputs: { id?: number; email: string; name: string }[] = [{ email: "ann@example.com", name: "Anna" }, { email: "bob@example.com", name: "Bob" }];
    const [matched, inserted] = await db.upsert(Account, inputs, { on: Account.email, update: ["name"] }).value;
    expect(matched).toEqual({ id: ann?.id, email: "ann@example.com", name: "Anna", handle: null });
    expect(inserted).toEqual({ id: expect.any(Number) as unknown, email: "bob@example.com", name: "Bob", handle: null });
    expect(inserted?.id).not.toBe(ann?.id);
    expect(inputs.map((input) => input.id)).toEqual([ann?.id, inserted?.id]);
    expect(await db.find(Account).count().value).toBe(2);
  }));

  it("with the default key: a row that leaves a generated key out is inserted, one that gives it updates its row", needing(context, ["upsert", "batches"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const [ann] = await db.add(Person, { name: "Ann", age: 30 }).value;
    const [renamed, added] = await db.upsert(Person, [{ id: ann?.id, name: "Anna" }, { name: "Bob", age: 5 }], { update: ["name"] }).value;
    expect(renamed).toEqual({ id: ann?.id, name: "Anna", age: 30 });
    expect(added).toEqual({ id: expect.any(Number) as unknown, name: "Bob", age: 5 });
    expect(await fieldOf(db.find(when(Person).sort(Person.name.asc())), "name")).toEqual(["Anna", "Bob"]);
  }));

  it('"none" keeps a matched row as it is and leaves it out of the value', needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Account = defineAccount();
    await create();
    await db.add(Account, { email: "ann@example.com", name: "Ann" }).raiseOnErrors();
    const rows = await db.upsert(Account, [{ email: "ann@example.com", name: "changed" }, { email: "cy@example.com", name: "Cy" }], { on: Account.email, update: "none" }).value;
    expect(rows).toEqual([{ id: expect.any(Number) as unknown, email: "cy@example.com", name: "Cy", handle: null }]);
    expect(await fieldOf(db.find(when(Account).sort(Account.email.asc())), "name")).toEqual(["Ann", "Cy"]);
  }));

  it('"none" on a model of key fields only: inserted once, then kept', needing(context, ["upsert"], async () => {
    const { db, create, collection } = context();
    const Marker = model(z.object({ id: z.number().int() }), { name: "Marker", collection });
    await create();
    expect(await db.upsert(Marker, { id: 1 }, { update: "none" }).value).toEqual([{ id: 1 }]);
    expect(await db.upsert(Marker, { id: 1 }, { update: "none" }).value).toEqual([]);
    expect(await db.find(Marker).count().value).toBe(1);
  }));

  it('"all" sets the fields a row gives: fields it leaves out (and the schema fills in) keep their stored values', needing(context, ["upsert"], async () => {
    const { db, create, collection } = context();
    const Profile = model(z.object({ id: z.number().int(), name: z.string(), bio: z.string().optional(), visits: z.number().int().default(0) }), { name: "Profile", collection });
    await create();
    await db.add(Profile, { id: 1, name: "a", bio: "kept", visits: 5 }).raiseOnErrors();
    expect(await db.upsert(Profile, { id: 1, name: "b" }, { update: "all" }).value).toEqual([{ id: 1, name: "b", bio: "kept", visits: 5 }]);
    expect(await db.upsert(Profile, { id: 1, name: "c", bio: "new", visits: 7 }, { update: "all" }).value).toEqual([{ id: 1, name: "c", bio: "new", visits: 7 }]);
    expect(await db.upsert(Profile, { id: 2, name: "d" }, { update: "all" }).value).toEqual([{ id: 2, name: "d", visits: 0 }]);
  }));

  it("rows of one call that give different fields, with \"all\", each set their own", needing(context, ["upsert", "batches"], async () => {
    const { db, create, collection } = context();
    const Profile = model(z.object({ id: z.number().int(), name: z.string(), bio: z.string().optional() }), { name: "Profile", collection });
    await create();
    await db.add(Profile, [{ id: 1, name: "a", bio: "one" }, { id: 2, name: "b", bio: "two" }]).raiseOnErrors();
    const rows = await db.upsert(Profile, [{ id: 1, name: "A" }, { id: 2, name: "B", bio: "TWO" }, { id: 3, name: "C" }], { update: "all" }).value;
    expect(rows).toEqual([{ id: 1, name: "A", bio: "one" }, { id: 2, name: "B", bio: "TWO" }, { id: 3, name: "C" }]);
  }));

  it("an empty list of fields keeps the matched row and gives it back", needing(context, ["upsert"], async () => {
    const { db, create } = context();
    const Tag = defineTag();
    await create();
    await db.add(Tag, { id: 1, label: "a", uses: 1 }).raiseOnErrors();
    expect(await db.upsert(Tag, { id: 1, label: "ignored", uses: 9 }, { update: [] }).value).toEqual([{ id: 1, label: "a", uses: 1 }]);
  }));

  it("a composite key finds the row by all its fields", needing(context, ["upsert"], async () => {
    const { db, create, collection } = context();
    const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
    await create();
    await db.add(Seat, { row: "A", number: 1, holder: "ann" }).raiseOnErrors();
    expect(await db.upsert(Seat, { row: "A", number: 1, holder: "bob" }, { on: [Seat.number, Seat.row], update: "all" }).value).toEqual([{ row: "A", number: 1, holder: "bob" }]);
    expect(await db.upsert(Seat, { row: "A", number: 2, holder: "cy" }, { update: "all" }).value).toEqual([{ row: "A", number: 2, holder: "cy" }]);
    expect(await fieldOf(db.find(when(Seat).sort(Seat.number.asc())), "holder")).toEqual(["bob", "cy"]);
  }));

  it("a null Unique value matches no row (as a unique index holds any number of nulls): the row is inserted", needing(context, ["upsert"], async () => {
    const { db, create } = context();
    const Account = defineAccount();
    await create();
    await db.add(Account, { email: "ann@example.com", name: "Ann" }).raiseOnErrors();
    const [added] = await db.upsert(Account, { email: "bob@example.com", name: "Bob", handle: null }, { on: Account.handle, update: ["name"] }).value;
    expect(added).toEqual({ id: expect.any(Number) as unknown, email: "bob@example.com", name: "Bob", handle: null });
    await db.find(Account.email.eq("ann@example.com")).update({ handle: "ann" }).raiseOnErrors();
    const [matched] = await db.upsert(Account, { email: "other@example.com", name: "Annie", handle: "ann" }, { on: Account.handle, update: ["name"] }).value;
    expect(matched).toEqual({ id: expect.any(Number) as unknown, email: "ann@example.com", name: "Annie", handle: "ann" });
    expect(await db.find(Account).count().value).toBe(2);
  }));

  it("on must be the key or one Unique field of this model, and update must name its other fields: a QueryError naming them, before anything is written", needing(context, ["upsert"], async () => {
    const { db, create, collection } = context();
    const Account = defineAccount();
    const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
    await create();
    const account = { email: "ann@example.com", name: "Ann" };
    const refusals: [Promise<unknown>, RegExp][] = [
      [failure(db.upsert(Account, account, { on: Account.name, update: "all" })), /Account\.name.*neither the key nor Unique/],
      [failure(db.upsert(Account, account, { on: [Account.email, Account.handle], update: "all" })), /Account.*email, handle/],
      [failure(db.upsert(Account, account, { on: Seat.holder as never, update: "all" })), /Seat\.holder, a field of another model/],
      [failure(db.upsert(Seat, { row: "A", number: 1, holder: "x" }, { on: Seat.row, update: "all" })), /Seat.*row, part of the key.*row, number/],
      [failure(db.upsert(Account, account, { on: Account.email, update: ["id"] })), /Account\.id, the key/],
      [failure(db.upsert(Account, account, { on: Account.email, update: ["email"] })), /Account\.email/],
      [failure(db.upsert(Account, account, { on: Account.email, update: ["nickname"] as never })), /"nickname", which is not a field of Account/],
    ];
    for (const [refused, message] of refusals) {
      const error = await refused;
      expect(error).toBeInstanceOf(QueryError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await db.find(Account).count().value).toBe(0);
  }));

  it("two rows of one call that match the same stored row are a QueryError on every database, and nothing is written", needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Account = defineAccount();
    const Tag = defineTag();
    await create();
    const same = [{ email: "new@example.com", name: "A" }, { email: "x@example.com", name: "X" }, { email: "new@example.com", name: "B" }];
    const error = await failure(db.upsert(Account, same, { on: Account.email, update: ["name"] }));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/values 0 and 2 have the same email "new@example.com"/);
    expect(await failure(db.upsert(Tag, [{ id: 1, label: "a", uses: 1 }, { id: 1, label: "b", uses: 1 }], { update: "none" }))).toBeInstanceOf(QueryError);
    expect(await db.find(Account).count().value).toBe(0);
    expect(await db.find(Tag).count().value).toBe(0);
    // Rows whose `on` value is null match nothing: they are no duplicates.
    expect(await db.upsert(Account, [{ email: "a@example.com", name: "A" }, { email: "b@example.com", name: "B" }], { on: Account.handle, update: "all" }).value).toHaveLength(2);
  }));

  it("is all or none: a row that breaks another unique index fails the call with a ConstraintError, and no row of it stays", needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Account = defineAccount();
    await create();
    await db.add(Account, { email: "ann@example.com", name: "Ann", handle: "ann" }).raiseOnErrors();
    const rows = [{ email: "bob@example.com", name: "Bob" }, { email: "ann@example.com", name: "Anna" }, { email: "cy@example.com", name: "Cy", handle: "ann" }];
    expect(await failure(db.upsert(Account, rows, { on: Account.email, update: "all" }))).toBeInstanceOf(ConstraintError);
    expect(await db.find(when(Account).sort(Account.email.asc())).all().value).toEqual([{ id: expect.any(Number) as unknown, email: "ann@example.com", name: "Ann", handle: "ann" }]);
  }));

  it("validates rows as add does: a ValidationError naming the row, and nothing is written", needing(context, ["upsert"], async () => {
    const { db, create } = context();
    const Tag = defineTag();
    await create();
    const error = await failure(db.upsert(Tag, [{ id: 1, label: "a", uses: 1 }, { id: 2, label: "b", uses: 1.5 }], { update: "all" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).index).toBe(1);
    expect(await db.find(Tag).count().value).toBe(0);
  }));

  it("inside a transaction, a rollback undoes it", needing(context, ["upsert", "transactions"], async () => {
    const { db, create } = context();
    const Tag = defineTag();
    await create();
    await db.add(Tag, { id: 1, label: "a", uses: 1 }).raiseOnErrors();
    await db.transaction(async (tx) => {
      await tx.upsert(Tag, [{ id: 1, label: "changed", uses: 1 }, { id: 2, label: "new", uses: 1 }], { update: ["label"] }).raiseOnErrors();
      expect(await tx.find(Tag).count().value).toBe(2);
      await tx.rollback();
    });
    expect(await db.find(Tag).all().value).toEqual([{ id: 1, label: "a", uses: 1 }]);
  }));

  it("upserts many rows in one call: half matched, half new", needing(context, ["upsert", "batches"], async () => {
    const { db, create } = context();
    const Tag = defineTag();
    await create();
    const count = 1200;
    await db.add(Tag, Array.from({ length: count / 2 }, (_, index) => ({ id: index * 2, label: "old", uses: 0 }))).raiseOnErrors();
    const rows = await db.upsert(Tag, Array.from({ length: count }, (_, index) => ({ id: index, label: `new ${index}`, uses: index })), { update: ["label"] }).value;
    expect(rows).toHaveLength(count);
    expect(rows.every((row, index) => row.id === index && row.label === `new ${index}` && row.uses === (index % 2 === 0 ? 0 : index))).toBe(true);
    expect(await db.find(Tag).count().value).toBe(count);
    expect(await db.find(Tag.label.eq("old")).count().value).toBe(0);
  }));
});
