import { expect, it } from "vitest";
import { z } from "zod";
import { ModelCollection, model, NoResultError, Ommi, ReferenceTo, relations } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const AuthorSchema = z.object({ id: z.number().int(), name: z.string() });
const BookSchema = z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int(), editorId: z.number().int().nullable() });

it("a required to-one whose row is missing (a legacy table without the foreign key) is a NoResultError, not a null the type does not allow", async () => {
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  // The tables as a legacy application made them: no foreign key, and a book whose author is gone.
  const legacy = new ModelCollection();
  const LegacyAuthor = model(AuthorSchema, { name: "Author", collection: legacy });
  const LegacyBook = model(BookSchema, { name: "Book", collection: legacy });
  await db.schema(legacy).createModels().raiseOnErrors();
  await db.add(LegacyAuthor, { id: 1, name: "Ann" }).raiseOnErrors();
  await db.add(LegacyBook, { id: 10, title: "Kept", authorId: 1, editorId: 7 }, { id: 11, title: "Orphan", authorId: 9, editorId: null }).raiseOnErrors();

  // The application adopts Ommi's relations over the same tables.
  const collection = new ModelCollection();
  const AuthorModel = model(AuthorSchema, { name: "Author", collection });
  const BookModel = model(BookSchema, { name: "Book", collection, fields: { authorId: ReferenceTo(AuthorModel.id), editorId: ReferenceTo(AuthorModel.id) } });
  const { Book } = relations({ Author: AuthorModel, Book: BookModel }, ({ one }) => ({
    Book: { author: one(AuthorModel, { by: BookModel.authorId }), editor: one(AuthorModel, { by: BookModel.editorId }) },
  }));

  const kept = await db.find(Book.id.eq(10)).one().value;
  expect((await kept.author).name).toBe("Ann");
  // A nullable reference to a missing row is simply no row.
  expect(await kept.editor).toBeNull();
  const orphan = await db.find(Book.id.eq(11)).one().value;
  await expect(Promise.resolve(orphan.author)).rejects.toThrow(NoResultError);
  await expect(Promise.resolve(orphan.author)).rejects.toThrow(/Book\.author: no Author has id = 9/);
  // include says the same for the whole query.
  const included = await db.find(Book.id.eq(11)).include({ author: true }).all();
  expect(included.ok || included.error).toBeInstanceOf(NoResultError);
  await db.close();
});
