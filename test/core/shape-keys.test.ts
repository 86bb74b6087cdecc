import { describe, expect, it } from "vitest";
import { ModelCollection, not, Param, prepareQuery, when, type Query } from "ommi";
import { defineLibrary } from "../support/models.js";

const { Author, Book } = defineLibrary(new ModelCollection());
const keyOf = (query: Query<unknown>) => prepareQuery(query.node).key;

describe("prepared query shapes", () => {
  it("queries that differ only in values share a key, and carry the values in order", () => {
    const first = prepareQuery(when(Book.title.eq("secret"), Book.id.in([1, 2])).sort(Book.id.asc()).limit(10, 5).node);
    const second = prepareQuery(when(Book.title.eq("other"), Book.id.in([3, 4])).sort(Book.id.asc()).limit(20, 1).node);
    expect(first.key).toBe(second.key);
    expect(first.values).toEqual(["secret", 1, 2, 10, 5]);
    expect(second.values).toEqual(["other", 3, 4, 20, 1]);
    expect(first.key).not.toContain("secret");
  });

  it("replaces every value in the prepared conditions by a Param", () => {
    const { node } = prepareQuery(when(Book.title.eq("x")).node);
    expect(node.where).toMatchObject({ kind: "comparison", value: new Param(0) });
  });

  it("queries of different shapes get different keys", () => {
    const shapes = [
      when(Book.title.eq("x")),
      when(Book.title.ne("x")),
      when(Book.id.eq(1)),
      when(Book.id.in([1])),
      when(Book.id.in([1, 2])),
      when(Book.title.eq("x"), Book.id.eq(1)),
      when(Book.title.eq("x")).or(Book.id.eq(1)),
      when(Book.title.eq("x")).or(Book.id.eq(1)).and(Book.id.eq(2)),
      when(Book.title.eq("x")).or(Book.id.eq(1), Book.id.eq(2)),
      when(not(Book.title.eq("x"))),
      when(Book, Author.name.eq("x")),
      when(Book.title.eq("x")).sort(Book.id.asc()),
      when(Book.title.eq("x")).sort(Book.id.desc()),
      when(Book.title.eq("x")).limit(1),
      when(Book.title.eq("x")).limit(1, 1),
      when(Author.name.eq("x")),
    ];
    expect(new Set(shapes.map(keyOf)).size).toBe(shapes.length);
  });
});
