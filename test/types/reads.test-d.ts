import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { ModelCollection, ReferenceTo, model, relations, when, type AsyncResult, type Ommi, type Page, type SqlRecord, type Transaction } from "ommi";

declare const db: Ommi;
declare const tx: Transaction;

const collection = new ModelCollection();
const Member = model(
  z.object({ id: z.number().int().optional(), name: z.string(), bio: z.string().optional(), joined: z.date(), balance: z.bigint() }),
  { name: "Member", collection },
);
// The row find gives (its key present: test/types/stored-keys.test-d.ts), whatever it is.
const _rows = db.find(Member).all().value;
type Row = Awaited<typeof _rows>[number];

test("select gives rows of the chosen fields, omit of the others", () => {
  expectTypeOf(db.find(Member).select("name", "joined").all().value).resolves.toEqualTypeOf<Pick<Row, "name" | "joined">[]>();
  expectTypeOf(db.find(Member).omit("balance").all().value).resolves.toEqualTypeOf<Omit<Row, "balance">[]>();
  expectTypeOf(db.find(Member.name.eq("x")).select("bio").one().value).resolves.toEqualTypeOf<Pick<Row, "bio">>();
  expectTypeOf(db.find(when(Member).sort(Member.joined.asc())).select("name").iterate()).toEqualTypeOf<AsyncGenerator<Pick<Row, "name">, void, undefined>>();
  // The last selection is the one that holds.
  expectTypeOf(db.find(Member).select("name").select("joined").all().value).resolves.toEqualTypeOf<Pick<Row, "joined">[]>();
});

test("names are the model's fields, checked when compiled", () => {
  // @ts-expect-error: no field of Member
  void db.find(Member).select("nickname");
  // @ts-expect-error: no field of Member
  void db.find(Member).omit("name", "nickname");
  // @ts-expect-error: at least one name
  void db.find(Member).select();
});

test("count, update and delete of a selection are the model's", () => {
  const chosen = db.find(Member).select("name");
  expectTypeOf(chosen.count()).toEqualTypeOf<AsyncResult<number>>();
  void chosen.update({ balance: 5n, bio: "b" });
  // @ts-expect-error: a patch is checked against the model's fields, not the selection's
  void chosen.update({ balance: "5" });
});

test("page gives rows as find would, and the next cursor", () => {
  expectTypeOf(db.find(Member).page({ size: 10 })).toEqualTypeOf<AsyncResult<Page<Row>>>();
  expectTypeOf(db.find(Member).select("name").page({ size: 10, after: "cursor" }).value).resolves.toEqualTypeOf<Page<Pick<Row, "name">>>();
  expectTypeOf<Page<Row>["next"]>().toEqualTypeOf<string | undefined>();
  // @ts-expect-error: a cursor is a string
  void db.find(Member).page({ size: 10, after: 5 });
  // @ts-expect-error: size is required
  void db.find(Member).page({});
});

const blog = new ModelCollection();
const AuthorModel = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection: blog });
const BookModel = model(z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int() }), {
  name: "Book",
  collection: blog,
  fields: { authorId: ReferenceTo(AuthorModel.id) },
});
const { Author, Book } = relations({ Author: AuthorModel, Book: BookModel }, ({ one, many }) => ({
  Author: { books: many(BookModel) },
  Book: { author: one(AuthorModel, { by: BookModel.authorId }) },
}));
const _authors = db.find(Author).all().value;
type AuthorRow = Awaited<typeof _authors>[number];

test("a selection keeps the relations include loads, in either order, and has no lazy relations", async () => {
  const after = await db.find(Book).select("title").include({ author: true }).one().value;
  const before = await db.find(Book).include({ author: true }).select("title").one().value;
  for (const row of [after, before]) {
    expectTypeOf(row.title).toEqualTypeOf<string>();
    expectTypeOf(row.author.name).toEqualTypeOf<string>();
    // @ts-expect-error: not chosen
    void row.authorId;
  }
  const plain = await db.find(Book).select("title").one().value;
  // @ts-expect-error: rows of a selection hold no lazy relations
  void plain.author;
  const withBooks = await db.find(Author).omit("id").include({ books: true }).one().value;
  expectTypeOf(withBooks.name).toEqualTypeOf<string>();
  expectTypeOf(withBooks.books[0]?.title).toEqualTypeOf<string | undefined>();
  // @ts-expect-error: no relation of Author
  void db.find(Author).select("name").include({ pages: true });
});

test("db.sql(Model) gives the model's rows; db.sql alone plain records; tx.sql the same", () => {
  expectTypeOf(db.sql(Member)`SELECT ${Member}.* FROM ${Member} WHERE ${Member.name} = ${"x"}`).toEqualTypeOf<AsyncResult<Row[]>>();
  expectTypeOf(tx.sql(Author)`SELECT * FROM ${Author}`).toEqualTypeOf<AsyncResult<AuthorRow[]>>();
  expectTypeOf(db.sql`SELECT 1 AS one`).toEqualTypeOf<AsyncResult<SqlRecord[]>>();
  expectTypeOf<SqlRecord>().toEqualTypeOf<Record<string, unknown>>();
});
