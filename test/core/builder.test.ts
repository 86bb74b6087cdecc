import { describe, expect, it } from "vitest";
import { ModelCollection, not, QueryError, when } from "ommi";
import { defineLibrary } from "../support/models.js";

const { Author, Book } = defineLibrary(new ModelCollection());

describe("query builder", () => {
  it("queries are immutable: each method returns a new query and leaves the old one as it was", () => {
    const base = when(Book.title.startsWith("A"));
    const before = base.node;
    const narrowed = base.and(Book.id.gt(1));
    const widened = base.or(Book.id.eq(1));
    const sorted = base.sort(Book.title.asc());
    const limited = base.limit(5, 10);
    expect(base.node).toBe(before);
    expect(new Set([base, narrowed, widened, sorted, limited]).size).toBe(5);
    expect(Object.isFrozen(base)).toBe(true);
    expect(before.sort).toEqual([]);
    expect(before.limit).toBeUndefined();
  });

  it("when(...) queries the first model named; a condition on another model does not change it", () => {
    expect(when(Book).node.model.name).toBe("Book");
    expect(when(Book.title.eq("x")).node.model.name).toBe("Book");
    expect(when(Book, Author.name.eq("X")).node.model.name).toBe("Book");
    expect(when(Author.name.eq("X"), Book.title.eq("x")).node.model.name).toBe("Author");
    expect(when(Book).node.where).toBeUndefined();
  });

  it("eq(null) is isNull and ne(null) is isNotNull", () => {
    expect(when(Book.authorId.eq(null)).node.where).toEqual(when(Book.authorId.isNull()).node.where);
    expect(when(Book.authorId.ne(null)).node.where).toEqual(when(Book.authorId.isNotNull()).node.where);
  });

  it("sort() adds after the sorts already given", () => {
    const sorted = when(Book).sort(Book.title.desc()).sort(Book.id.asc());
    expect(sorted.node.sort.map((entry) => [entry.field.name, entry.direction])).toEqual([["title", "desc"], ["id", "asc"]]);
  });

  it("limit and offset must be non-negative integers", () => {
    expect(() => when(Book).limit(-1)).toThrow(QueryError);
    expect(() => when(Book).limit(1.5)).toThrow(QueryError);
    expect(() => when(Book).limit(10, -5)).toThrow(QueryError);
    expect(when(Book).limit(0).node.limit).toBe(0);
  });

  it("a query used as a condition may not sort or limit", () => {
    expect(() => when(Book).and(when(Book.id.gt(1)).sort(Book.id.asc()))).toThrow(QueryError);
    expect(() => not(when(Book.id.gt(1)).limit(1))).toThrow(QueryError);
  });

  it("not() needs a condition: a query without conditions matches every row", () => {
    expect(() => not(when(Book))).toThrow(QueryError);
  });

  it("when() refuses what is neither a model, a condition nor a query", () => {
    expect(() => when("Book" as never)).toThrow(QueryError);
    expect(() => when(Book, { title: "x" } as never)).toThrow(QueryError);
  });
});
