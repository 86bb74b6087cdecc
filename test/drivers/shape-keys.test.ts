import { describe, expect, it } from "vitest";
import { ModelCollection, not, when, type Query } from "ommi";
import { Param, prepareQuery } from "ommi/driver";
import { postgresDialect } from "../../drivers/postgres/dialect.js";
import type { SqlDialect } from "../../drivers/sql/dialect.js";
import { StatementSet } from "../../drivers/sql/statement-set.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { sqliteDialect } from "../../drivers/sqlite/dialect.js";
import { defineLibrary } from "../support/models.js";

const { Author, Book } = defineLibrary(new ModelCollection());
const keyOf = (query: Query<unknown>) => prepareQuery(query.node).key;

describe("prepared query shapes", () => {
  it("queries that differ only in values share a key, and carry the values in order", () => {
    const first = prepareQuery(when(Book.title.eq("secret"), Book.id.in([1, 2])).sort(Book.id.asc()).limit(10, 5).node);
    const second = prepareQuery(when(Book.title.eq("other"), Book.id.in([3, 4])).sort(Book.id.asc()).limit(20, 1).node);
    expect(first.key).toBe(second.key);
    expect(first.values).toEqual(["secret", [1, 2], 10, 5]);
    expect(second.values).toEqual(["other", [3, 4], 20, 1]);
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
      when(Book.id.notIn([1])),
      when(Book.authorId.in([1])),
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

describe("lists (in, notIn) are one value: their length is no part of the shape", () => {
  const lengths = [0, 1, 2, 3, 100, 100_000];
  const listOf = (length: number) => Array.from({ length }, (_, index) => index);

  it("lists of any length share one key, and the list is carried as one value (a copy)", () => {
    for (const operator of ["in", "notIn"] as const) {
      const keys = new Set(lengths.map((length) => keyOf(when(Book.title.eq("x"), Book.id[operator](listOf(length))).limit(3))));
      expect(keys.size).toBe(1);
    }
    const list = [7, 8, 9];
    const prepared = prepareQuery(when(Book.id.in(list), Book.title.eq("x")).node);
    expect(prepared.values).toEqual([[7, 8, 9], "x"]);
    list.push(10);
    expect(prepared.values[0]).toEqual([7, 8, 9]);
  });

  it.each([
    ["sqlite", sqliteDialect],
    ["postgres", postgresDialect],
  ] as [string, SqlDialect][])("%s compiles one statement for lists of every length, with one parameter for the list", (_name, dialect) => {
    const compiled: string[] = [];
    const statements = new StatementSet(new StatementBuilder(dialect, () => "app"), (statement) => {
      compiled.push(statement.text);
      return statement;
    });
    const bound = lengths.map((length) => {
      const query = prepareQuery(when(Book.id.in(listOf(length)), Book.authorId.notIn(listOf(length))).node);
      return statements.select(query).bind(query.values);
    });
    expect(compiled).toHaveLength(1);
    for (const params of bound) expect(params).toHaveLength(2);
  });
});
