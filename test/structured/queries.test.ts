import { expect, it } from "vitest";
import { z } from "zod";
import { Index, model, not, ReferenceTo, when, type Condition, type Conditional } from "ommi";
import { forEachDriver, type Context } from "../support/conformance.js";

// Conditions and sorts on values inside structured fields, on every SQL database, against what
// JavaScript says of the same rows (DESIGN.md section 4): a comparison on `a.b` is false where
// `a` or `b` is null or missing (rule 1, rule 6), array operators never match a null or missing
// array, items compare as `eq` does (-0 equals 0), whole values are equal as stored (same keys in
// the same order), and `not(...)` matches exactly the rows the condition does not (rule 2).

interface Line {
  sku: string;
  qty: number;
  at?: Date;
  labels: string[];
  discount: number | null;
}

interface Profile {
  city?: string;
  zip: string | null;
  vip: boolean;
  since: Date;
  credit: bigint;
  score: number;
  tags?: string[];
  geo?: { lat: number; lng: number } | null;
}

interface Row {
  id: number;
  profile?: Profile | null;
  tags?: string[] | null;
  scores: number[] | null;
  lines: Line[] | null;
  attrs: Record<string, number> | null;
  data?: unknown;
  blob: Uint8Array | null;
}

function defineModels(context: Context) {
  const line = z.object({ sku: z.string(), qty: z.number().int(), at: z.date().optional(), labels: z.array(z.string()), discount: z.number().nullable() });
  const profile = z.object({
    city: z.string().optional(),
    zip: z.string().nullable(),
    vip: z.boolean(),
    since: z.date(),
    credit: z.bigint(),
    score: z.number(),
    tags: z.array(z.string()).optional(),
    geo: z.object({ lat: z.number(), lng: z.number() }).nullable().optional(),
  });
  const Doc = model(
    z.object({
      id: z.number().int(),
      profile: profile.nullable().optional(),
      tags: z.array(z.string()).nullable().optional(),
      scores: z.array(z.number()).nullable(),
      lines: z.array(line).nullable(),
      attrs: z.record(z.string(), z.number()).nullable(),
      data: z.unknown(),
      blob: z.instanceof(Uint8Array).nullable(),
    }),
    { name: "Doc", collection: context.collection },
  );
  const Comment = model(z.object({ id: z.number().int(), docId: z.number().int().nullable(), text: z.string() }), {
    name: "Comment",
    collection: context.collection,
    fields: { docId: ReferenceTo(Doc.id) },
  });
  return { Doc, Comment };
}

const day = (n: number) => new Date(Date.UTC(2020, 0, n));

const ROWS: Row[] = [
  {
    id: 1,
    profile: { city: "Paris", zip: "75001", vip: true, since: day(1), credit: 2n ** 62n, score: 4.5, tags: ["a", "b"], geo: { lat: -0, lng: 2.35 } },
    tags: ["x", "y"],
    scores: [1, -0, 2.5],
    lines: [
      { sku: "s1", qty: 2, at: day(3), labels: ["red"], discount: null },
      { sku: "s2", qty: 7, labels: [], discount: 0.5 },
    ],
    attrs: { b: 1, a: 2 },
    data: { kind: "x", n: 1 },
    blob: Buffer.from([1, 2, 3]),
  },
  {
    id: 2,
    profile: { city: "Lyon", zip: null, vip: false, since: day(10), credit: -5n, score: -0, tags: [] },
    tags: [],
    scores: [0],
    lines: [{ sku: "s1", qty: 1, labels: ["blue", "red"], discount: 0 }],
    attrs: { a: 2, b: 1 },
    data: [1, 2],
    blob: Buffer.from([]),
  },
  { id: 3, profile: null, tags: null, scores: null, lines: null, attrs: null, data: null, blob: null },
  { id: 4, scores: [], lines: [], attrs: {}, data: "text", blob: Buffer.from([1, 2]) },
  {
    id: 5,
    profile: { zip: "x'\"\\%_", vip: true, since: day(20), credit: 2n ** 62n + 1n, score: 1e21, geo: null },
    tags: ["y", "Paris"],
    scores: [3],
    lines: [{ sku: "s3", qty: 2, at: day(1), labels: ["red", "green"], discount: null }],
    attrs: { b: 1 },
    data: { n: 1, kind: "x" },
    blob: null,
  },
  {
    id: 6,
    profile: { city: "paris", zip: "75002", vip: false, since: day(5), credit: 0n, score: 2, tags: ["b"] },
    tags: ["x"],
    scores: [-1, 2.5],
    lines: [{ sku: "s2", qty: 7, labels: [], discount: 0.5 }],
    attrs: { b: 1, a: 2 },
    data: { s: "-0,", z: 0 },
    blob: Buffer.from([1, 2, 3]),
  },
];

/** Deep equality as `eq` means it for whole values: the same keys in the same order, equal values (-0 equals 0). */
function sameStored(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameStored(item, b[index]));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
    return keysA.join("\0") === keysB.join("\0") && keysA.every((key) => sameStored((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

/** Items as `has` compares them: as `eq` does. */
const sameItem = sameStored;

interface Case {
  readonly title: string;
  readonly condition: (models: ReturnType<typeof defineModels>) => Conditional<Row>;
  /** The JavaScript reference: does the row match? */
  readonly matches: (row: Row) => boolean;
}

const lines = (row: Row) => row.lines ?? [];

const CASES: Case[] = [
  // A key of a nested object: rule 1 through the path.
  { title: "profile.city eq", condition: ({ Doc }) => Doc.profile.city.eq("Paris"), matches: (row) => row.profile?.city === "Paris" },
  { title: "profile.city ne (never a null or missing city)", condition: ({ Doc }) => Doc.profile.city.ne("Paris"), matches: (row) => row.profile?.city !== undefined && row.profile.city !== "Paris" },
  { title: "profile.city gt (code point order)", condition: ({ Doc }) => Doc.profile.city.gt("Paris"), matches: (row) => row.profile?.city !== undefined && row.profile.city > "Paris" },
  { title: "profile.city in", condition: ({ Doc }) => Doc.profile.city.in(["Lyon", "paris", "Nice"]), matches: (row) => ["Lyon", "paris", "Nice"].includes(row.profile?.city as string) },
  { title: "profile.city notIn", condition: ({ Doc }) => Doc.profile.city.notIn(["Lyon"]), matches: (row) => row.profile?.city !== undefined && row.profile.city !== "Lyon" },
  { title: "profile.city isNull (null or missing on the way)", condition: ({ Doc }) => Doc.profile.city.isNull(), matches: (row) => row.profile?.city === undefined },
  { title: "profile.city isNotNull", condition: ({ Doc }) => Doc.profile.city.isNotNull(), matches: (row) => row.profile?.city !== undefined },
  { title: "profile.city startsWith", condition: ({ Doc }) => Doc.profile.city.startsWith("Pa"), matches: (row) => row.profile?.city?.startsWith("Pa") === true },
  { title: "profile.city ilike", condition: ({ Doc }) => Doc.profile.city.ilike("pa%"), matches: (row) => /^pa/i.test(row.profile?.city ?? "-") },
  { title: "profile.city regex", condition: ({ Doc }) => Doc.profile.city.regex("^[A-Z]"), matches: (row) => /^[A-Z]/.test(row.profile?.city ?? "-") },
  { title: "profile.zip eq(null)", condition: ({ Doc }) => Doc.profile.zip.eq(null), matches: (row) => (row.profile?.zip ?? null) === null },
  { title: "profile.zip contains quotes, backslash, % and _", condition: ({ Doc }) => Doc.profile.zip.contains("'\"\\%_"), matches: (row) => row.profile?.zip?.includes("'\"\\%_") === true },
  { title: "profile.vip eq true", condition: ({ Doc }) => Doc.profile.vip.eq(true), matches: (row) => row.profile?.vip === true },
  { title: "profile.vip eq false", condition: ({ Doc }) => Doc.profile.vip.eq(false), matches: (row) => row.profile?.vip === false },
  { title: "profile.since gte (a Date inside)", condition: ({ Doc }) => Doc.profile.since.gte(day(5)), matches: (row) => row.profile !== undefined && row.profile !== null && row.profile.since >= day(5) },
  { title: "profile.since in", condition: ({ Doc }) => Doc.profile.since.in([day(1), day(20)]), matches: (row) => [1, 20].some((n) => row.profile?.since.getTime() === day(n).getTime()) },
  { title: "profile.credit eq (a bigint past 2^53)", condition: ({ Doc }) => Doc.profile.credit.eq(2n ** 62n + 1n), matches: (row) => row.profile?.credit === 2n ** 62n + 1n },
  { title: "profile.credit gt", condition: ({ Doc }) => Doc.profile.credit.gt(0n), matches: (row) => row.profile !== undefined && row.profile !== null && row.profile.credit > 0n },
  { title: "profile.credit in", condition: ({ Doc }) => Doc.profile.credit.in([-5n, 2n ** 62n]), matches: (row) => [-5n, 2n ** 62n].includes(row.profile?.credit as bigint) },
  { title: "profile.score eq 0 (-0 is 0)", condition: ({ Doc }) => Doc.profile.score.eq(0), matches: (row) => row.profile?.score === 0 },
  { title: "profile.score lt 1e21", condition: ({ Doc }) => Doc.profile.score.lt(1e21), matches: (row) => row.profile !== undefined && row.profile !== null && row.profile.score < 1e21 },
  { title: "profile.geo.lat eq 0 (three levels, -0 stored)", condition: ({ Doc }) => Doc.profile.geo.lat.eq(0), matches: (row) => row.profile?.geo?.lat === 0 },
  { title: "profile.geo isNull (null or missing)", condition: ({ Doc }) => Doc.profile.geo.isNull(), matches: (row) => (row.profile?.geo ?? null) === null },
  // Whole values, equal as stored.
  { title: "profile.geo eq an object", condition: ({ Doc }) => Doc.profile.geo.eq({ lat: -0, lng: 2.35 }), matches: (row) => sameStored(row.profile?.geo ?? null, { lat: -0, lng: 2.35 }) },
  { title: "profile.geo eq an object with 0 where -0 is stored", condition: ({ Doc }) => Doc.profile.geo.eq({ lat: 0, lng: 2.35 }), matches: (row) => sameStored(row.profile?.geo ?? null, { lat: 0, lng: 2.35 }) },
  // A typed object is written with its keys in the schema's order, the value compared too.
  { title: "profile.geo eq an object given in another key order", condition: ({ Doc }) => Doc.profile.geo.eq({ lng: 2.35, lat: -0 }), matches: (row) => sameStored(row.profile?.geo ?? null, { lat: 0, lng: 2.35 }) },
  { title: "attrs eq a record given in another key order (no: a record keeps its own)", condition: ({ Doc }) => Doc.attrs.eq({ a: 2, b: 1 }), matches: (row) => row.attrs !== null && sameStored(row.attrs, { a: 2, b: 1 }) },
  { title: "profile.geo ne an object (never null)", condition: ({ Doc }) => Doc.profile.geo.ne({ lat: 1, lng: 1 }), matches: (row) => (row.profile?.geo ?? null) !== null },
  { title: "attrs eq a record (key order matters)", condition: ({ Doc }) => Doc.attrs.eq({ b: 1, a: 2 }), matches: (row) => row.attrs !== null && sameStored(row.attrs, { b: 1, a: 2 }) },
  { title: "attrs ne a record", condition: ({ Doc }) => Doc.attrs.ne({ b: 1, a: 2 }), matches: (row) => row.attrs !== null && !sameStored(row.attrs, { b: 1, a: 2 }) },
  { title: "data eq a JSON value", condition: ({ Doc }) => Doc.data.eq({ kind: "x", n: 1 }), matches: (row) => sameStored(row.data, { kind: "x", n: 1 }) },
  { title: "data eq a JSON value holding -0 and a string holding -0", condition: ({ Doc }) => Doc.data.eq({ s: "-0,", z: -0 }), matches: (row) => sameStored(row.data, { s: "-0,", z: 0 }) },
  { title: "data eq a JSON string", condition: ({ Doc }) => Doc.data.eq("text"), matches: (row) => row.data === "text" },
  { title: "data isNull", condition: ({ Doc }) => Doc.data.isNull(), matches: (row) => (row.data ?? null) === null },
  { title: "blob eq bytes", condition: ({ Doc }) => Doc.blob.eq(new Uint8Array([1, 2, 3])), matches: (row) => row.blob !== null && sameStored(row.blob, Buffer.from([1, 2, 3])) },
  { title: "blob eq no bytes", condition: ({ Doc }) => Doc.blob.eq(Buffer.alloc(0)), matches: (row) => row.blob?.length === 0 },
  { title: "blob ne bytes", condition: ({ Doc }) => Doc.blob.ne(Buffer.from([1, 2, 3])), matches: (row) => row.blob !== null && !sameStored(row.blob, Buffer.from([1, 2, 3])) },
  // Arrays: none of these matches a null or missing array.
  { title: "tags has", condition: ({ Doc }) => Doc.tags.has("x"), matches: (row) => row.tags?.includes("x") === true },
  { title: "tags hasAny", condition: ({ Doc }) => Doc.tags.hasAny(["y", "zz"]), matches: (row) => row.tags?.some((tag) => ["y", "zz"].includes(tag)) === true },
  { title: "tags hasAny of none", condition: ({ Doc }) => Doc.tags.hasAny([]), matches: () => false },
  { title: "tags hasAll", condition: ({ Doc }) => Doc.tags.hasAll(["x", "y"]), matches: (row) => row.tags !== undefined && row.tags !== null && ["x", "y"].every((tag) => row.tags?.includes(tag)) },
  { title: "tags hasAll of none (every array that is there)", condition: ({ Doc }) => Doc.tags.hasAll([]), matches: (row) => Array.isArray(row.tags) },
  { title: "tags isEmpty", condition: ({ Doc }) => Doc.tags.isEmpty(), matches: (row) => row.tags?.length === 0 },
  { title: "tags length gte 2", condition: ({ Doc }) => Doc.tags.length.gte(2), matches: (row) => (row.tags?.length ?? -1) >= 2 },
  { title: "tags length eq 0", condition: ({ Doc }) => Doc.tags.length.eq(0), matches: (row) => row.tags?.length === 0 },
  { title: "scores has 0 (-0 is an item equal to 0)", condition: ({ Doc }) => Doc.scores.has(0), matches: (row) => row.scores?.includes(0) === true },
  { title: "scores has 2.5", condition: ({ Doc }) => Doc.scores.has(2.5), matches: (row) => row.scores?.includes(2.5) === true },
  { title: "scores hasAll [-0, 2.5]", condition: ({ Doc }) => Doc.scores.hasAll([-0, 2.5]), matches: (row) => row.scores !== null && [0, 2.5].every((n) => row.scores?.includes(n)) },
  { title: "profile.tags has (an array inside an object)", condition: ({ Doc }) => Doc.profile.tags.has("b"), matches: (row) => row.profile?.tags?.includes("b") === true },
  { title: "profile.tags isEmpty", condition: ({ Doc }) => Doc.profile.tags.isEmpty(), matches: (row) => row.profile?.tags?.length === 0 },
  { title: "profile.tags length lt 2", condition: ({ Doc }) => Doc.profile.tags.length.lt(2), matches: (row) => row.profile?.tags !== undefined && row.profile.tags.length < 2 },
  { title: "profile.tags hasAll of none", condition: ({ Doc }) => Doc.profile.tags.hasAll([]), matches: (row) => Array.isArray(row.profile?.tags) },
  {
    title: "lines has an object item (exactly: every key, in order)",
    condition: ({ Doc }) => Doc.lines.has({ sku: "s2", qty: 7, labels: [], discount: 0.5 }),
    matches: (row) => lines(row).some((item) => sameStored(item, { sku: "s2", qty: 7, labels: [], discount: 0.5 })),
  },
  {
    title: "lines has an object item that only part of one matches (no)",
    condition: ({ Doc }) => Doc.lines.has({ sku: "s2", qty: 7, labels: [], discount: null }),
    matches: (row) => lines(row).some((item) => sameStored(item, { sku: "s2", qty: 7, labels: [], discount: null })),
  },
  {
    title: "lines hasAny object items",
    condition: ({ Doc }) => Doc.lines.hasAny([{ sku: "s1", qty: 1, labels: ["blue", "red"], discount: 0 }, { sku: "zz", qty: 0, labels: [], discount: null }]),
    matches: (row) => lines(row).some((item) => sameItem(item, { sku: "s1", qty: 1, labels: ["blue", "red"], discount: 0 })),
  },
  {
    title: "lines hasAll object items",
    condition: ({ Doc }) => Doc.lines.hasAll([{ sku: "s2", qty: 7, labels: [], discount: 0.5 }]),
    matches: (row) => row.lines !== null && lines(row).some((item) => sameItem(item, { sku: "s2", qty: 7, labels: [], discount: 0.5 })),
  },
  { title: "lines isEmpty", condition: ({ Doc }) => Doc.lines.isEmpty(), matches: (row) => row.lines?.length === 0 },
  // some(): a condition on one item.
  { title: "lines some qty gt 1 and sku eq", condition: ({ Doc }) => Doc.lines.some((line) => when(line.qty.gt(1), line.sku.eq("s1"))), matches: (row) => lines(row).some((line) => line.qty > 1 && line.sku === "s1") },
  { title: "lines some at isNull (a missing key of an item)", condition: ({ Doc }) => Doc.lines.some((line) => line.at.isNull()), matches: (row) => lines(row).some((line) => line.at === undefined) },
  { title: "lines some at lt (a Date in an item)", condition: ({ Doc }) => Doc.lines.some((line) => line.at.lt(day(2))), matches: (row) => lines(row).some((line) => line.at !== undefined && line.at < day(2)) },
  { title: "lines some discount eq 0", condition: ({ Doc }) => Doc.lines.some((line) => line.discount.eq(0)), matches: (row) => lines(row).some((line) => line.discount === 0) },
  { title: "lines some not(discount isNull)", condition: ({ Doc }) => Doc.lines.some((line) => not(line.discount.isNull())), matches: (row) => lines(row).some((line) => line.discount !== null) },
  { title: "lines some labels has (an array in an item)", condition: ({ Doc }) => Doc.lines.some((line) => line.labels.has("green")), matches: (row) => lines(row).some((line) => line.labels.includes("green")) },
  { title: "lines some labels isEmpty", condition: ({ Doc }) => Doc.lines.some((line) => line.labels.isEmpty()), matches: (row) => lines(row).some((line) => line.labels.length === 0) },
  { title: "lines some labels length gte 2", condition: ({ Doc }) => Doc.lines.some((line) => line.labels.length.gte(2)), matches: (row) => lines(row).some((line) => line.labels.length >= 2) },
  { title: "lines some labels some (nested some)", condition: ({ Doc }) => Doc.lines.some((line) => line.labels.some((label) => label.startsWith("gr"))), matches: (row) => lines(row).some((line) => line.labels.some((label) => label.startsWith("gr"))) },
  { title: "lines some eq an object", condition: ({ Doc }) => Doc.lines.some((line) => line.eq({ sku: "s2", qty: 7, labels: [], discount: 0.5 })), matches: (row) => lines(row).some((line) => sameStored(line, { sku: "s2", qty: 7, labels: [], discount: 0.5 })) },
  { title: "tags some eq (string items)", condition: ({ Doc }) => Doc.tags.some((tag) => tag.eq("Paris")), matches: (row) => row.tags?.includes("Paris") === true },
  { title: "tags some in", condition: ({ Doc }) => Doc.tags.some((tag) => tag.in(["y", "q"])), matches: (row) => row.tags?.some((tag) => ["y", "q"].includes(tag)) === true },
  { title: "scores some gt", condition: ({ Doc }) => Doc.scores.some((score) => score.gt(2)), matches: (row) => row.scores?.some((score) => score > 2) === true },
  { title: "profile.tags some eq", condition: ({ Doc }) => Doc.profile.tags.some((tag) => tag.eq("a")), matches: (row) => row.profile?.tags?.includes("a") === true },
  // Together with other conditions.
  { title: "or of a path and an array", condition: ({ Doc }) => when(Doc.profile.city.eq("Lyon")).or(Doc.tags.has("y")), matches: (row) => row.profile?.city === "Lyon" || row.tags?.includes("y") === true },
];

function idsOf(rows: readonly { id: number }[]): number[] {
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

forEachDriver("conditions inside structured fields", (context) => {
  it("each operator matches what JavaScript says, and not(...) matches every other row", async () => {
    const models = defineModels(context());
    const { db, create } = context();
    await create();
    await db.add(models.Doc, ROWS).raiseOnErrors();
    const all = ROWS.map((row) => row.id);
    for (const { title, condition, matches } of CASES) {
      const expected = ROWS.filter(matches).map((row) => row.id);
      expect(idsOf(await db.find(condition(models)).all().value), title).toEqual(expected);
      expect(await db.find(condition(models)).count().value, `${title} (count)`).toBe(expected.length);
      const others = all.filter((id) => !expected.includes(id));
      expect(idsOf(await db.find(not(condition(models))).all().value), `not(${title})`).toEqual(others);
    }
  });

  it("sorts by a value inside a field: nulls (and missing values) first ascending, last descending", async () => {
    const { Doc } = defineModels(context());
    const { db, create } = context();
    await create();
    await db.add(Doc, ROWS).raiseOnErrors();
    const cityThenId = (row: Row) => [row.profile?.city ?? null, row.id] as const;
    const ascending = [...ROWS].sort((a, b) => compareNullsFirst(cityThenId(a)[0], cityThenId(b)[0]) || a.id - b.id).map((row) => row.id);
    expect((await db.find(when(Doc).sort(Doc.profile.city.asc(), Doc.id.asc())).all().value).map((row) => row.id)).toEqual(ascending);
    const descending = [...ROWS].sort((a, b) => compareNullsFirst(cityThenId(b)[0], cityThenId(a)[0]) || a.id - b.id).map((row) => row.id);
    expect((await db.find(when(Doc).sort(Doc.profile.city.desc(), Doc.id.asc())).all().value).map((row) => row.id)).toEqual(descending);
    // Dates and bigints inside sort by value, not by their stored text.
    const bySince = ROWS.filter((row) => row.profile).sort((a, b) => (a.profile?.since.getTime() ?? 0) - (b.profile?.since.getTime() ?? 0)).map((row) => row.id);
    expect((await db.find(when(Doc.profile.isNotNull()).sort(Doc.profile.since.asc())).all().value).map((row) => row.id)).toEqual(bySince);
    const byCredit = ROWS.filter((row) => row.profile).sort((a, b) => Number((a.profile?.credit ?? 0n) - (b.profile?.credit ?? 0n))).map((row) => row.id);
    expect((await db.find(when(Doc.profile.isNotNull()).sort(Doc.profile.credit.asc())).all().value).map((row) => row.id)).toEqual(byCredit);
    // Streaming pages with the sort, batch by batch, and sees every row once.
    const streamed: number[] = [];
    for await (const row of db.find(when(Doc).sort(Doc.profile.city.desc())).iterate({ batchSize: 2 })) streamed.push(row.id);
    expect(streamed).toEqual(descending);
  });

  it("conditions inside another model's structured fields filter the first model's rows", async () => {
    const { Doc, Comment } = defineModels(context());
    const { db, create } = context();
    await create();
    await db.add(Doc, ROWS).raiseOnErrors();
    await db.add(Comment, [
      { id: 1, docId: 1, text: "on 1" },
      { id: 2, docId: 2, text: "on 2" },
      { id: 3, docId: 3, text: "on 3" },
      { id: 4, docId: null, text: "on none" },
      { id: 5, docId: 5, text: "on 5" },
    ]).raiseOnErrors();
    const comments = async (...conditions: Condition<unknown>[]) => idsOf(await db.find(when(Comment, ...(conditions as Condition<never>[]))).all().value);
    expect(await comments(Doc.profile.city.eq("Paris"))).toEqual([1]);
    expect(await comments(Doc.tags.has("y"))).toEqual([1, 5]);
    expect(await comments(Doc.lines.some((line) => line.labels.has("blue")))).toEqual([2]);
    expect(await comments(not(Doc.tags.has("y")))).toEqual([2, 3, 4]);
  });

  it("a bigint past 64 bits inside a field is compared exactly on PostgreSQL and MySQL (up to 65 digits); SQLite, which compares 64-bit integers, refuses it naming the path", async () => {
    const Big = model(z.object({ id: z.number().int(), v: z.object({ n: z.bigint() }), items: z.array(z.bigint()) }), { name: "Big", collection: context().collection });
    const { db, driver, create } = context();
    await create();
    await db.add(Big, [{ id: 1, v: { n: 2n ** 70n }, items: [2n ** 70n] }, { id: 2, v: { n: 2n ** 70n + 1n }, items: [5n] }]).raiseOnErrors();
    // Items compare as their stored digits on every database: exact at any size.
    expect(idsOf(await db.find(Big.items.has(2n ** 70n)).all().value)).toEqual([1]);
    const result = await db.find(Big.v.n.eq(2n ** 70n + 1n)).all();
    if (driver.name === "sqlite") {
      expect(result.ok ? undefined : result.error.message).toMatch(/^Big\.v\.n: SQLite compares a bigint inside a structured value as a 64-bit integer/);
    } else {
      expect(result.ok && idsOf(result.value)).toEqual([2]);
    }
    if (driver.name === "mysql") {
      // MySQL compares them as DECIMALs, of 65 digits at most: a longer value is refused, naming the path.
      const beyond = await db.find(Big.v.n.eq(10n ** 65n)).all();
      expect(beyond.ok ? undefined : beyond.error.message).toMatch(/^Big\.v\.n: MySQL compares a bigint inside a structured value as a DECIMAL of 65 digits/);
      expect(idsOf(await db.find(Big.v.n.eq(10n ** 65n - 1n)).all().value)).toEqual([]);
    }
  });

  it("keys with quotes, backslashes, dots, brackets, `$`, spaces and emoji are reached, compared, sorted and indexed by their exact names", async () => {
    const keys = ["it's", 'say "hi"', "back\\slash", "a.b", "[0]", "$", " spaced ", "😀", "e\u0301"] as const;
    const inner = z.object(Object.fromEntries(keys.map((name) => [name, z.string().optional()])) as Record<(typeof keys)[number], z.ZodOptional<z.ZodString>>);
    const Odd = model(z.object({ id: z.number().int(), odd: inner.nullable() }), {
      name: "Odd",
      collection: context().collection,
      fields: Object.fromEntries(keys.filter((name) => !name.includes(".")).map((name) => [`odd.${name}`, Index])),
    });
    const { db, create } = context();
    await create();
    await db.add(Odd, [
      { id: 1, odd: Object.fromEntries(keys.map((name, index) => [name, `v${index}`])) },
      { id: 2, odd: Object.fromEntries(keys.map((name) => [name, name])) },
      { id: 3, odd: {} },
      { id: 4, odd: null },
    ]).raiseOnErrors();
    for (const [index, name] of keys.entries()) {
      const ref = Odd.odd.nested(name);
      expect(idsOf(await db.find(ref.eq(`v${index}`)).all().value), name).toEqual([1]);
      expect(idsOf(await db.find(ref.eq(name)).all().value), name).toEqual([2]);
      expect(idsOf(await db.find(ref.isNull()).all().value), name).toEqual([3, 4]);
      expect((await db.find(when(Odd).sort(ref.desc(), Odd.id.asc())).all().value).map((row) => row.id), name).toEqual([...[1, 2].sort((a, b) => (a === 1 ? `v${index}` : name) > (b === 1 ? `v${index}` : name) ? -1 : 1), 3, 4]);
    }
  });

  it("an update or delete picks its rows by a condition inside a field", async () => {
    const { Doc } = defineModels(context());
    const { db, create } = context();
    await create();
    await db.add(Doc, ROWS).raiseOnErrors();
    expect(await db.find(Doc.lines.some((line) => line.sku.eq("s2"))).update({ tags: ["changed"] }).value).toBe(2);
    expect(idsOf(await db.find(Doc.tags.has("changed")).all().value)).toEqual([1, 6]);
    expect(await db.find(Doc.profile.vip.eq(true)).delete().value).toBe(2);
    expect(idsOf(await db.find(when(Doc)).all().value)).toEqual([2, 3, 4, 6]);
  });
});

function compareNullsFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
