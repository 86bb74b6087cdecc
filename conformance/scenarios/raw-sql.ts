import { expect, it } from "vitest";
import { QueryError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure } from "../support/results.js";

const people = [
  { id: 1, name: "Ann", age: 30 },
  { id: 2, name: "Bo", age: null },
  { id: 3, name: "Cy", age: 12 },
];

// db.sql on every driver: the rows of SQL the user wrote where the driver declares `rawSql`, and
// a QueryError naming the database where it does not (MongoDB). test/drivers/raw-sql.test.ts
// holds the SQL databases' own tests.
export const rawSql = defineScenario("raw-sql", "SQL the user writes (db.sql)", (context) => {
  it("gives the model's rows where the database runs SQL, and a QueryError naming it where it does not", async () => {
    const { db, driver, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, people);
    const result = db.sql(Person)`SELECT ${Person}.* FROM ${Person} WHERE ${Person.age} > ${18} OR ${Person.age} IS NULL ORDER BY ${Person.id}`;
    if (driver.capabilities.rawSql) {
      expect(await result.value).toStrictEqual(await db.find(when(Person.age.gt(18)).or(Person.age.isNull()).sort(Person.id.asc())).all().value);
      return;
    }
    const error = await failure(result);
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toBe(`db.sql(Person): ${driver.name} runs no SQL; use find() (a raw filter for this database is not available yet)`);
    expect((await failure(db.sql`SELECT 1`)).message).toMatch(new RegExp(`^db\\.sql: ${driver.name} runs no SQL`));
  });
});
