// TypeBox on SQLite: rows typed by TypeBox's own Static, with neither Zod nor Valibot installed.
import { Type } from "typebox";
import { Auto, Key, Ommi, model, type RowOf } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const Book = model(Type.Object({ id: Type.Optional(Type.Integer()), title: Type.String(), pages: Type.Integer() }), {
  name: "TypeBoxBook",
  fields: { id: [Key, Auto] },
});

const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema().createModels().raiseOnErrors();
await db.add(Book, { title: "Dune", pages: 412 }).raiseOnErrors();
const books = await db.find(Book.pages.gt(100)).all().value;
const titles: string[] = books.map((book) => book.title);
const notAny: 0 extends 1 & RowOf<typeof Book> ? false : true = true;
// @ts-expect-error pages is a number
Book.pages.gt("many");
// @ts-expect-error title is required
await db.add(Book, { pages: 1 }).raiseOnErrors();
await db.close();

export { notAny, titles };
