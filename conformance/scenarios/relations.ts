import { expect, it } from "vitest";
import { z } from "zod";
import { ModelError, model, not, QueryError, ReferenceTo, when, type Query, type RowOf } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { defineLibrary } from "../support/models.js";
import { failure, fieldOf } from "../support/results.js";

export const relations = defineScenario("relations", "conditions across ReferenceTo", (context) => {
  async function seedLibrary() {
    const { db, create, collection } = context();
    const { Author, Book } = defineLibrary(collection);
    await create();
    await addRows(db, Author, [{ id: 1, name: "Xu" }, { id: 2, name: "Yara" }, { id: 3, name: "Zed" }]);
    await addRows(db, Book, [
      { id: 10, title: "X one", authorId: 1 }, { id: 11, title: "X two", authorId: 1 },
      { id: 20, title: "Y one", authorId: 2 }, { id: 30, title: "Anonymous", authorId: null },
    ]);
    const titles = async (query: Query<RowOf<typeof Book>>) => (await fieldOf(db.find(query), "title")).sort();
    const names = async (query: Query<RowOf<typeof Author>>) => (await fieldOf(db.find(query), "name")).sort();
    return { db, Author, Book, titles, names };
  }

  it("filters books by their author: when(Book, Author.name.eq(...))", async () => {
    const { Author, Book, titles } = await seedLibrary();
    expect(await titles(when(Book, Author.name.eq("Xu")))).toEqual(["X one", "X two"]);
    expect(await titles(when(Book, Author.name.startsWith("Y")).and(Book.title.contains("one")))).toEqual(["Y one"]);
  });

  it("filters authors by their books, the reverse direction", async () => {
    const { Author, Book, names } = await seedLibrary();
    expect(await names(when(Author, Book.title.eq("Y one")))).toEqual(["Yara"]);
    expect(await names(when(Author, Book.title.startsWith("X")))).toEqual(["Xu"]);
    expect(await names(when(Author, Book.id.isNotNull()))).toEqual(["Xu", "Yara"]);
  });

  it("not() over a related condition matches the rows without such a related row, those without any included", async () => {
    const { Author, Book, titles, names } = await seedLibrary();
    expect(await titles(when(Book, not(Author.name.eq("Xu"))))).toEqual(["Anonymous", "Y one"]);
    expect(await names(when(Author, not(Book.title.contains("one"))))).toEqual(["Zed"]);
  });

  it("mixes related and own conditions in or()", async () => {
    const { Author, Book, titles } = await seedLibrary();
    expect(await titles(when(Book, Author.name.eq("Yara")).or(Book.authorId.isNull()))).toEqual(["Anonymous", "Y one"]);
  });

  it("follows a lazy ReferenceTo(() => Later.id) to a model defined afterwards, over two steps", async () => {
    const { db, create, collection } = context();
    const Order = model(z.object({ id: z.number().int(), customerId: z.number().int() }), {
      name: "Order", collection, fields: { customerId: ReferenceTo(() => Customer.id) },
    });
    const Line = model(z.object({ id: z.number().int(), orderId: z.number().int(), sku: z.string() }), {
      name: "Line", collection, fields: { orderId: ReferenceTo(Order.id) },
    });
    const Customer = model(z.object({ id: z.number().int(), city: z.string() }), { name: "Customer", collection });
    await create();
    await addRows(db, Customer, [{ id: 1, city: "Oslo" }, { id: 2, city: "Rome" }]);
    await addRows(db, Order, [{ id: 1, customerId: 1 }, { id: 2, customerId: 2 }]);
    await addRows(db, Line, [{ id: 1, orderId: 1, sku: "a" }, { id: 2, orderId: 2, sku: "b" }, { id: 3, orderId: 1, sku: "c" }]);
    expect(await fieldOf(db.find(when(Order, Customer.city.eq("Rome"))), "id")).toEqual([2]);
    expect((await fieldOf(db.find(when(Line, Customer.city.eq("Oslo"))), "sku")).sort()).toEqual(["a", "c"]);
    expect(await fieldOf(db.find(when(Customer, Line.sku.eq("b"))), "city")).toEqual(["Rome"]);
  });

  it("a model reached in two ways, or not at all, is a QueryError", async () => {
    const { db, create, collection } = context();
    const Person = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Person", collection });
    const Film = model(z.object({ id: z.number().int(), directorId: z.number().int(), writerId: z.number().int() }), {
      name: "Film", collection, fields: { directorId: ReferenceTo(Person.id), writerId: ReferenceTo(Person.id) },
    });
    const Studio = model(z.object({ id: z.number().int() }), { name: "Studio", collection });
    await create();
    const ambiguous = await failure(db.find(Film, Person.name.eq("Ann")).all());
    expect(ambiguous).toBeInstanceOf(QueryError);
    expect(ambiguous.message).toMatch(/directorId/);
    expect(await failure(db.find(Person, Film.id.eq(1)).all())).toBeInstanceOf(QueryError);
    expect(await failure(db.find(Film, Studio.id.eq(1)).count())).toBeInstanceOf(QueryError);
  });

  it("a lazy ReferenceTo that names no field fails createModels with a ModelError", async () => {
    const { db, collection } = context();
    const Owner = model(z.object({ id: z.number().int() }), { name: "Owner", collection });
    model(z.object({ id: z.number().int(), ownerId: z.number().int() }), {
      name: "Pet", collection, fields: { ownerId: ReferenceTo(() => Owner.id.toString() as never) },
    });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/Pet\.ownerId: ReferenceTo must name a model field.*got /);
  });
});
