import { Double } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Key, model, ModelCollection, not, Ommi, ReferenceTo, when, type Condition, type Query } from "ommi";
import { backtrackingPatternFor, prepareQuery } from "ommi/driver";
import { compileQuery, type RelatedRows } from "../../../drivers/mongodb/compile-query.js";
import { openMongo } from "../../support/mongodb.js";

// some(...) and the conditions no query document says: `$elemMatch` where it says the condition
// exactly, else an aggregation expression with the same meaning (DESIGN.md section 4, rules 1, 2
// and 6). Nothing is refused for being hard to say in MongoDB. The shapes first, then what they
// select, run on MongoDB (the stand-in, or the server OMMI_TEST_MONGO_URL names).

const collection = new ModelCollection();
const Shop = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Shop", collection, fields: { id: Key } });
const docSchema = z.object({
  id: z.number().int(),
  text: z.string().nullable(),
  shopId: z.number().int().nullable(),
  tags: z.array(z.string().nullable()).nullable(),
  ratios: z.array(z.number()).nullable(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), marks: z.array(z.string().nullable()).optional(), "a.b": z.string().optional() })).nullable(),
  maybe: z.array(z.object({ sku: z.string(), marks: z.array(z.string()).optional() }).nullable()).nullable(),
  grid: z.array(z.array(z.number().int())).nullable(),
  odd: z.object({ "x.y": z.array(z.string()).optional() }).nullable(),
});
const Doc = model(docSchema, { name: "Doc", collection, fields: { id: Key, shopId: ReferenceTo(Shop) } });

const noRelated: RelatedRows = { joinValues: () => Promise.reject(new Error("no related query expected")) };
const filterOf = async (query: Query<unknown>, related = noRelated) => (await compileQuery(prepareQuery(query.node), related)).filter;

/** `some()` of `array` as the expression form writes it, the item `item<depth>`. */
const anyItem = (array: unknown, depth: number, holds: unknown) => ({
  $anyElementTrue: [{ $map: { input: { $cond: [{ $isArray: [array] }, array, []] }, as: `item${depth}`, in: holds } }],
});

describe("MongoDB some(): the compiled forms", () => {
  it("keeps $elemMatch where it says the condition exactly: one comparison or its negation on the item, keys of object items", async () => {
    expect(await filterOf(when(Doc.tags.some((tag) => tag.eq("a"))))).toEqual({ tags: { $elemMatch: { $eq: "a" } } });
    expect(await filterOf(when(Doc.tags.some((tag) => not(tag.isNull()))))).toEqual({ tags: { $elemMatch: { $not: { $eq: null } } } });
    expect(await filterOf(when(Doc.lines.some((line) => when(line.sku.eq("x")).or(not(line.marks.has("m"))))))).toEqual({
      lines: { $elemMatch: { $or: [{ sku: { $eq: "x" } }, { $nor: [{ marks: { $elemMatch: { $eq: "m" } } }] }] } },
    });
    // Items that may be null: $elemMatch skips them, which is right only for what no null item meets.
    expect(await filterOf(when(Doc.maybe.some((item) => item.marks.hasAny(["m"]))))).toEqual({ maybe: { $elemMatch: { marks: { $elemMatch: { $in: ["m"] } } } } });
    expect(await filterOf(when(Doc.maybe.some((item) => not(item.sku.eq("x")))))).toEqual({
      $expr: anyItem("$maybe", 1, { $eq: [{ $eq: ["$$item1.sku", { $literal: "x" }] }, false] }),
    });
  });

  it("writes what $elemMatch cannot hold as $expr: a condition on the item itself and one on its keys, nested some() a variable per depth", async () => {
    const condition = Doc.lines.some((line) => when(line.isNull()).or(line.marks.some((mark) => mark.isNull())));
    const expression = anyItem("$lines", 1, { $or: [{ $lte: ["$$item1", null] }, anyItem("$$item1.marks", 2, { $lte: ["$$item2", null] })] });
    expect(await filterOf(when(condition))).toEqual({ $expr: expression });
    expect(await filterOf(when(not(condition)))).toEqual({ $nor: [{ $expr: expression }] });
  });

  it("and, or under and, nested not on the item itself: guarded comparisons, values as $literal in their stored type", async () => {
    const filter = await filterOf(when(Doc.ratios.some((ratio) => when(ratio.gt(1), not(not(ratio.lt(2)))))));
    expect(filter).toEqual({
      $expr: anyItem("$ratios", 1, {
        $and: [
          { $and: [{ $gt: ["$$item1", null] }, { $gt: ["$$item1", { $literal: new Double(1) }] }] },
          { $eq: [{ $eq: [{ $and: [{ $gt: ["$$item1", null] }, { $lt: ["$$item1", { $literal: new Double(2) }] }] }, false] }, false] },
        ],
      }),
    });
    // A string starting with $ is data, never a field path.
    expect(await filterOf(when(Doc.tags.some((tag) => when(tag.ne("$text"), tag.notIn(["$x"])))))).toEqual({
      $expr: anyItem("$tags", 1, {
        $and: [
          { $and: [{ $gt: ["$$item1", null] }, { $ne: ["$$item1", { $literal: "$text" }] }] },
          { $and: [{ $gt: ["$$item1", null] }, { $eq: [{ $in: ["$$item1", { $literal: ["$x"] }] }, false] }] },
        ],
      }),
    });
  });

  it("text operators as $regexMatch with the pattern the query form uses, only on strings", async () => {
    const filter = await filterOf(when(Doc.tags.some((tag) => when(tag.ilike("a%"), tag.contains("b")))));
    const match = (pattern: string) => ({ $cond: [{ $gt: ["$$item1", null] }, { $regexMatch: { input: "$$item1", regex: { $literal: pattern } } }, false] });
    expect(filter).toEqual({ $expr: anyItem("$tags", 1, { $and: [match(backtrackingPatternFor("ilike", "a%")), match(backtrackingPatternFor("contains", "b"))] }) });
  });

  it("array operators and lengths of any threshold on keys of the item", async () => {
    const marks = "$$item1.marks";
    const items = { $cond: [{ $isArray: [marks] }, marks, []] };
    const length = { $cond: [{ $isArray: [marks] }, { $size: marks }, null] };
    const holdsEach = (list: unknown[]) => ({ $map: { input: { $literal: list }, as: "wanted", in: { $in: ["$$wanted", items] } } });
    expect(await filterOf(when(Doc.lines.some((line) => when(line.qty.gt(1), line.marks.length.gte(300)))))).toEqual({
      $expr: anyItem("$lines", 1, { $and: [{ $and: [{ $gt: ["$$item1.qty", null] }, { $gt: ["$$item1.qty", { $literal: 1 }] }] }, { $and: [{ $isArray: [marks] }, { $gte: [length, { $literal: 300 }] }] }] }),
    });
    // With a condition on the item itself, so that $elemMatch cannot hold it.
    expect(await filterOf(when(Doc.lines.some((line) => when(line.isNotNull(), line.marks.hasAll(["a"]), line.marks.hasAny([]), line.marks.isEmpty(), line.marks.has("b")))))).toEqual({
      $expr: anyItem("$lines", 1, {
        $and: [
          { $gt: ["$$item1", null] },
          { $and: [{ $isArray: [marks] }, { $allElementsTrue: [holdsEach(["a"])] }] },
          { $anyElementTrue: [holdsEach([])] },
          { $eq: [length, 0] },
          { $in: [{ $literal: "b" }, items] },
        ],
      }),
    });
    expect(await filterOf(when(Doc.grid.some((row) => row.length.in([0, 2]))))).toEqual({
      $expr: anyItem("$grid", 1, { $and: [{ $isArray: ["$$item1"] }, { $in: [{ $cond: [{ $isArray: ["$$item1"] }, { $size: "$$item1" }, null] }, { $literal: [0, 2] }] }] }),
    });
  });

  it("the row's own fields and other models inside some(): the row's values, and join values with $in", async () => {
    const asked: unknown[] = [];
    const related: RelatedRows = {
      joinValues: (_model, _fields, filter) => {
        asked.push(filter);
        return Promise.resolve([[1], [null]]);
      },
    };
    const filter = await filterOf(when(Doc.lines.some((line) => when(line.qty.eq(1), Doc.text.isNull(), Shop.name.eq("S")))), related);
    expect(asked).toEqual([{ name: { $eq: "S" } }]);
    expect(filter).toEqual({
      $expr: anyItem("$lines", 1, { $and: [{ $eq: ["$$item1.qty", { $literal: 1 }] }, { $lte: ["$text", null] }, { $in: ["$shopId", { $literal: [1] }] }] }),
    });
  });
});

describe("MongoDB some() and expressions: what they select", () => {
  type Row = z.infer<typeof docSchema>;
  const rows: Row[] = [
    { id: 1, text: "a", shopId: 1, tags: ["a", null, "$x"], ratios: [0.5, 1.5], lines: [{ sku: "s1", qty: 1, marks: ["m", null] }], maybe: [null, { sku: "x" }], grid: [[1, 2], []], odd: { "x.y": ["p", "q"] } },
    { id: 2, text: null, shopId: 2, tags: [], ratios: [3], lines: [{ sku: "s2", qty: 5, "a.b": "v" }], maybe: [], grid: [[3]], odd: { "x.y": [] } },
    { id: 3, text: "$text", shopId: null, tags: null, ratios: null, lines: null, maybe: null, grid: null, odd: null },
    { id: 4, text: "b", shopId: 1, tags: ["b", "c"], ratios: [], lines: [{ sku: "s3", qty: 2, marks: [] }, { sku: "s4", qty: 3, marks: ["a", "b"] }], maybe: [{ sku: "y", marks: ["m"] }], grid: [], odd: {} },
  ];
  let db: Ommi;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openMongo();
    dispose = () => opened.dispose();
    db = new Ommi(opened.driver);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Shop, [{ id: 1, name: "S" }, { id: 2, name: "T" }]).raiseOnErrors();
    await db.add(Doc, rows).raiseOnErrors();
  });
  afterAll(() => dispose());

  /** The ids of the rows `condition` selects, and of those its negation selects: together, every row once (rule 2). */
  async function selects(condition: Condition<object>): Promise<number[]> {
    const ids = async (query: Query<unknown>) => ((await db.find(query).all().raiseOnErrors()) as Row[]).map((row) => row.id).sort();
    const matched = await ids(when(condition));
    const rest = await ids(when(not(condition)));
    expect([...matched, ...rest].sort()).toEqual(rows.map((row) => row.id));
    return matched;
  }

  it("a condition on the item itself and on its keys; null items; nested some()", async () => {
    expect(await selects(Doc.lines.some((line) => when(line.eq({ sku: "s2", qty: 5, "a.b": "v" })).or(line.marks.some((mark) => mark.isNull()))))).toEqual([1, 2]);
    expect(await selects(Doc.maybe.some((item) => item.isNull()))).toEqual([1]);
    expect(await selects(Doc.maybe.some((item) => not(item.sku.eq("x"))))).toEqual([1, 4]);
    expect(await selects(Doc.maybe.some((item) => item.marks.has("m")))).toEqual([4]);
  });

  it("and, or under and, nested not, two of one operator on the item itself", async () => {
    expect(await selects(Doc.tags.some((tag) => when(tag.gt("a"), tag.lt("c"))))).toEqual([4]);
    expect(await selects(Doc.tags.some((tag) => when(tag.startsWith("b"), tag.endsWith("c"))))).toEqual([]);
    expect(await selects(Doc.tags.some((tag) => when(tag.isNotNull(), when(tag.eq("a")).or(tag.eq("c")))))).toEqual([1, 4]);
    expect(await selects(Doc.tags.some((tag) => not(not(tag.eq("$x")))))).toEqual([1]);
    expect(await selects(Doc.tags.some((tag) => when(tag.like("$%"), tag.ne("a"))))).toEqual([1]);
    expect(await selects(Doc.ratios.some((ratio) => when(ratio.gt(1), ratio.lt(2))))).toEqual([1]);
  });

  it("lengths of any threshold, several lengths, array operators, keys no query path reaches", async () => {
    expect(await selects(Doc.grid.some((row) => row.length.in([0, 1])))).toEqual([1, 2]);
    expect(await selects(Doc.grid.some((row) => row.length.gte(2)))).toEqual([1]);
    expect(await selects(Doc.grid.some((row) => when(row.has(3), row.length.lt(3))))).toEqual([2]);
    expect(await selects(Doc.lines.some((line) => line.marks.length.gte(2)))).toEqual([1, 4]);
    expect(await selects(Doc.lines.some((line) => when(line.marks.hasAll([]), not(line.marks.isEmpty()))))).toEqual([1, 4]);
    expect(await selects(Doc.lines.some((line) => when(line.marks.hasAny(["b", "z"]), line.qty.gt(2))))).toEqual([4]);
    expect(await selects(Doc.lines.some((line) => line.nested("a.b").eq("v")))).toEqual([2]);
    expect(await selects(Doc.lines.some((line) => when(line.nested("a.b").isNull(), line.sku.in(["s1", "s2"]))))).toEqual([1]);
    expect(await selects(Doc.odd.nested("x.y").has("q"))).toEqual([1]);
    expect(await selects(Doc.odd.nested("x.y").isEmpty())).toEqual([2]);
    expect(await selects(Doc.odd.nested("x.y").hasAll([]))).toEqual([1, 2]);
    expect(await selects(Doc.odd.nested("x.y").some((item) => item.regex("^q$")))).toEqual([1]);
  });

  it("the row's own fields and other models inside some()", async () => {
    expect(await selects(Doc.lines.some((line) => when(line.qty.gt(1), Doc.text.eq("b"))))).toEqual([4]);
    expect(await selects(Doc.lines.some((line) => when(line.qty.lt(3), Shop.name.eq("S"))))).toEqual([1, 4]);
  });
});
