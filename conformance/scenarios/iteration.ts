import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";

const ROWS = 10_000;

/** Ages with many ties and a null in every third row; ids are not in age order. */
const people = Array.from({ length: ROWS }, (_, index) => ({
  id: index + 1,
  name: "same name",
  age: index % 3 === 0 ? null : (index * 7919) % 97,
}));

/** Ascending with nulls first, as every driver sorts; descending is its reverse. */
function byAge(a: { age: number | null }, b: { age: number | null }): number {
  return (a.age ?? -Infinity) - (b.age ?? -Infinity);
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const row of rows) seen.push(row);
  return seen;
}

export const iteration = defineScenario("iteration", "streaming in batches", (context) => {
  async function seed() {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, people);
    return { db, Person };
  }

  const ids = (rows: readonly { id?: number }[]) => rows.map((row) => row.id);
  const distinct = (rows: readonly { id?: number }[]) => new Set(ids(rows)).size;

  it("for await yields every row exactly once", async () => {
    const { db, Person } = await seed();
    const rows = await collect(db.find(Person));
    expect(rows).toHaveLength(ROWS);
    expect(distinct(rows)).toBe(ROWS);
  });

  it("keeps the sort across batches, nulls first ascending and last descending", async () => {
    const { db, Person } = await seed();
    const ascending = await collect(db.find(when(Person).sort(Person.age.asc())).iterate({ batchSize: 777 }));
    expect(ascending.map((row) => row.age)).toEqual([...people].sort(byAge).map((row) => row.age));
    expect(distinct(ascending)).toBe(ROWS);
    const descending = await collect(db.find(when(Person).sort(Person.age.desc())).iterate({ batchSize: 1000 }));
    expect(descending.map((row) => row.age)).toEqual([...people].sort(byAge).reverse().map((row) => row.age));
    expect(distinct(descending)).toBe(ROWS);
  });

  it("loses and repeats no row when every row has the same sort value", async () => {
    const { db, Person } = await seed();
    const rows = await collect(db.find(when(Person).sort(Person.name.desc())).iterate({ batchSize: 999 }));
    expect(rows).toHaveLength(ROWS);
    expect(distinct(rows)).toBe(ROWS);
  });

  it("streams only the window of a limit and offset", async () => {
    const { db, Person } = await seed();
    const window = when(Person.age.isNotNull()).sort(Person.age.desc(), Person.id.asc()).limit(2500, 1234);
    const rows = await collect(db.find(window).iterate({ batchSize: 400 }));
    const expected = people
      .filter((person) => person.age !== null)
      .sort((a, b) => byAge(b, a) || a.id - b.id)
      .slice(1234, 1234 + 2500);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it("streams the rows a condition selects", async () => {
    const { db, Person } = await seed();
    const rows = await collect(db.find(when(Person.age.isNull()).sort(Person.age.asc())).iterate({ batchSize: 500 }));
    expect(rows).toHaveLength(people.filter((person) => person.age === null).length);
    expect(distinct(rows)).toBe(rows.length);
    expect(rows.every((row) => row.age === null)).toBe(true);
  });
});
