import { expectTypeOf, test } from "vitest";
import { ModelCollection, not, when, type Find, type Ommi, type Query, type RowOf } from "ommi";
import { defineLibrary } from "../support/models.js";

declare const db: Ommi;
const { Author, Book } = defineLibrary(new ModelCollection());
type BookRow = RowOf<typeof Book>;

test("a query is on the rows of the first model named", () => {
  expectTypeOf(when(Book)).toEqualTypeOf<Query<BookRow>>();
  expectTypeOf(when(Book, Author.name.eq("X"))).toEqualTypeOf<Query<BookRow>>();
  expectTypeOf(when(Book.title.eq("x")).or(Author.name.eq("X"))).toEqualTypeOf<Query<BookRow>>();
  expectTypeOf(db.find(Book, Author.name.eq("X"))).toEqualTypeOf<Find<BookRow>>();
  expectTypeOf(db.find(when(Book, not(Author.name.eq("X"))).sort(Book.title.asc())).all().value).resolves.toEqualTypeOf<BookRow[]>();
});

test("a query sorts by its own model's fields only", () => {
  // @ts-expect-error Author.name is not a field of Book
  void when(Book).sort(Author.name.asc());
});
