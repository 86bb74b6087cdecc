import { expect, it } from "vitest";
import { NoResultError, not, placeholder, TransactionError, when, type Condition, type PreparedFind } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { defineLibrary, definePerson, defineSample } from "../support/models.js";
import { zodRelationModels, relationOpener, seedBlog } from "../support/relation-models.js";

type Value = string | number | boolean | Date;
type Operator = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

/** What the tests call on a Sample field, whatever its type: a value, or a placeholder for one. */
interface ComparedField {
  eq(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  ne(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  gt(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  gte(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  lt(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  lte(value: Value | ReturnType<typeof placeholder>): Condition<unknown>;
  in(values: readonly Value[] | ReturnType<typeof placeholder>): Condition<unknown>;
  notIn(values: readonly Value[] | ReturnType<typeof placeholder>): Condition<unknown>;
}

const OPERATORS: readonly Operator[] = ["eq", "ne", "gt", "gte", "lt", "lte"];

/** Values stored in the Sample (row i + 1 holds value i; rows past them, and row 9, hold null) and values compared that are stored nowhere. */
const SAMPLES = {
  text: { stored: ["", "a", "b", "ab", "Zed", "é"], other: ["aa", "c", "\u{1F600}"] },
  count: { stored: [-5, 0, 1, 2, 3, Number.MAX_SAFE_INTEGER], other: [-6, 4, Number.MIN_SAFE_INTEGER] },
  ratio: { stored: [-1.5, 0, 0.1, 2.5, 1e300], other: [0.2, -1e300, 3] },
  flag: { stored: [true, false, true], other: [] },
  at: { stored: [new Date(0), new Date(-1), new Date(1_700_000_000_123)], other: [new Date(1), new Date(2_000_000_000_000)] },
} as const;

type SampleField = keyof typeof SAMPLES;
const FIELDS = Object.keys(SAMPLES) as SampleField[];
const NULL_ROW = 9;

/**
 * Prepared queries (`find(...).prepare()`): built once with placeholders, run with values per
 * call. Each call gives exactly what the query written with those values gives, on every database.
 */
export const prepared = defineScenario("prepared", "prepared queries", (context) => {
  const seedSamples = async () => {
    const { db, create, collection } = context();
    const Sample = defineSample(collection);
    await create();
    const rows = Array.from({ length: 6 }, (_, index) => {
      const row: Record<string, unknown> = { id: index + 1 };
      for (const field of FIELDS) row[field] = SAMPLES[field].stored[index] ?? null;
      return row;
    });
    await addRows(db, Sample, [...rows, { id: NULL_ROW }] as never);
    const ids = async (find: { all(): { value: Promise<readonly { id: number }[]> } }) => (await find.all().value).map((row) => row.id).sort((a, b) => a - b);
    const idsOf = async (rows: Promise<readonly { id: number }[]>) => (await rows).map((row) => row.id).sort((a, b) => a - b);
    return { db, Sample, ids, idsOf, field: (name: SampleField) => Sample[name] as unknown as ComparedField };
  };

  it("gives what the query written with the values gives, for every operator, field and value, nulls never matching", async () => {
    const { db, Sample, ids, idsOf, field } = await seedSamples();
    for (const name of FIELDS) {
      const values: readonly Value[] = [...SAMPLES[name].stored, ...SAMPLES[name].other];
      for (const operator of OPERATORS) {
        const query = db.find(Sample, field(name)[operator](placeholder("v"))).prepare<{ v: Value }>();
        for (const value of values) {
          const written = await ids(db.find(Sample, field(name)[operator](value)));
          expect(await idsOf(query.all({ v: value }).value), `${name}.${operator}(${String(value)})`).toEqual(written);
          expect(written, "a comparison never matches the null row").not.toContain(NULL_ROW);
          expect(await query.count({ v: value }).value).toBe(written.length);
        }
      }
    }
  });

  it("takes a list for in and notIn, of any length, as the written query does", async () => {
    const { db, Sample, ids, idsOf, field } = await seedSamples();
    for (const name of FIELDS) {
      const values: readonly Value[] = [...SAMPLES[name].stored, ...SAMPLES[name].other];
      const lists: readonly (readonly Value[])[] = [[], values.slice(0, 1), values.slice(1, 4), values, Array.from({ length: 5000 }, (_, index) => values[index % values.length] as Value)];
      const inList = db.find(Sample, field(name).in(placeholder("list"))).prepare<{ list: readonly Value[] }>();
      const notInList = db.find(Sample, field(name).notIn(placeholder("list"))).prepare<{ list: readonly Value[] }>();
      for (const list of lists) {
        expect(await idsOf(inList.all({ list }).value), `${name}.in(${list.length})`).toEqual(await ids(db.find(Sample, field(name).in(list))));
        expect(await idsOf(notInList.all({ list }).value), `${name}.notIn(${list.length})`).toEqual(await ids(db.find(Sample, field(name).notIn(list))));
      }
    }
  });

  it("one() gives the row of a key, and fails with NoResultError where there is none", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const stored = await addRows(db, Person, [{ name: "Ann", age: 30 }, { name: "Bob", age: null }]);
    const byId = db.find(Person.id.eq(placeholder("id"))).prepare<{ id: number }>();
    for (const person of stored) expect(await byId.one({ id: person.id }).value).toEqual(person);
    const missing = await byId.one({ id: Math.max(...stored.map((person) => person.id)) + 1 });
    expect(missing.ok).toBe(false);
    expect(missing.ok ? undefined : missing.error).toBeInstanceOf(NoResultError);
  });

  it("takes placeholders in and, or, not, conditions on another model, and the same placeholder twice", async () => {
    const { db, create, collection } = context();
    const { Author, Book } = defineLibrary(collection);
    await create();
    await addRows(db, Author, [{ id: 1, name: "Ann" }, { id: 2, name: "Bob" }]);
    await addRows(db, Book, [
      { id: 1, title: "A", authorId: 1 }, { id: 2, title: "B", authorId: 2 }, { id: 3, title: "C", authorId: null }, { id: 4, title: "D", authorId: 1 },
    ]);
    const titles = async (rows: Promise<readonly { title: string }[]>) => (await rows).map((book) => book.title).sort();
    const byAuthor = db.find(Book, Author.name.eq(placeholder("author"))).prepare<{ author: string }>();
    expect(await titles(byAuthor.all({ author: "Ann" }).value)).toEqual(await titles(db.find(Book, Author.name.eq("Ann")).all().value));
    expect(await titles(byAuthor.all({ author: "Nobody" }).value)).toEqual([]);
    const either = db.find(when(Book.title.eq(placeholder("a"))).or(Book.title.eq(placeholder("b")), not(Book.id.eq(placeholder("id"))))).prepare<{ a: string; b: string; id: number }>();
    expect(await titles(either.all({ a: "A", b: "C", id: 3 }).value)).toEqual(await titles(db.find(when(Book.title.eq("A")).or(Book.title.eq("C"), not(Book.id.eq(3)))).all().value));
    const twice = db.find(Book.id.gte(placeholder("n")), Book.authorId.lte(placeholder("n"))).prepare<{ n: number }>();
    expect(await titles(twice.all({ n: 1 }).value)).toEqual(await titles(db.find(Book.id.gte(1), Book.authorId.lte(1)).all().value));
    expect(byAuthor.placeholders).toEqual(["author"]);
    expect(either.placeholders).toEqual(["a", "b", "id"]);
  });

  it("takes a limit and an offset as placeholders, after sorting, one() reading at most one row", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, ["E", "B", "D", "A", "C"].map((name, index) => ({ name, age: index })));
    const page = db.find(when(Person).sort(Person.name.asc()).limit(placeholder("size"), placeholder("skip"))).prepare<{ size: number; skip: number }>();
    const names = async (rows: Promise<readonly { name: string }[]>) => (await rows).map((person) => person.name);
    for (const [size, skip] of [[2, 0], [2, 2], [1, 0], [1, 3], [0, 0], [3, 4], [10, 0], [1, 9]] as const) {
      const written = await names(db.find(when(Person).sort(Person.name.asc()).limit(size, skip)).all().value);
      expect(await names(page.all({ size, skip }).value), `limit ${size}, offset ${skip}`).toEqual(written);
      expect(await page.count({ size, skip }).value).toBe(written.length);
      const first = await page.one({ size, skip });
      expect(first.ok ? first.value.name : undefined).toBe(written[0]);
    }
  });

  it("updates and deletes the rows its values select", async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const stored = await addRows(db, Person, [{ name: "Ann", age: 30 }, { name: "Bob", age: 40 }, { name: "Cy", age: 50 }]);
    const older = db.find(Person.age.gt(placeholder("age"))).prepare<{ age: number }>();
    expect(await older.update({ age: 35 }, { name: "Old" }).value).toBe(2);
    expect(await older.delete({ age: 45 }).value).toBe(1);
    const left = await db.find(when(Person).sort(Person.age.asc())).all().value;
    expect(left.map((person) => [person.id, person.name])).toEqual([[stored[0]?.id, "Ann"], [stored[1]?.id, "Old"]]);
  });

  it("gives rows as the find it was made from does: relations included, fields selected", async () => {
    const models = await relationOpener(context, zodRelationModels)();
    const { db, User } = models;
    await seedBlog(db, models);
    const find = db.find(User.name.eq(placeholder("name"))).include({ posts: true });
    const query = find.prepare<{ name: string }>();
    for (const name of ["Ann", "Bob", "Nobody"]) {
      const written = await db.find(User.name.eq(name)).include({ posts: true }).all().value;
      const given = await query.all({ name }).value;
      expect(given.map((user) => [user.name, user.posts.map((post) => post.title).sort()])).toEqual(written.map((user) => [user.name, user.posts.map((post) => post.title).sort()]));
    }
    const names = db.find(User.name.ne(placeholder("name"))).select("name").prepare<{ name: string }>();
    expect((await names.all({ name: "Ann" }).value).map((user) => Object.keys(user))).toEqual([["name"], ["name"], ["name"]]);
  });

  it("runs where it was made, and on(tx) in a transaction, seeing its rows", needing(context, ["transactions"], async () => {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    const byName = db.find(Person.name.eq(placeholder("name"))).prepare<{ name: string }>();
    let inside: PreparedFind<unknown, { name: string }> | undefined;
    await db.transaction(async (tx) => {
      await tx.add(Person, { name: "Tx", age: 1 }).raiseOnErrors();
      inside = byName.on(tx);
      expect(await inside.count({ name: "Tx" }).value).toBe(1);
    });
    expect(await byName.count({ name: "Tx" }).value).toBe(1);
    const ended = await inside?.count({ name: "Tx" });
    expect(ended?.ok).toBe(false);
    expect(ended?.ok === false ? ended.error : undefined).toBeInstanceOf(TransactionError);
    const rolledBack = db.transaction(async (tx) => {
      await tx.add(Person, { name: "Gone", age: 2 }).raiseOnErrors();
      expect(await byName.on(tx).count({ name: "Gone" }).value).toBe(1);
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    expect(await byName.count({ name: "Gone" }).value).toBe(0);
  }));
});
