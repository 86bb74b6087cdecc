import { beforeAll, describe, expect, it } from "vitest";
import { main, Review } from "../../examples/mixed-libraries.js";

describe("examples/mixed-libraries.ts", () => {
  let shown: Awaited<ReturnType<typeof main>>;
  const lines: string[] = [];
  beforeAll(async () => {
    shown = await main((line) => lines.push(line));
  });

  it("reads back every row as added, from each of the four libraries", () => {
    const { added, stored } = shown;
    expect(stored.authors).toEqual(added.authors);
    expect(stored.publishers).toEqual(added.publishers);
    expect(stored.books).toHaveLength(added.books.length);
    expect(stored.books).toEqual(expect.arrayContaining(added.books));
    expect(stored.reviews).toEqual(added.reviews);
  });

  it("returns class-validator rows as instances of the class, with its methods", () => {
    expect(shown.stored.reviews.every((review) => review instanceof Review)).toBe(true);
    expect(shown.usReviews.map((review) => review.summary())).toEqual(["★★★★★ by Ann", "★★★★☆ by Dee", "★★★☆☆ by Bob"]);
  });

  it("filters one model by a condition on a model of another library, one hop and two hops away", () => {
    expect(shown.leGuinBooks.map((book) => book.title)).toEqual(["A Wizard of Earthsea", "The Dispossessed"]);
    expect(shown.acclaimed.map((author) => author.name)).toEqual(["Terry Pratchett", "Ursula K. Le Guin"]);
    expect(shown.londonUs.map((publisher) => publisher.name)).toEqual(["Gollancz"]);
  });

  it("rejects invalid input with the model's own library's message", () => {
    expect(shown.rejection).toEqual(["stars must not be greater than 5"]);
  });

  it("logs what it found", () => {
    expect(lines).toContain("Books by Ursula K. Le Guin: A Wizard of Earthsea, The Dispossessed");
    expect(lines).toContain("  ★★★★☆ by Dee: The Fifth Season");
  });
});
