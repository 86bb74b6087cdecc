import { expect, it } from "vitest";
import { z } from "zod";
import { ConstraintError, Index, ModelCollection, model, Unique, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

export const schemaEvolution = defineScenario("schema-evolution", "schema evolution", (context) => {
  it("createModels is idempotent and keeps the rows", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { name: "Ann" }).raiseOnErrors();
    await create();
    await create();
    expect(await fieldOf(db.find(Person), "name")).toEqual(["Ann"]);
  });

  it("adds the columns of fields a model gained; existing rows read them as absent or null", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { id: 1, name: "Ann", age: 30 }).raiseOnErrors();

    const grown = new ModelCollection();
    const Grown = model(
      z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int().nullable(), nickname: z.string().optional(), score: z.number().nullable() }),
      { name: "Person", collection: grown },
    );
    await db.schema(grown).createModels().raiseOnErrors();

    expect(await db.find(Grown).all().value).toStrictEqual([{ id: 1, name: "Ann", age: 30, score: null }]);
    await db.add(Grown, { id: 2, name: "Bob", age: null, nickname: "B", score: 1.5 }).raiseOnErrors();
    expect(await db.find(Grown.id.eq(2)).one().value).toEqual({ id: 2, name: "Bob", age: null, nickname: "B", score: 1.5 });
    expect(await fieldOf(db.find(Grown.nickname.isNull()), "id")).toEqual([1]);
    // The model that predates the new fields still reads and writes the table.
    await db.add(Person, { id: 3, name: "Cy" }).raiseOnErrors();
    expect(await fieldOf(db.find(when(Person).sort(Person.id.asc())), "name")).toEqual(["Ann", "Bob", "Cy"]);
  });

  it("a gained Unique field is enforced, and a gained Index field is queryable", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, [{ id: 1, name: "Ann" }, { id: 2, name: "Bob" }]);

    const grown = new ModelCollection();
    const Grown = model(
      z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int().nullable(), email: z.string().optional(), team: z.string().nullable().optional() }),
      { name: "Person", collection: grown, fields: { email: Unique, team: Index } },
    );
    await db.schema(grown).createModels().raiseOnErrors();
    await db.schema(grown).createModels().raiseOnErrors();

    await db.add(Grown, { id: 3, name: "Cy", age: null, email: "cy@example.com", team: "red" }).raiseOnErrors();
    expect(await failure(db.add(Grown, { id: 4, name: "Dee", age: null, email: "cy@example.com" }))).toBeInstanceOf(ConstraintError);
    expect(await fieldOf(db.find(Grown.team.eq("red")), "id")).toEqual([3]);
  });
});
