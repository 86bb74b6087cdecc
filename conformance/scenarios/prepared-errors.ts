import { inspect } from "node:util";
import { expect, it } from "vitest";
import { placeholder, QueryError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure } from "../support/results.js";

/**
 * A prepared query's values are checked before anything runs, as values written in the query
 * are: a wrong, missing or unknown one fails the call with a QueryError naming the model, the
 * field and the placeholder, and changes nothing.
 */
export const preparedErrors = defineScenario("prepared-errors", "prepared queries: values refused", (context) => {
  const seed = async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, [{ name: "Ann", age: 30 }, { name: "Bob", age: null }]);
    const count = () => db.find(Person).count().value;
    return { db, Person, count };
  };

  it("refuses a value of the wrong type, and null, naming the model, the field and the placeholder; nothing is deleted", async () => {
    const { db, Person, count } = await seed();
    const older = db.find(Person.age.gt(placeholder("age"))).prepare<{ age: number }>();
    for (const wrong of ["30", 1.5, null, Number.NaN, 2 ** 53, true, {}, [30]]) {
      const error = await failure(older.delete({ age: wrong as number }));
      expect(error, inspect(wrong)).toBeInstanceOf(QueryError);
      expect(error.message).toContain("Person prepared query");
      expect(error.message).toContain('placeholder "age"');
      expect(error.message).toContain("Person.age.gt()");
    }
    expect(await count()).toBe(2);
  });

  it("refuses a missing value, an unknown name, and values that are no object, saying which", async () => {
    const { db, Person, count } = await seed();
    const query = db.find(Person.name.eq(placeholder("name")), Person.age.lt(placeholder("age"))).prepare<{ name: string; age: number }>();
    const missing = await failure(query.delete({ name: "Ann" } as never));
    expect(missing).toBeInstanceOf(QueryError);
    expect(missing.message).toMatch(/Person prepared query: no value for placeholder "age"/);
    const unknown = await failure(query.delete({ name: "Ann", age: 40, agee: 40 } as never));
    expect(unknown.message).toMatch(/"agee" is not one of its placeholders \(its placeholders: "name", "age"\)/);
    const misspelt = await failure(query.delete({ name: "Ann", agee: 40 } as never));
    expect(misspelt.message).toMatch(/no value for placeholder "age"; "agee" is not one of its placeholders/);
    const undefinedValue = await failure(query.delete({ name: "Ann", age: undefined } as never));
    expect(undefinedValue.message).toMatch(/no value for placeholder "age"/);
    for (const notAnObject of [undefined, null, 5, ["Ann", 40]]) {
      const error = await failure(query.delete(notAnObject as never));
      expect(error, String(notAnObject)).toBeInstanceOf(QueryError);
      expect(error.message).toContain("Person prepared query");
    }
    expect(await count()).toBe(2);
  });

  it("checks each value as the operator checks it: text patterns, lists, limits", async () => {
    const { db, Person } = await seed();
    const matching = db.find(Person.name.regex(placeholder("pattern"))).prepare<{ pattern: string }>();
    expect(await matching.count({ pattern: "^A" }).value).toBe(1);
    const lookaround = await failure(matching.count({ pattern: "(?=A)" }));
    expect(lookaround).toBeInstanceOf(QueryError);
    expect(lookaround.message).toMatch(/placeholder "pattern": Person\.name\.regex\(\)/);
    const listed = db.find(Person.age.in(placeholder("ages"))).prepare<{ ages: number[] }>();
    expect(await listed.count({ ages: [30, 31] }).value).toBe(1);
    const badItem = await failure(listed.count({ ages: [30, "31" as unknown as number] }));
    expect(badItem.message).toMatch(/placeholder "ages": Person\.age\.in\(\) needs an integer value/);
    const notAList = await failure(listed.count({ ages: 30 as unknown as number[] }));
    expect(notAList.message).toMatch(/placeholder "ages": Person\.age\.in\(\) needs an array/);
    const page = db.find(when(Person).sort(Person.name.asc()).limit(placeholder("size"))).prepare<{ size: number }>();
    for (const size of [-1, 1.5, "2"]) {
      const error = await failure(page.all({ size: size as number }));
      expect(error.message, String(size)).toMatch(/Person prepared query: placeholder "size" \(the limit\) must be a non-negative integer/);
    }
  });

  it("a placeholder outside a prepared query is a QueryError that says to prepare it", async () => {
    const { db, Person } = await seed();
    const error = await failure(db.find(Person.name.eq(placeholder("name"))).all());
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/Person\.name\.eq\(\).*placeholder\("name"\).*prepare\(\)/);
    const limit = await failure(db.find(when(Person).limit(placeholder("n"))).count());
    expect(limit.message).toMatch(/Person query: the limit is placeholder\("n"\)/);
    await expect(async () => {
      for await (const _row of db.find(when(Person).limit(placeholder("n")))) void _row;
    }).rejects.toThrow(QueryError);
  });

  it("a query that cannot run fails every call, as a find does; a list given is bound as it was when called", async () => {
    const { db, Person } = await seed();
    const broken = db.find(Person.age.gt("old" as never), Person.name.eq(placeholder("name"))).prepare<{ name: string }>();
    for (let call = 0; call < 2; call++) {
      const error = await failure(broken.all({ name: "Ann" }));
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/Person\.age\.gt\(\) needs an integer value/);
    }
    const list = [30];
    const listed = db.find(Person.age.in(placeholder("ages"))).prepare<{ ages: number[] }>();
    const counting = listed.count({ ages: list });
    list.push(31);
    expect(await counting.value).toBe(1);
    expect(() => placeholder("")).toThrow(QueryError);
  });
});
