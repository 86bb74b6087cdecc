import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { needing } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";

export const concurrency = defineScenario("concurrency", "concurrent calls on one database", (context) => {
  it("50 finds and adds at once all succeed, and every row is stored once", async () => {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    const calls = Array.from({ length: 50 }, (_, index) =>
      index % 2 === 0 ? db.add(Person, { name: `p${index}`, age: index }).then((result) => result.ok) : db.find(Person.age.gte(0)).all().then((result) => result.ok),
    );
    expect(await Promise.all(calls)).toEqual(calls.map(() => true));
    const names = (await db.find(when(Person).sort(Person.age.asc())).all().value).map((person) => person.name);
    expect(names).toEqual(Array.from({ length: 25 }, (_, index) => `p${index * 2}`));
  });

  it("concurrent transactions each commit their own rows", needing(context, ["transactions"], async () => {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        db.transaction(async (tx) => {
          await tx.add(Person, { name: `t${index}a`, age: index }, { name: `t${index}b`, age: index }).raiseOnErrors();
        }),
      ),
    );
    expect(await db.find(Person).count().value).toBe(20);
  }));

  it("a bulk add larger than any statement's parameter limit is stored whole, keys in input order", needing(context, ["batches"], async () => {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    const people = Array.from({ length: 25_000 }, (_, index) => ({ name: `n${index}`, age: index }));
    const stored = await db.add(Person, people).value;
    expect(stored.map((person) => person.age)).toEqual(people.map((person) => person.age));
    expect(new Set(stored.map((person) => person.id)).size).toBe(people.length);
    const byId = await db.find(when(Person).sort(Person.id.asc())).all().value;
    expect(byId.map((person) => person.id)).toEqual(stored.map((person) => person.id));
    expect(byId.map((person) => person.age)).toEqual(people.map((person) => person.age));
  }));

  it("a failing bulk add stores nothing", needing(context, ["batches"], async () => {
    const { db, collection, create } = context();
    const Person = definePerson(collection);
    await create();
    const people: { id?: number; name: string; age: number }[] = Array.from({ length: 25_000 }, (_, index) => ({ name: `n${index}`, age: index }));
    people.push({ id: 1, name: "first again", age: 0 }, { id: 1, name: "duplicate key", age: 0 });
    const result = await db.add(Person, people);
    expect(result.ok).toBe(false);
    expect(await db.find(Person).count().value).toBe(0);
  }));
});
