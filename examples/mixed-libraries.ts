/**
 * Mixing schema libraries: a bookshop whose models come from four teams, each with its own
 * library — authors in Zod, publishers in TypeBox, books in Valibot, reviews as a class-validator
 * class. They live in one collection, refer to each other, and one query filters across them.
 * Run it with `npx tsx examples/mixed-libraries.ts` (in-memory SQLite, nothing to set up).
 */
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from "class-validator";
import { pathToFileURL } from "node:url";
import { Type } from "typebox";
import * as v from "valibot";
import { z } from "zod";
import { Auto, Key, ModelCollection, Ommi, ReferenceTo, ValidationError, model, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const bookshop = new ModelCollection();

// Zod. A field named `id` is the key; left out, the database generates it.
export const Author = model(z.object({ id: z.int().optional(), name: z.string().min(1), country: z.string().length(2) }), {
  name: "Author",
  collection: bookshop,
});

// TypeBox.
export const Publisher = model(Type.Object({ id: Type.Optional(Type.Integer()), name: Type.String({ minLength: 1 }), city: Type.String() }), {
  name: "Publisher",
  collection: bookshop,
});

// Valibot, keyed by ISBN, referring to a Zod model and a TypeBox model.
export const Book = model(
  v.object({
    isbn: v.pipe(v.string(), v.regex(/^\d{13}$/)),
    title: v.string(),
    authorId: v.pipe(v.number(), v.integer()),
    publisherId: v.pipe(v.number(), v.integer()),
    price: v.pipe(v.number(), v.minValue(0)),
  }),
  { name: "Book", collection: bookshop, fields: { isbn: Key, authorId: ReferenceTo(Author.id), publisherId: ReferenceTo(Publisher.id) } },
);

// class-validator, with Ommi's markers as decorators. Rows come back as instances, methods included.
export class Review {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @ReferenceTo(() => Book.isbn) @IsString() isbn!: string;
  @IsString() @MinLength(1) reviewer!: string;
  @IsInt() @Min(1) @Max(5) stars!: number;

  summary(): string {
    return `${"★".repeat(this.stars)}${"☆".repeat(5 - this.stars)} by ${this.reviewer}`;
  }
}
export const Reviews = model(Review, { collection: bookshop });

/** Fills the shop, asks it questions across the four models, and returns (and logs) the answers. */
export async function main(log: (line: string) => void = console.log) {
  const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  try {
    await db.schema(bookshop).createModels().raiseOnErrors();

    const [leGuin, pratchett, jemisin] = await db.add(Author, [
      { name: "Ursula K. Le Guin", country: "US" },
      { name: "Terry Pratchett", country: "GB" },
      { name: "N. K. Jemisin", country: "US" },
    ]).value;
    const [parnassus, gollancz] = await db.add(Publisher, [{ name: "Parnassus", city: "Berkeley" }, { name: "Gollancz", city: "London" }]).value;
    if (!leGuin?.id || !pratchett?.id || !jemisin?.id || !parnassus?.id || !gollancz?.id) throw new Error("keys are generated on insert");
    const books = await db.add(Book, [
      { isbn: "9780547773742", title: "A Wizard of Earthsea", authorId: leGuin.id, publisherId: parnassus.id, price: 9.99 },
      { isbn: "9780061054884", title: "The Dispossessed", authorId: leGuin.id, publisherId: gollancz.id, price: 12.5 },
      { isbn: "9780552166591", title: "Guards! Guards!", authorId: pratchett.id, publisherId: gollancz.id, price: 8.99 },
      { isbn: "9780316229296", title: "The Fifth Season", authorId: jemisin.id, publisherId: parnassus.id, price: 11 },
    ]).value;
    const reviews = await db.add(Reviews, [
      { isbn: "9780547773742", reviewer: "Ann", stars: 5 },
      { isbn: "9780061054884", reviewer: "Bob", stars: 3 },
      { isbn: "9780552166591", reviewer: "Cy", stars: 5 },
      { isbn: "9780316229296", reviewer: "Dee", stars: 4 },
    ]).value;

    // One hop, Valibot → Zod: a condition on Author filters books.
    const leGuinBooks = await db.find(when(Book, Author.name.eq("Ursula K. Le Guin")).sort(Book.title.asc())).all().value;
    log(`Books by Ursula K. Le Guin: ${leGuinBooks.map((book) => book.title).join(", ")}`);

    // Two hops, class-validator → Valibot → Zod: reviews of books by authors from the US.
    const usReviews = await db.find(when(Reviews, Author.country.eq("US")).sort(Reviews.stars.desc())).all().value;
    const titles = new Map(books.map((book) => [book.isbn, book.title]));
    log("Reviews of books by US authors:");
    for (const review of usReviews) log(`  ${review.summary()}: ${titles.get(review.isbn)}`);

    // Two hops the other way, Zod → Valibot → class-validator: authors with a five-star review.
    const acclaimed = await db.find(when(Author, Reviews.stars.eq(5)).sort(Author.name.asc())).all().value;
    log(`Authors with a five-star review: ${acclaimed.map((author) => author.name).join(", ")}`);

    // TypeBox → Valibot → Zod, and a condition on the model itself too: London publishers of US authors.
    const londonUs = await db.find(when(Publisher, Publisher.city.eq("London"), Author.country.eq("US"))).all().value;
    log(`London publishers of US authors: ${londonUs.map((publisher) => publisher.name).join(", ")}`);

    // Each library validates its own model, with its own messages.
    const rejected = await db.add(Reviews, { isbn: "9780547773742", reviewer: "Eve", stars: 6 });
    const rejection = !rejected.ok && rejected.error instanceof ValidationError ? rejected.error.issues.map((issue) => issue.message) : [];
    log(`Rejected review: ${rejection.join("; ")}`);

    // Every model reads back what was added, whichever library describes it.
    const stored = {
      authors: await db.find(when(Author).sort(Author.id.asc())).all().value,
      publishers: await db.find(when(Publisher).sort(Publisher.id.asc())).all().value,
      books: await db.find(Book).all().value,
      reviews: await db.find(when(Reviews).sort(Reviews.id.asc())).all().value,
    };
    log(`In the shop: ${stored.books.length} books by ${stored.authors.length} authors from ${stored.publishers.length} publishers, ${stored.reviews.length} reviews`);

    const added = { authors: [leGuin, pratchett, jemisin], publishers: [parnassus, gollancz], books, reviews };
    return { added, stored, leGuinBooks, usReviews, acclaimed, londonUs, rejection };
  } finally {
    await db.close();
  }
}

// Runs only as a script, so that tests can import `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
