import { Double } from "mongodb";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Key, metaOf, model, ModelCollection, not, ReferenceTo, when, type Query } from "ommi";
import { prepareQuery, type FieldMeta, type ModelMeta } from "ommi/driver";
import { compileQuery, type RelatedRows } from "../../../drivers/mongodb/compile-query.js";

// The filters, sorts and paging the MongoDB compiler produces for each rule of DESIGN.md section 4.

const collection = new ModelCollection();
const Author = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection, fields: { id: Key } });
const Item = model(
  z.object({
    id: z.number().int(),
    text: z.string().nullable(),
    ratio: z.number().nullable(),
    tags: z.array(z.string()).nullable(),
    meta: z.unknown(),
    address: z.object({ city: z.string(), zip: z.string().nullable() }).nullable(),
    lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), marks: z.array(z.string()) })).nullable(),
    authorId: z.number().int().nullable(),
  }),
  { name: "Item", collection, fields: { id: Key, authorId: ReferenceTo(Author) } },
);

const Odd = model(
  z.object({
    id: z.number().int(),
    odd: z.object({ "a.b": z.string().optional(), $: z.string().optional() }).nullable(),
    lists: z.array(z.object({ "a.b": z.string() })).nullable(),
    big: z.bigint().nullable(),
    labels: z.record(z.string(), z.string()).nullable(),
    deep: z.object({ "a.b": z.array(z.string()) }).nullable(),
  }),
  { name: "Odd", collection, fields: { id: Key } },
);

const noRelated: RelatedRows = { joinValues: () => Promise.reject(new Error("no related query expected")) };
const compile = (query: Query<unknown>, related = noRelated) => compileQuery(prepareQuery(query.node), related);
const filterOf = async (query: Query<unknown>) => (await compile(query)).filter;

describe("MongoDB filters", () => {
  it("rule 1: ne and notIn exclude null and missing values; in([]) matches nothing, notIn([]) every value", async () => {
    expect(await filterOf(when(Item.text.ne("a")))).toEqual({ text: { $nin: ["a", null] } });
    expect(await filterOf(when(Item.text.notIn([])))).toEqual({ text: { $nin: [null] } });
    expect(await filterOf(when(Item.text.in([])))).toEqual({ text: { $in: [] } });
    expect(await filterOf(when(Item.text.isNull()))).toEqual({ text: { $eq: null } });
    expect(await filterOf(when(Item.text.ne(null)))).toEqual({ text: { $ne: null } });
    expect(await filterOf(when(Item.id.eq(3)))).toEqual({ _id: { $eq: 3 } });
  });

  it("binds values as they are stored: a float as a double", async () => {
    const filter = await filterOf(when(Item.ratio.gt(5)));
    expect((filter as { ratio: { $gt: unknown } }).ratio.$gt).toBeInstanceOf(Double);
  });

  it("rule 2: not is $nor, nested as written", async () => {
    expect(await filterOf(when(not(when(Item.text.eq("a")).or(Item.ratio.lt(1)))))).toEqual({
      $nor: [{ $or: [{ text: { $eq: "a" } }, { ratio: { $lt: new Double(1) } }] }],
    });
  });

  it("compares a value that may be an array as a whole, not by its items", async () => {
    expect(await filterOf(when(Item.meta.eq("vip")))).toEqual({ meta: { $eq: "vip", $not: { $type: "array" } } });
    expect(await filterOf(when(Item.tags.eq([])))).toEqual({ tags: { $eq: [], $not: { $elemMatch: { $eq: [] } } } });
    expect(await filterOf(when(Item.meta.isNull()))).toEqual({ meta: { $eq: null, $not: { $type: "array" } } });
    expect(await filterOf(when(Item.tags.ne(["a"])))).toEqual({
      $and: [{ $nor: [{ tags: { $eq: null, $not: { $type: "array" } } }] }, { $nor: [{ tags: { $eq: ["a"], $not: { $elemMatch: { $eq: ["a"] } } } }] }],
    });
  });

  it("nested paths are dotted", async () => {
    expect(await filterOf(when(Item.address.city.ne("Paris")))).toEqual({ "address.city": { $nin: ["Paris", null] } });
  });

  it("array operators: $elemMatch, $all of $elemMatch, $size; hasAll([]) is every array", async () => {
    expect(await filterOf(when(Item.tags.has("a")))).toEqual({ tags: { $elemMatch: { $eq: "a" } } });
    expect(await filterOf(when(Item.tags.hasAny([])))).toEqual({ tags: { $elemMatch: { $in: [] } } });
    expect(await filterOf(when(Item.tags.hasAll(["a", "b"])))).toEqual({ tags: { $all: [{ $elemMatch: { $eq: "a" } }, { $elemMatch: { $eq: "b" } }] } });
    expect(await filterOf(when(Item.tags.hasAll([])))).toEqual({ tags: { $type: "array" } });
    expect(await filterOf(when(Item.tags.isEmpty()))).toEqual({ tags: { $size: 0 } });
  });

  it("a length is $size where the value is an array, in $expr", async () => {
    // $size is guarded by $cond too: an engine may evaluate every item of $and, and $size fails on a non-array.
    const length = { $cond: [{ $isArray: ["$tags"] }, { $size: "$tags" }, null] };
    expect(await filterOf(when(Item.tags.length.lt(2)))).toEqual({ $expr: { $and: [{ $isArray: ["$tags"] }, { $lt: [length, { $literal: 2 }] }] } });
    expect(await filterOf(when(Item.tags.length.isNull()))).toEqual({ $expr: { $eq: [{ $isArray: ["$tags"] }, false] } });
  });

  it("a key no query path reaches (a dot, a leading $) is compared and sorted through $getField, values as $literal", async () => {
    const reach = { $getField: { field: { $literal: "a.b" }, input: "$odd" } };
    expect(await filterOf(when(Odd.odd.nested("a.b").eq("$x")))).toEqual({ $expr: { $eq: [reach, { $literal: "$x" }] } });
    expect(await filterOf(when(Odd.odd.nested("a.b").isNull()))).toEqual({ $expr: { $lte: [reach, null] } });
    expect(await filterOf(when(Odd.odd.nested("a.b").gt("m")))).toEqual({ $expr: { $and: [{ $gt: [reach, null] }, { $gt: [reach, { $literal: "m" }] }] } });
    expect(await filterOf(when(Odd.odd.nested("$").ne("v")))).toEqual({
      $expr: { $and: [{ $gt: [{ $getField: { field: { $literal: "$" }, input: "$odd" } }, null] }, { $ne: [{ $getField: { field: { $literal: "$" }, input: "$odd" } }, { $literal: "v" }] }] },
    });
    expect(await compile(when(Odd).sort(Odd.odd.nested("a.b").desc()))).toMatchObject({ sort: { __ommi_sort_0: -1 }, addFields: { __ommi_sort_0: reach } });
    // Inside some() too, and array operators on such a key.
    expect(await filterOf(when(Odd.lists.some((item) => item.nested("a.b").eq("x"))))).toEqual({
      $expr: { $anyElementTrue: [{ $map: { input: { $cond: [{ $isArray: ["$lists"] }, "$lists", []] }, as: "item1", in: { $eq: [{ $getField: { field: { $literal: "a.b" }, input: "$$item1" } }, { $literal: "x" }] } } }] },
    });
    const marks = { $getField: { field: { $literal: "a.b" }, input: "$deep" } };
    expect(await filterOf(when(Odd.deep.nested("a.b").has("$m")))).toEqual({ $expr: { $in: [{ $literal: "$m" }, { $cond: [{ $isArray: [marks] }, marks, []] }] } });
  });

  it("refuses, naming the path, a compared value BSON cannot hold exactly: a bigint past 64 bits, a key with NUL", async () => {
    await expect(filterOf(when(Odd.big.in([1n, 2n ** 64n])))).rejects.toThrow(/^Odd\.big: MongoDB stores a bigint .*64-bit/);
    await expect(filterOf(when(Odd.big.eq(-(2n ** 63n) - 1n)))).rejects.toThrow(/^Odd\.big: /);
    await expect(filterOf(when(Odd.labels.eq({ "k\u0000": "v" })))).rejects.toThrow(/^Odd\.labels: MongoDB cannot store a key holding a NUL/);
    expect(await filterOf(when(Odd.big.in([2n ** 63n - 1n])))).toEqual({ big: { $in: [2n ** 63n - 1n] } });
  });

  it("some(): keys of object items in a query document, the item itself in operator form", async () => {
    expect(await filterOf(when(Item.lines.some((line) => when(line.sku.eq("x"), line.qty.gt(2)))))).toEqual({
      lines: { $elemMatch: { $and: [{ sku: { $eq: "x" } }, { qty: { $gt: 2 } }] } },
    });
    expect(await filterOf(when(Item.tags.some((tag) => tag.ne("a"))))).toEqual({ tags: { $elemMatch: { $nin: ["a", null] } } });
    expect(await filterOf(when(Item.tags.some((tag) => when(tag.eq("a")).or(tag.eq("b")))))).toEqual({
      $or: [{ tags: { $elemMatch: { $eq: "a" } } }, { tags: { $elemMatch: { $eq: "b" } } }],
    });
    expect(await filterOf(when(Item.lines.some((line) => line.marks.some((mark) => not(mark.eq("g"))))))).toEqual({
      lines: { $elemMatch: { marks: { $elemMatch: { $not: { $eq: "g" } } } } },
    });
  });

  it("a condition on another model asks for its join values, then filters by them with $in", async () => {
    const asked: [ModelMeta, readonly FieldMeta[], unknown][] = [];
    const related: RelatedRows = {
      joinValues: (model, fields, filter) => {
        asked.push([model, fields, filter]);
        return Promise.resolve([[1], [null], [2]]);
      },
    };
    const compiled = await compile(when(Item, not(Author.name.eq("Ana"))), related);
    expect(asked).toEqual([[metaOf(Author), [metaOf(Author).keys[0]], { name: { $eq: "Ana" } }]]);
    expect(compiled.filter).toEqual({ $nor: [{ authorId: { $in: [1, 2] } }] });
  });

  it("sorts, pages, and compiles limit(0) to a filter that matches nothing", async () => {
    expect(await compile(when(Item).sort(Item.address.city.desc(), Item.tags.length.asc()).limit(5, 10))).toEqual({
      filter: {},
      sort: { "address.city": -1, __ommi_sort_1: 1 },
      addFields: { __ommi_sort_1: { $cond: [{ $isArray: ["$tags"] }, { $size: "$tags" }, null] } },
      skip: 10,
      limit: 5,
    });
    expect(await compile(when(Item.text.eq("a")).limit(0))).toEqual({ filter: { _id: { $in: [] } } });
  });
});
