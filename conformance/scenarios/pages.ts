import { expect, it } from "vitest";
import { z } from "zod";
import { MAX_CURSOR_LENGTH, model, QueryError, ReferenceTo, relations, when, type AsyncResult, type ModelCollection, type Page, type PageOptions } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { definePerson } from "../support/models.js";
import { failure } from "../support/results.js";

/** What pages: a find, with or without a selection or relations to include. */
interface Pageable<R> {
  page(options: PageOptions): AsyncResult<Page<R>>;
}

/** Every page of a find, in order, following `next` until it is undefined. */
async function allPages<R>(find: Pageable<R>, size: number): Promise<Page<R>[]> {
  const pages: Page<R>[] = [];
  let after: string | undefined;
  do {
    const page = await find.page({ size, after }).value;
    pages.push(page);
    after = page.next;
    if (pages.length > 10_000) throw new Error("page() never ended");
  } while (after !== undefined);
  return pages;
}

const rowsOf = <R>(pages: readonly Page<R>[]) => pages.flatMap((page) => page.rows);

/** Ages with many ties and a null in every fourth row; ids not in age order. */
const people = Array.from({ length: 103 }, (_, index) => ({
  id: ((index * 37) % 103) + 1,
  name: `p${index}`,
  age: index % 4 === 0 ? null : (index * 13) % 9,
}));

type PersonRow = (typeof people)[number];

/** Ascending nulls first, ties by id (the key completes the order). */
const ascending = (a: PersonRow, b: PersonRow) => (a.age ?? -Infinity) - (b.age ?? -Infinity) || a.id - b.id;
/** Descending nulls last, ties by id ascending. */
const descending = (a: PersonRow, b: PersonRow) => (b.age ?? -Infinity) - (a.age ?? -Infinity) || a.id - b.id;

function defineValues(collection: ModelCollection) {
  return model(
    z.object({
      id: z.number().int(),
      text: z.string().nullable().default(null),
      ratio: z.number().nullable().default(null),
      big: z.bigint().nullable().default(null),
      at: z.date().nullable().default(null),
      flag: z.boolean().nullable().default(null),
    }),
    { name: "Values", collection },
  );
}

/** Values whose exact round trip through a cursor matters: long and odd Unicode, float edges, bigints past 2^53, dates before 1970. */
const valueRows = [
  { id: 1, text: "emoji 😀👍🏽👨‍👩‍👧", ratio: 0.1 + 0.2, big: 2n ** 63n - 1n, at: new Date("1969-07-20T20:17:40.001Z"), flag: true },
  { id: 2, text: "'quote\" back\\slash $1 ? %_", ratio: 5e-324, big: -(2n ** 63n), at: new Date(0), flag: false },
  { id: 3, text: "e\u0301", ratio: -1.7976931348623157e308, big: 2n ** 53n + 1n, at: new Date("2024-02-29T23:59:59.999Z") },
  { id: 4, text: "é", ratio: 0.30000000000000004, big: 2n ** 53n, at: new Date("2038-01-19T03:14:08.000Z"), flag: true },
  { id: 5, text: "", ratio: 0, big: 0n, at: new Date(-1), flag: false },
  { id: 6, text: "日本語のテキスト".repeat(40), ratio: 1e-300, big: -1n },
  { id: 7 },
  { id: 8, text: "emoji 😀👍🏽👨‍👩‍👧", ratio: 0.1 + 0.2, big: 2n ** 63n - 1n, at: new Date("1969-07-20T20:17:40.001Z"), flag: true },
];

export const pages = defineScenario("pages", "keyset pages with cursors", (context) => {
  async function seedPeople() {
    const { db, create, collection } = context();
    const Person = definePerson(collection);
    await create();
    await addRows(db, Person, people);
    return { db, Person };
  }

  it("pages through every row exactly once, in the sort, with ties and nulls, both ways", async () => {
    const { db, Person } = await seedPeople();
    const up = await allPages(db.find(when(Person).sort(Person.age.asc())), 10);
    expect(rowsOf(up).map((row) => row.id)).toEqual([...people].sort(ascending).map((row) => row.id));
    expect(up.map((page) => page.rows.length)).toEqual([...Array<number>(10).fill(10), 3]);
    const down = await allPages(db.find(when(Person).sort(Person.age.desc())), 7);
    expect(rowsOf(down).map((row) => row.id)).toEqual([...people].sort(descending).map((row) => row.id));
  });

  it("a page of the conditions' rows; without a sort, in key order", async () => {
    const { db, Person } = await seedPeople();
    const some = await allPages(db.find(Person.age.gte(4)), 6);
    const expected = people.filter((row) => row.age !== null && row.age >= 4).sort((a, b) => a.id - b.id);
    expect(rowsOf(some).map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it("the last page has no next, also when its rows fill it exactly; no rows is one empty last page", async () => {
    const { db, Person } = await seedPeople();
    const exact = await allPages(db.find(Person.id.lte(20)), 10);
    expect(exact.map((page) => [page.rows.length, page.next === undefined])).toEqual([
      [10, false],
      [10, true],
    ]);
    expect(await db.find(Person.id.gt(1000)).page({ size: 5 }).value).toStrictEqual({ rows: [], next: undefined });
  });

  it("a cursor carries every sortable type exactly: Unicode, floats, bigints, dates, booleans and nulls", async () => {
    const { db, create, collection } = context();
    const Values = defineValues(collection);
    await create();
    await addRows(db, Values, valueRows);
    for (const field of [Values.text, Values.ratio, Values.big, Values.at, Values.flag]) {
      for (const order of [field.asc(), field.desc()]) {
        const query = when(Values).sort(order);
        // Ties keep no order unless sorted further: pages complete the sort with the key.
        const expected = (await db.find(query.sort(Values.id.asc())).all().value).map((row) => row.id);
        // Pages of one row: every row's values go through a cursor.
        expect(rowsOf(await allPages(db.find(query), 1)).map((row) => row.id)).toEqual(expected);
        expect(rowsOf(await allPages(db.find(query), 3)).map((row) => row.id)).toEqual(expected);
      }
    }
  });

  it("a cursor belongs to its query: another sort, model or kind of condition is a QueryError; other values are the same query", async () => {
    const { db, Person } = await seedPeople();
    const { next } = await db.find(when(Person.age.gte(2)).sort(Person.age.asc())).page({ size: 5 }).value;
    expect(next).toBeTypeOf("string");
    const refused = [
      db.find(when(Person.age.gte(2)).sort(Person.age.desc())),
      db.find(when(Person.age.gte(2)).sort(Person.name.asc())),
      db.find(when(Person.age.gte(2))),
      db.find(when(Person.age.lte(2)).sort(Person.age.asc())),
      db.find(when(Person.age.gte(2), Person.name.ne("x")).sort(Person.age.asc())),
      db.find(when(Person).sort(Person.age.asc())),
    ];
    for (const find of refused) {
      const error = await failure(find.page({ size: 5, after: next }));
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/^Person page\(\): the cursor was not made by this query/);
    }
    // The same query with another value: the rows after the cursor's row, among its own.
    const other = await db.find(when(Person.age.gte(3)).sort(Person.age.asc())).page({ size: 500, after: next }).value;
    const first = await db.find(when(Person.age.gte(2)).sort(Person.age.asc())).page({ size: 5 }).value;
    const last = first.rows[4] as PersonRow;
    expect(other.rows.map((row) => row.id)).toEqual(
      people
        .filter((row) => row.age !== null && row.age >= 3 && ascending(row, last) > 0)
        .sort(ascending)
        .map((row) => row.id),
    );
  });

  it("a changed, cut or made-up cursor is a QueryError before anything runs, however long", async () => {
    const { db, Person } = await seedPeople();
    const find = db.find(when(Person).sort(Person.name.asc()));
    const { next } = await find.page({ size: 3 }).value;
    const cursor = next as string;
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    const hostile: unknown[] = [
      flip(cursor, 0),
      flip(cursor, Math.floor(cursor.length / 2)),
      flip(cursor, cursor.length - 1),
      cursor.slice(0, -1),
      `${cursor}A`,
      `A${cursor}`,
      cursor.replace(".", ""),
      "",
      ".",
      "garbage",
      "e30.AAAAAAAAAAAAAAAAAAAAAA",
      "W10.AAAAAAAAAAAAAAAAAAAAAA",
      "\u0000".repeat(100),
      "😀".repeat(1000),
      "A".repeat(MAX_CURSOR_LENGTH + 1),
      `${"[".repeat(MAX_CURSOR_LENGTH - 30)}.AAAAAAAAAAAAAAAAAAAAAA`,
      null,
      42,
      { cursor },
    ];
    const started = performance.now();
    for (const after of hostile) {
      const error = await failure(find.page({ size: 3, after: after as string }));
      expect(error, String(after).slice(0, 40)).toBeInstanceOf(QueryError);
    }
    const huge = await failure(find.page({ size: 3, after: "A".repeat(10_000_000) }));
    expect(huge.message).toMatch(/more than any cursor Ommi makes/);
    expect(performance.now() - started).toBeLessThan(2000);
    // The good cursor still works after all that.
    expect((await find.page({ size: 3, after: cursor }).value).rows).toHaveLength(3);
  });

  it("size is a whole number from 1; a query with a limit or offset cannot be paged", async () => {
    const { db, Person } = await seedPeople();
    for (const size of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "10"]) {
      const error = await failure(db.find(Person).page({ size: size as number }));
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/^Person page\(\): size must be a whole number from 1/);
    }
    for (const query of [when(Person).limit(10), when(Person).limit(10, 5)]) {
      const error = await failure(db.find(query).page({ size: 3 }));
      expect(error.message).toMatch(/^Person page\(\): the query has a limit or offset/);
    }
  });

  it("pages of a selection give only its fields, and go on from sort values they do not give", async () => {
    const { db, Person } = await seedPeople();
    const found = await allPages(db.find(when(Person).sort(Person.age.desc())).select("name"), 9);
    expect(rowsOf(found)).toStrictEqual([...people].sort(descending).map((row) => ({ name: row.name })));
  });

  it("pages load the relations to include, for a selection too", async () => {
    const { db, create, collection } = context();
    const Author = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection });
    const Book = model(z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int() }), {
      name: "Book",
      collection,
      fields: { authorId: ReferenceTo(Author.id) },
    });
    const library = relations({ Author, Book }, ({ one }) => ({ Book: { author: one(Author, { by: Book.authorId }) } }));
    await create();
    await addRows(db, Author, [{ id: 1, name: "Ann" }, { id: 2, name: "Bo" }]);
    await addRows(db, Book, Array.from({ length: 11 }, (_, index) => ({ id: index + 1, title: `b${index % 3}`, authorId: (index % 2) + 1 })));
    const query = when(library.Book).sort(library.Book.title.asc());
    const expected = (await db.find(query.sort(library.Book.id.asc())).all().value).map((book) => ({ title: book.title, author: book.authorId === 1 ? "Ann" : "Bo" }));
    const found = rowsOf(await allPages(db.find(query).select("title").include({ author: true }), 4));
    expect(found.map((book) => ({ title: book.title, author: book.author.name }))).toEqual(expected);
    expect(found.every((book) => Object.keys(book).join() === "title,author")).toBe(true);
    const whole = rowsOf(await allPages(db.find(query).include({ author: true }), 5));
    expect(whole.map((book) => book.author.name)).toEqual(expected.map((book) => book.author));
  });
});
