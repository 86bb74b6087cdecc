import { expect, it } from "vitest";
import { z } from "zod";
import { model, relations, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { defineLibrary, definePerson } from "../support/models.js";
import { fieldOf } from "../support/results.js";

/** `find(...).update(patch, { returning: true })`: the changed rows as they are after the update. */
export const updateReturning = defineScenario("update-returning", "update returning the changed rows", (context) => {
  const byName = <T extends { name: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.name < b.name ? -1 : 1));

  it("gives exactly the changed rows, as stored after the update; without the option, their number", needing(context, ["updateReturning"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const [ann, bob] = await addRows(db, Person, [{ name: "Ann", age: 30 }, { name: "Bob", age: 40 }, { name: "Cy", age: 10 }]);
    const changed = await db.find(Person.age.gte(20)).update({ age: 50 }, { returning: true }).value;
    expect(byName(changed)).toEqual([{ id: ann?.id, name: "Ann", age: 50 }, { id: bob?.id, name: "Bob", age: 50 }]);
    expect(await db.find(Person.age.eq(50)).update({ age: 51 }).value).toBe(2);
    expect(await fieldOf(db.find(when(Person).sort(Person.name.asc())), "age")).toEqual([51, 51, 10]);
  }));

  it("gives no rows when nothing matches", needing(context, ["updateReturning"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { name: "Ann", age: 30 }).raiseOnErrors();
    expect(await db.find(Person.name.eq("nobody")).update({ age: 1 }, { returning: true }).value).toEqual([]);
  }));

  it("changes and gives exactly the rows of a sorted, limited selection", needing(context, ["updateReturning"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, [{ name: "Ann", age: 3 }, { name: "Bob", age: 1 }, { name: "Cy", age: 2 }]);
    const changed = await db.find(when(Person).sort(Person.age.asc()).limit(2)).update({ age: 0 }, { returning: true }).value;
    expect(byName(changed).map((person) => [person.name, person.age])).toEqual([["Bob", 0], ["Cy", 0]]);
    expect(await fieldOf(db.find(when(Person).sort(Person.name.asc())), "age")).toEqual([3, 0, 0]);
  }));

  it("gives rows with the relations included, as all() does", needing(context, ["updateReturning"], async () => {
    const { db, create, collection } = context();
    const library = defineLibrary(collection);
    const { Book } = relations(library, ({ one }) => ({ Book: { author: one(library.Author, { by: library.Book.authorId }) } }));
    await create();
    await db.add(library.Author, { id: 1, name: "Ada" }).raiseOnErrors();
    await db.add(Book, { id: 1, title: "Old", authorId: 1 }).raiseOnErrors();
    const [book] = await db.find(Book.id.eq(1)).include({ author: true }).update({ title: "New" }, { returning: true }).value;
    expect(book).toEqual({ id: 1, title: "New", authorId: 1, author: { id: 1, name: "Ada" } });
  }));

  it("gives the fields a select chose, as all() does", needing(context, ["updateReturning"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { name: "Ann", age: 30 }).raiseOnErrors();
    expect(await db.find(Person.name.eq("Ann")).select("age").update({ age: 31 }, { returning: true }).value).toEqual([{ age: 31 }]);
  }));

  it("gives a row whose key it changed under its new key", needing(context, ["updateReturning", "transactions"], async () => {
    const { db, create, collection } = context();
    const Tag = model(z.object({ id: z.number().int(), label: z.string() }), { name: "Tag", collection });
    await create();
    await db.add(Tag, { id: 1, label: "a" }).raiseOnErrors();
    expect(await db.find(Tag.id.eq(1)).update({ id: 10 }, { returning: true }).value).toEqual([{ id: 10, label: "a" }]);
    expect(await db.find(Tag).all().value).toEqual([{ id: 10, label: "a" }]);
  }));

  it("inside a transaction, gives the rows as the transaction sees them, and a rollback undoes the update", needing(context, ["updateReturning", "transactions"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { name: "Ann", age: 30 }).raiseOnErrors();
    await db.transaction(async (tx) => {
      const [changed] = await tx.find(Person.name.eq("Ann")).update({ age: 31 }, { returning: true }).value;
      expect(changed?.age).toBe(31);
      await tx.rollback();
    });
    expect(await fieldOf(db.find(Person), "age")).toEqual([30]);
  }));
});
