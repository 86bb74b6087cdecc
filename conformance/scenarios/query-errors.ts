import { expect, it } from "vitest";
import { QueryError } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { definePerson } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

export const queryErrors = defineScenario("query-errors", "queries that cannot run", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await db.add(Person, { id: 1, name: "Ann", age: 30 }).raiseOnErrors();
    return { db, Person };
  }

  it("a value of the wrong type is a QueryError naming the field, through every operation's result", async () => {
    const { db, Person } = await setup();
    const wrong = db.find(Person.age.eq("thirty" as never));
    for (const result of [wrong.all(), wrong.one(), wrong.count(), wrong.update({ name: "x" }), wrong.delete()]) {
      const error = await failure(result);
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/Person\.age/);
    }
    await expect(wrong.iterate().next()).rejects.toBeInstanceOf(QueryError);
    expect(await fieldOf(db.find(Person), "name")).toEqual(["Ann"]);
  });

  it("rejects values a field cannot hold: a fraction for an integer, a number for a string, a bad item in in()", async () => {
    const { db, Person } = await setup();
    for (const condition of [Person.age.gt(1.5), Person.name.eq(3 as never), Person.age.in([1, "2" as never]), Person.age.lt(null as never)]) {
      expect(await failure(db.find(condition).all())).toBeInstanceOf(QueryError);
    }
  });

  it("a text operator on a non-text field, or an invalid regex, is a QueryError", async () => {
    const { db, Person } = await setup();
    const numeric = Person.age as unknown as typeof Person.name;
    expect(await failure(db.find(numeric.contains("3")).all())).toBeInstanceOf(QueryError);
    expect(await failure(db.find(Person.name.regex("(unclosed")).all())).toBeInstanceOf(QueryError);
  });

  it("an update naming an unknown field is a QueryError, and nothing changes", async () => {
    const { db, Person } = await setup();
    const error = await failure(db.find(Person).update({ name: "Bob", nickname: "B" } as never));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/nickname/);
    expect(await fieldOf(db.find(Person), "name")).toEqual(["Ann"]);
  });
});
