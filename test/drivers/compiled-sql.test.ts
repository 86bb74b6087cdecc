import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Index, Key, metaOf, model, ModelCollection, not, ReferenceTo, StoreAs, Unique, when, type Query } from "ommi";
import { prepareQuery, type FieldMeta, type ModelMeta, type PreparedPatch, type PreparedQuery, type QueryNode, type StoredRow } from "ommi/driver";
import { compiledSql, type CompiledSql, type DialectName, type SqlStatement } from "../support/compiled-sql.js";

// The SQL each dialect sends for every statement shape, kept as file snapshots so that a change
// to the generated SQL shows in review as a diff. Each case prints its title, the statement text
// exactly as sent, and its parameters for the sample values (which shows how values are encoded).
// After an intended change: `npx vitest run test/drivers -u`, then read the diff.

const collection = new ModelCollection();

/** One field of each type, nullable and not, with StoreAs columns, a unique and an indexed field. */
const Author = model(
  z.object({
    id: z.number().int().optional(),
    name: z.string(),
    nickname: z.string().nullable(),
    email: z.string(),
    born: z.date(),
    active: z.boolean(),
    rating: z.number().nullable(),
    followers: z.bigint(),
  }),
  { name: "Author", collection, fields: { id: [Key, Auto], nickname: StoreAs("nick_name"), email: [StoreAs("email_address"), Unique], followers: Index } },
);

/** Refers to Author through a StoreAs column; nullable fields of the other types. */
const Book = model(
  z.object({
    id: z.number().int().optional(),
    title: z.string(),
    authorId: z.number().int().nullable(),
    pages: z.number().int(),
    price: z.number(),
    published: z.date().nullable(),
    inPrint: z.boolean().nullable(),
    isbn: z.bigint().nullable(),
  }),
  { name: "Book", collection, fields: { id: [Key, Auto], authorId: [StoreAs("writer"), ReferenceTo(Author.id)] } },
);

/** Two hops from Author. */
const Chapter = model(
  z.object({ id: z.number().int().optional(), bookId: z.number().int(), heading: z.string(), words: z.number().int() }),
  { name: "Chapter", collection, fields: { id: [Key, Auto], bookId: ReferenceTo(Book.id) } },
);

/** A composite key, one part of it a reference: no generated key. */
const Tag = model(
  z.object({ bookId: z.number().int(), label: z.string(), weight: z.number().optional() }),
  { name: "Tag", collection, fields: { bookId: [Key, ReferenceTo(Book.id)], label: Key } },
);

const [author, book, chapter, tag] = [metaOf(Author), metaOf(Book), metaOf(Chapter), metaOf(Tag)];

function field(meta: ModelMeta, name: string): FieldMeta {
  const found = meta.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${meta.name} has no field ${name}`);
  return found;
}

/** An update's new values, as the interface layer hands them to a driver (already validated). */
function patch(meta: ModelMeta, values: Record<string, unknown>): PreparedPatch {
  const names = Object.keys(values);
  return { fields: names.map((name) => field(meta, name)), values: names.map((name) => values[name]) };
}

const born = new Date("1815-12-10T08:30:00.123Z");
const published = new Date("2024-02-29T23:59:59.999Z");

/** One case of a snapshot: a title, and the statements it compiles to in a dialect. */
interface Case {
  readonly title: string;
  readonly build: (sql: CompiledSql) => SqlStatement | SqlStatement[];
}

// selectFirst is left out: SQLite runs it only for a limit of 1 without offset (see `firstRow`).
type Kind = "select" | "count" | "update" | "delete";
const KINDS: readonly Kind[] = ["select", "count", "update", "delete"];
const renameAuthor = patch(author, { name: "Ada" });

/** One statement of a kind for a prepared query; updates set `patchFor` (Author's name unless given). */
function statementOf(kind: Kind, query: PreparedQuery, sql: CompiledSql, patchFor: PreparedPatch = renameAuthor): SqlStatement {
  return kind === "update" ? sql.update(query, patchFor) : sql[kind](query);
}

/** A case of each kind for the query. */
function everyKind(title: string, query: () => PreparedQuery, patchFor?: PreparedPatch): Case[] {
  return KINDS.map((kind) => ({ title: `${kind} · ${title}`, build: (sql) => statementOf(kind, query(), sql, patchFor) }));
}

/** A select of the query's rows. */
function selecting(title: string, query: Query<unknown>): Case {
  return { title, build: (sql) => sql.select(prepareQuery(query.node)) };
}

/** The select without LIMIT that SQLite runs for a query limited to 1 without offset, as `one()` prepares it. */
function firstRow(title: string, query: Query<unknown>): Case {
  return { title: `selectFirst · ${title}, as one() prepares it (limit 1)`, build: (sql) => sql.selectFirst(prepareQuery(query.node, 1)) };
}

/** Offset without limit: no builder method makes it, but the compiler has a branch for it (LIMIT -1 / ALL). */
function offsetOnly(node: QueryNode, offset: number): PreparedQuery {
  return prepareQuery({ ...node, limit: undefined, offset });
}

const activeAuthors = when(Author.active.eq(true));
const tagsOfBook = when(Tag.bookId.eq(7));

const shapes: Case[] = [
  ...everyKind("every row", () => prepareQuery(when(Author).node)),
  ...everyKind("every row, limit 10 offset 20", () => prepareQuery(when(Author).limit(10, 20).node)),
  ...everyKind("a condition", () => prepareQuery(activeAuthors.node)),
  ...everyKind("a condition, limit 10", () => prepareQuery(activeAuthors.limit(10).node)),
  ...everyKind("a condition, limit 10 offset 20", () => prepareQuery(activeAuthors.limit(10, 20).node)),
  ...everyKind("a condition, limit 0", () => prepareQuery(activeAuthors.limit(0).node)),
  ...everyKind("a condition, offset 20 without limit", () => offsetOnly(activeAuthors.node, 20)),
  ...everyKind("a condition, sort name asc, limit 10 offset 20", () => prepareQuery(activeAuthors.sort(Author.name.asc()).limit(10, 20).node)),
  // one() fetches with a limit of 1: PostgreSQL runs the select with LIMIT, SQLite the selectFirst below.
  { title: "select · a condition, as one() prepares it (limit 1)", build: (sql) => sql.select(prepareQuery(activeAuthors.node, 1)) },
  { title: "select · a condition, limit 5, as one() prepares it (limit 1)", build: (sql) => sql.select(prepareQuery(activeAuthors.limit(5).node, 1)) },
  firstRow("every row", when(Author)),
  firstRow("a condition", activeAuthors),
  firstRow("a condition, limit 5", activeAuthors.limit(5)),
  firstRow("a condition, sort rating desc, name asc", activeAuthors.sort(Author.rating.desc(), Author.name.asc())),
  firstRow("composite key (Tag), a condition", tagsOfBook),
  ...everyKind("composite key (Tag), a condition", () => prepareQuery(tagsOfBook.node), patch(tag, { weight: 0.5 })),
  ...everyKind("composite key (Tag), sort label desc, limit 10 offset 20", () => prepareQuery(tagsOfBook.sort(Tag.label.desc()).limit(10, 20).node), patch(tag, { weight: 0.5 })),
];

const sorts: Case[] = [
  selecting("sort name asc (not null)", when(Author).sort(Author.name.asc())),
  selecting("sort name desc (not null)", when(Author).sort(Author.name.desc())),
  selecting("sort rating asc (nullable: NULLS FIRST)", when(Author).sort(Author.rating.asc())),
  selecting("sort rating desc (nullable: NULLS LAST)", when(Author).sort(Author.rating.desc())),
  selecting("sort nickname asc (nullable, StoreAs nick_name)", when(Author).sort(Author.nickname.asc())),
  selecting("sort id asc (the key)", when(Author).sort(Author.id.asc())),
  selecting("sort id desc (the key)", when(Author).sort(Author.id.desc())),
  selecting("sort rating desc, name asc, id asc", when(Author).sort(Author.rating.desc(), Author.name.asc(), Author.id.asc())),
  selecting("sort born desc, then sort followers asc (two sort calls)", when(Author).sort(Author.born.desc()).sort(Author.followers.asc())),
  selecting("a condition, sort rating desc, name asc, limit 10 offset 20", activeAuthors.sort(Author.rating.desc(), Author.name.asc()).limit(10, 20)),
  ...(["count", "update", "delete"] as const).map((kind): Case => ({
    title: `${kind} · a condition, sort rating desc, name asc, limit 10 offset 20`,
    build: (sql) => statementOf(kind, prepareQuery(activeAuthors.sort(Author.rating.desc(), Author.name.asc()).limit(10, 20).node), sql),
  })),
];

const operators: Case[] = [
  // string, not null
  selecting("string eq", when(Author.name.eq("Ada"))),
  selecting("string ne", when(Author.name.ne("Ada"))),
  selecting("string gt", when(Author.name.gt("M"))),
  selecting("string gte", when(Author.name.gte("M"))),
  selecting("string lt", when(Author.name.lt("M"))),
  selecting("string lte", when(Author.name.lte("M"))),
  selecting("string in", when(Author.name.in(["Ada", 'Grace "Amazing" Hopper', "a,b{c}", "NULL", "back\\slash"]))),
  selecting("string notIn", when(Author.name.notIn(["Ada", "Grace"]))),
  selecting("string in (empty list)", when(Author.name.in([]))),
  selecting("string notIn (empty list)", when(Author.name.notIn([]))),
  selecting("string contains", when(Author.name.contains("da"))),
  selecting("string contains (%, _ and \\ are literal)", when(Author.name.contains("50%_off\\"))),
  selecting("string contains (control characters, a quote)", when(Author.name.contains("it's\n\tindented"))),
  selecting("string startsWith", when(Author.name.startsWith("Ad"))),
  selecting("string startsWith (empty)", when(Author.name.startsWith(""))),
  selecting("string endsWith (non-ASCII)", when(Author.name.endsWith("çé😀"))),
  selecting("string like", when(Author.name.like("A%a_"))),
  selecting("string like (escaped wildcard, * and ? literal)", when(Author.name.like("100\\%*?[x]%"))),
  selecting("string ilike", when(Author.name.ilike("ada%ß_"))),
  selecting("string regex", when(Author.name.regex("^A[a-z]+(ce|a)\\d{1,3}$"))),
  selecting("string regex (dot, classes)", when(Author.name.regex("a.b\\w+\\s?[^x-z]"))),
  // string, nullable, StoreAs
  selecting("nullable string (StoreAs nick_name) eq", when(Author.nickname.eq("Countess"))),
  selecting("nullable string isNull", when(Author.nickname.isNull())),
  selecting("nullable string isNotNull", when(Author.nickname.isNotNull())),
  selecting("nullable string eq(null)", when(Author.nickname.eq(null))),
  selecting("nullable string ne(null)", when(Author.nickname.ne(null))),
  selecting("nullable string ne", when(Author.nickname.ne("Countess"))),
  selecting("nullable string contains", when(Author.nickname.contains("ount"))),
  // integer
  selecting("integer eq", when(Book.pages.eq(300))),
  selecting("integer ne", when(Book.pages.ne(300))),
  selecting("integer gt", when(Book.pages.gt(300))),
  selecting("integer gte", when(Book.pages.gte(300))),
  selecting("integer lt", when(Book.pages.lt(300))),
  selecting("integer lte", when(Book.pages.lte(300))),
  selecting("integer in", when(Book.pages.in([100, 200, -3]))),
  selecting("integer notIn", when(Book.pages.notIn([100, 200]))),
  selecting("nullable integer (reference, StoreAs writer) isNull", when(Book.authorId.isNull())),
  selecting("nullable integer eq(null)", when(Book.authorId.eq(null))),
  selecting("nullable integer ne(null)", when(Book.authorId.ne(null))),
  selecting("nullable integer eq", when(Book.authorId.eq(1))),
  // float
  selecting("float eq", when(Book.price.eq(9.99))),
  selecting("float eq (-0 keeps its sign)", when(Book.price.eq(-0))),
  selecting("float ne", when(Book.price.ne(9.99))),
  selecting("float gt", when(Book.price.gt(0.1))),
  selecting("float gte", when(Book.price.gte(0.1))),
  selecting("float lt", when(Book.price.lt(1e21))),
  selecting("float lte", when(Book.price.lte(1.5e-7))),
  selecting("float in", when(Book.price.in([1.5, -0, 2]))),
  selecting("float notIn", when(Book.price.notIn([1.5, 2]))),
  selecting("nullable float isNull", when(Author.rating.isNull())),
  selecting("nullable float isNotNull", when(Author.rating.isNotNull())),
  selecting("nullable float gte", when(Author.rating.gte(4.5))),
  // boolean
  selecting("boolean eq true", when(Author.active.eq(true))),
  selecting("boolean eq false", when(Author.active.eq(false))),
  selecting("boolean ne", when(Author.active.ne(true))),
  selecting("boolean in", when(Author.active.in([true, false]))),
  selecting("boolean notIn", when(Author.active.notIn([false]))),
  selecting("boolean gt", when(Author.active.gt(false))),
  selecting("nullable boolean eq", when(Book.inPrint.eq(true))),
  selecting("nullable boolean isNull", when(Book.inPrint.isNull())),
  selecting("nullable boolean eq(null)", when(Book.inPrint.eq(null))),
  selecting("nullable boolean ne(null)", when(Book.inPrint.ne(null))),
  // date
  selecting("date eq", when(Author.born.eq(born))),
  selecting("date ne", when(Author.born.ne(born))),
  selecting("date gt", when(Author.born.gt(born))),
  selecting("date gte", when(Author.born.gte(born))),
  selecting("date lt", when(Author.born.lt(born))),
  selecting("date lte", when(Author.born.lte(born))),
  selecting("date in", when(Author.born.in([born, published, new Date(-62198755200000)]))),
  selecting("date notIn", when(Author.born.notIn([born]))),
  selecting("nullable date isNull", when(Book.published.isNull())),
  selecting("nullable date isNotNull", when(Book.published.isNotNull())),
  selecting("nullable date lt", when(Book.published.lt(published))),
  // bigint
  selecting("bigint eq", when(Author.followers.eq(9007199254740993n))),
  selecting("bigint ne", when(Author.followers.ne(0n))),
  selecting("bigint gt", when(Author.followers.gt(-9223372036854775808n))),
  selecting("bigint gte", when(Author.followers.gte(1n))),
  selecting("bigint lt", when(Author.followers.lt(9223372036854775807n))),
  selecting("bigint lte", when(Author.followers.lte(10n))),
  selecting("bigint in", when(Author.followers.in([1n, 9007199254740993n, -3n]))),
  selecting("bigint notIn", when(Author.followers.notIn([0n]))),
  selecting("nullable bigint isNull", when(Book.isbn.isNull())),
  selecting("nullable bigint ne(null)", when(Book.isbn.ne(null))),
  selecting("nullable bigint eq", when(Book.isbn.eq(9780262510875n))),
];

const logic: Case[] = [
  selecting("and: when(a, b)", when(Author.active.eq(true), Author.name.eq("Ada"))),
  selecting("and: when(a).and(b, c)", when(Author.active.eq(true)).and(Author.name.eq("Ada"), Author.rating.gt(4))),
  selecting("or: when(a).or(b)", when(Author.active.eq(true)).or(Author.name.eq("Ada"))),
  selecting("or: when(a).or(b, c) (b and c together)", when(Author.active.eq(true)).or(Author.name.eq("Ada"), Author.rating.gt(4))),
  selecting("or: when(a).or(b).or(c)", when(Author.active.eq(true)).or(Author.name.eq("Ada")).or(Author.rating.gt(4))),
  selecting("and of or: when(a).or(b).and(c)", when(Author.active.eq(true)).or(Author.name.eq("Ada")).and(Author.rating.gt(4))),
  selecting("not(a)", when(not(Author.name.eq("Ada")))),
  selecting("not(a or b)", when(not(when(Author.name.eq("Ada")).or(Author.nickname.isNull())))),
  selecting("not(not(a))", when(not(not(Author.name.eq("Ada"))))),
  selecting("a and not(b and c)", when(Author.active.eq(true), not(when(Author.name.eq("Ada"), Author.rating.lt(2))))),
  selecting(
    "nested: (a or (b and not(c))) and (d or e)",
    when(when(Author.active.eq(true)).or(Author.name.startsWith("A"), not(Author.rating.isNull()))).and(when(Author.followers.gt(10n)).or(Author.born.lt(born))),
  ),
  selecting("the same field twice (two parameters)", when(Author.rating.gte(1), Author.rating.lte(5))),
  { title: "count · not(a or b)", build: (sql) => sql.count(prepareQuery(when(not(when(Author.name.eq("Ada")).or(Author.nickname.isNull()))).node)) },
  { title: "update · not(a), limit 3", build: (sql) => sql.update(prepareQuery(when(not(Author.active.eq(true))).limit(3).node), renameAuthor) },
  { title: "delete · not(a or b)", build: (sql) => sql.delete(prepareQuery(when(not(when(Author.name.eq("Ada")).or(Author.nickname.isNull()))).node)) },
];

const crossModel: Case[] = [
  selecting("one hop forward: books whose author matches (through StoreAs writer)", when(Book, Author.name.eq("Ada"))),
  selecting("one hop backward: authors with a matching book", when(Author, Book.pages.gt(300))),
  selecting("two hops forward: chapters whose book's author matches", when(Chapter, Author.name.eq("Ada"))),
  selecting("two hops backward: authors with a book with a matching chapter", when(Author, Chapter.words.gte(1000))),
  selecting("two hops, composite-key model: tags whose book's author matches", when(Tag, Author.active.eq(true))),
  selecting("one hop backward to a composite-key model: books with a matching tag", when(Book, Tag.label.eq("sci-fi"))),
  selecting("own and related conditions", when(Book.price.lt(10), Author.name.startsWith("A"))),
  selecting("two conditions on the same related model", when(Book, Author.name.eq("Ada"), Author.active.eq(true))),
  selecting("or across models", when(Book.price.lt(10)).or(Author.active.eq(false))),
  selecting("not(related)", when(Book, not(Author.active.eq(true)))),
  selecting("related in list (bigint)", when(Book, Author.followers.in([1n, 2n]))),
  selecting("related isNull (StoreAs nick_name)", when(Book, Author.nickname.isNull())),
  selecting("related, sort and limit", when(Book, Author.name.eq("Ada")).sort(Book.title.asc()).limit(10, 20)),
  { title: "count · one hop forward", build: (sql) => sql.count(prepareQuery(when(Book, Author.name.eq("Ada")).node)) },
  { title: "count · two hops backward, limit 10", build: (sql) => sql.count(prepareQuery(when(Author, Chapter.words.gte(1000)).limit(10).node)) },
  {
    title: "update · one hop forward, sort price desc, limit 10 (aliases r1, r2)",
    build: (sql) => sql.update(prepareQuery(when(Book, Author.name.eq("Ada")).sort(Book.price.desc()).limit(10).node), patch(book, { inPrint: false })),
  },
  { title: "delete · two hops forward", build: (sql) => sql.delete(prepareQuery(when(Chapter, Author.name.eq("Ada")).node)) },
  { title: "delete · two hops forward, limit 10 offset 20", build: (sql) => sql.delete(prepareQuery(when(Chapter, Author.name.eq("Ada")).limit(10, 20).node)) },
  { title: "delete · composite key, related, limit 5", build: (sql) => sql.delete(prepareQuery(when(Tag, Author.active.eq(false)).limit(5).node)) },
];

const authorOne = () => prepareQuery(when(Author.id.eq(1)).node);
const updates: Case[] = [
  { title: "set string", build: (sql) => sql.update(authorOne(), patch(author, { name: "Ada" })) },
  { title: "set nullable string (StoreAs nick_name) to null", build: (sql) => sql.update(authorOne(), patch(author, { nickname: null })) },
  { title: "set StoreAs email_address", build: (sql) => sql.update(authorOne(), patch(author, { email: "ada@example.com" })) },
  { title: "set date", build: (sql) => sql.update(authorOne(), patch(author, { born })) },
  { title: "set boolean", build: (sql) => sql.update(authorOne(), patch(author, { active: false })) },
  { title: "set float -0", build: (sql) => sql.update(authorOne(), patch(author, { rating: -0 })) },
  { title: "set bigint", build: (sql) => sql.update(authorOne(), patch(author, { followers: 9007199254740993n })) },
  { title: "set integer (reference, StoreAs writer)", build: (sql) => sql.update(prepareQuery(when(Book.id.eq(2)).node), patch(book, { authorId: 1 })) },
  {
    title: "set several fields, a condition on several types, limit 10",
    build: (sql) =>
      sql.update(
        prepareQuery(when(Author.born.lt(born), Author.followers.gte(5n), Author.active.eq(true)).limit(10).node),
        patch(author, { nickname: "Countess", rating: 4.5, active: false, born: published }),
      ),
  },
];

const authorRows: StoredRow[] = [
  { name: "Ada", nickname: "Countess", email: "ada@example.com", born, active: true, rating: 4.5, followers: 9007199254740993n },
  { id: 7, name: 'Grace "Amazing" {Hopper}, NULL\\', nickname: null, email: "grace@example.com", born: published, active: false, rating: -0, followers: 0n },
];
const inserts: Case[] = [
  { title: "Author: generated key, one row leaves it out, one gives it", build: (sql) => sql.insert(author, authorRows) },
  {
    title: "Book: generated key, reference (StoreAs writer), nulls",
    build: (sql) => sql.insert(book, [{ title: "Notes", authorId: 1, pages: 40, price: 9.99, published, inPrint: true, isbn: 9780262510875n }, { title: "Draft", authorId: null, pages: 0, price: 0, published: null, inPrint: null, isbn: null }]),
  },
  { title: "Chapter: one row", build: (sql) => sql.insert(chapter, [{ bookId: 1, heading: "On the Engine", words: 1200 }]) },
  { title: "Tag: composite key, no generated key; a missing optional field", build: (sql) => sql.insert(tag, [{ bookId: 1, label: "math", weight: 0.5 }, { bookId: 1, label: "history" }]) },
];

const ddl: Case[] = [
  ...[author, book, chapter, tag].map((meta): Case => ({ title: `createTable ${meta.name}`, build: (sql) => sql.createTable(meta) })),
  { title: "completeTable Author (every column there: only its indexes)", build: (sql) => sql.completeTable(author, () => true) },
  { title: "completeTable Book (every column there, no index: nothing to run)", build: (sql) => sql.completeTable(book, () => true) },
  { title: "completeTable Author (only id there: every other column, then indexes)", build: (sql) => sql.completeTable(author, (column) => column === "id") },
  { title: "addColumn non-null string (added columns allow NULL)", build: (sql) => sql.addColumn(field(author, "name")) },
  { title: "addColumn StoreAs email_address", build: (sql) => sql.addColumn(field(author, "email")) },
  { title: "addColumn float", build: (sql) => sql.addColumn(field(author, "rating")) },
  { title: "addColumn boolean", build: (sql) => sql.addColumn(field(author, "active")) },
  { title: "addColumn date", build: (sql) => sql.addColumn(field(author, "born")) },
  { title: "addColumn bigint", build: (sql) => sql.addColumn(field(author, "followers")) },
  { title: "addColumn reference (StoreAs writer)", build: (sql) => sql.addColumn(field(book, "authorId")) },
  { title: "createIndex Unique (StoreAs email_address)", build: (sql) => sql.createIndex(field(author, "email")) },
  { title: "createIndex Index", build: (sql) => sql.createIndex(field(author, "followers")) },
  ...[tag, chapter, book, author].map((meta): Case => ({ title: `dropTable ${meta.name}`, build: (sql) => sql.dropTable(meta) })),
];

// Structured fields (issue 10): one model of every structured type and binary data, in a
// collection of its own so that the cases above keep their models' reference paths.
const structuredCollection = new ModelCollection();
const Customer = model(
  z.object({
    id: z.number().int().optional(),
    profile: z.object({ city: z.string(), tier: z.string().optional() }).nullable(),
  }),
  { name: "Customer", collection: structuredCollection, fields: { id: [Key, Auto], "profile.city": Index } },
);
const Order = model(
  z.object({
    id: z.number().int().optional(),
    customerId: z.number().int().nullable(),
    shipping: z.object({
      city: z.string(),
      "it's \\ \"quoted\"": z.string().optional(),
      express: z.boolean(),
      due: z.date(),
      weight: z.number(),
      items: z.number().int(),
      cost: z.bigint(),
      geo: z.object({ lat: z.number(), lng: z.number() }).nullable(),
      notes: z.array(z.string()),
    }).nullable(),
    tags: z.array(z.string()).nullable(),
    lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), codes: z.array(z.bigint()) })),
    attributes: z.record(z.string(), z.string()),
    extra: z.unknown(),
    receipt: z.instanceof(Uint8Array).nullable(),
    history: z.array(z.unknown()),
  }),
  {
    name: "Order",
    collection: structuredCollection,
    fields: { id: [Key, Auto], customerId: ReferenceTo(Customer.id), tags: Index, lines: Index, receipt: Unique, "shipping.city": Index, "shipping.cost": Unique },
  },
);
const order = metaOf(Order);
const due = new Date("2030-06-01T12:00:00.000Z");

const structured: Case[] = [
  // A scalar inside a field: compared, listed, matched and tested for null as a column of its type.
  selecting("path string eq", when(Order.shipping.city.eq("Paris"))),
  selecting("path string ne", when(Order.shipping.city.ne("Paris"))),
  selecting("path string gt", when(Order.shipping.city.gt("M"))),
  selecting("path string in", when(Order.shipping.city.in(["Paris", "Lyon"]))),
  selecting("path string notIn", when(Order.shipping.city.notIn(["Paris"]))),
  selecting("path string contains", when(Order.shipping.city.contains("ar"))),
  selecting("path string like", when(Order.shipping.city.like("P%s"))),
  selecting("path string regex", when(Order.shipping.city.regex("^P"))),
  selecting("path string isNull", when(Order.shipping.city.isNull())),
  selecting("path string isNotNull", when(Order.shipping.city.isNotNull())),
  selecting("path key with quotes and a backslash", when(Order.shipping.nested("it's \\ \"quoted\"").eq("x"))),
  selecting("path boolean eq", when(Order.shipping.express.eq(true))),
  selecting("path date gte", when(Order.shipping.due.gte(due))),
  selecting("path date in", when(Order.shipping.due.in([due, born]))),
  selecting("path float lt (-0)", when(Order.shipping.weight.lt(-0))),
  selecting("path float in", when(Order.shipping.weight.in([1.5, -0]))),
  selecting("path integer eq", when(Order.shipping.items.eq(3))),
  selecting("path bigint eq", when(Order.shipping.cost.eq(9007199254740993n))),
  selecting("path bigint in", when(Order.shipping.cost.in([1n, 9007199254740993n]))),
  selecting("path three levels deep", when(Order.shipping.geo.lat.gt(48))),
  selecting("not(path eq)", when(not(Order.shipping.city.eq("Paris")))),
  // Whole values, equal as stored.
  selecting("whole object eq", when(Order.shipping.geo.eq({ lat: 48.85, lng: -0 }))),
  selecting("whole object ne (top level)", when(Order.attributes.ne({ b: "1", a: "2" }))),
  selecting("whole object isNull (path)", when(Order.shipping.geo.isNull())),
  selecting("whole JSON value eq", when(Order.extra.eq({ kind: "gift", list: [1, -0] }))),
  selecting("whole array eq", when(Order.tags.eq(["a", "b"]))),
  selecting("binary eq", when(Order.receipt.eq(Buffer.from([0, 1, 255])))),
  selecting("binary ne", when(Order.receipt.ne(new Uint8Array([7])))),
  // Arrays.
  selecting("has (indexed array of strings)", when(Order.tags.has("gift"))),
  selecting("hasAny (indexed array of strings)", when(Order.tags.hasAny(["gift", "rush"]))),
  selecting("hasAll (indexed array of strings)", when(Order.tags.hasAll(["gift", "rush"]))),
  selecting("isEmpty (top level)", when(Order.tags.isEmpty())),
  selecting("length gte (top level)", when(Order.tags.length.gte(2))),
  selecting("length in (top level)", when(Order.tags.length.in([1, 2]))),
  selecting("not(has)", when(not(Order.tags.has("gift")))),
  selecting("has (an array inside an object)", when(Order.shipping.notes.has("fragile"))),
  selecting("hasAll (an array inside an object)", when(Order.shipping.notes.hasAll(["fragile"]))),
  selecting("isEmpty (an array inside an object)", when(Order.shipping.notes.isEmpty())),
  selecting("length lt (an array inside an object)", when(Order.shipping.notes.length.lt(3))),
  selecting("has an object item (indexed)", when(Order.lines.has({ sku: "A-1", qty: 2, codes: [1n] }))),
  selecting("hasAny object items", when(Order.lines.hasAny([{ sku: "A-1", qty: 2, codes: [] }]))),
  selecting("hasAll object items (indexed)", when(Order.lines.hasAll([{ sku: "A-1", qty: 2, codes: [] }]))),
  selecting("has a JSON item", when(Order.history.has({ at: 1 }))),
  selecting("some: two conditions on the item", when(Order.lines.some((line) => when(line.sku.startsWith("A"), line.qty.gt(1))))),
  selecting("some: an item's array has", when(Order.lines.some((line) => line.codes.has(9007199254740993n)))),
  selecting("some inside some", when(Order.lines.some((line) => line.codes.some((code) => code.gt(5n))))),
  selecting("some: the item eq an object", when(Order.lines.some((line) => line.eq({ sku: "A-1", qty: 2, codes: [] })))),
  selecting("some: string items", when(Order.tags.some((tag) => tag.in(["a", "b"])))),
  selecting("some: an array inside an object", when(Order.shipping.notes.some((note) => note.contains("glass")))),
  selecting("not(some)", when(not(Order.lines.some((line) => line.qty.eq(0))))),
  // Sorts.
  selecting("sort by a path asc (NULLS FIRST)", when(Order).sort(Order.shipping.city.asc())),
  selecting("sort by a path desc (NULLS LAST), then the key", when(Order).sort(Order.shipping.due.desc(), Order.id.asc())),
  selecting("sort by a bigint path", when(Order).sort(Order.shipping.cost.asc())),
  // Other models.
  selecting("related: a path on the referenced model", when(Order, Customer.profile.city.eq("Paris"))),
  selecting("related: has and some from the referencing model", when(Customer, Order.tags.has("gift"), Order.lines.some((line) => line.qty.gt(1)))),
  { title: "count · has", build: (sql) => sql.count(prepareQuery(when(Order.tags.has("gift")).node)) },
  { title: "update · some, limit 10", build: (sql) => sql.update(prepareQuery(when(Order.lines.some((line) => line.qty.eq(0))).limit(10).node), patch(order, { tags: ["empty"] })) },
  { title: "delete · path eq", build: (sql) => sql.delete(prepareQuery(when(Order.shipping.city.eq("Paris")).node)) },
];

const structuredRows: StoredRow[] = [
  {
    customerId: 1,
    shipping: { city: "Paris", express: true, due, weight: -0, items: 3, cost: 9007199254740993n, geo: { lat: 48.85, lng: 2.35 }, notes: ["fragile", "😀"] },
    tags: ["gift", 'say "hi"'],
    lines: [{ sku: "A-1", qty: 2, codes: [1n, 2n ** 64n] }],
    attributes: { b: "1", a: "2" },
    extra: { kind: "gift", list: [1, -0], nested: { "": null } },
    receipt: Buffer.from([0, 1, 255]),
    history: [{ at: 1 }, "text", null],
  },
  { id: 9, customerId: null, shipping: null, tags: null, lines: [], attributes: {}, extra: null, receipt: null, history: [] },
];

const structuredWrites: Case[] = [
  { title: "insert Order: structured values and binary data", build: (sql) => sql.insert(order, structuredRows) },
  { title: "update: set a whole object, an array, a record, a JSON value and binary data", build: (sql) => sql.update(prepareQuery(when(Order.id.eq(1)).node), patch(order, { shipping: structuredRows[0]?.shipping, tags: ["a"], attributes: { z: "1", a: "" }, extra: [-0, "x"], receipt: new Uint8Array([9, 8]) })) },
  { title: "update: set structured values to null", build: (sql) => sql.update(prepareQuery(when(Order.id.eq(1)).node), patch(order, { shipping: null, receipt: null, extra: null })) },
  { title: "createTable Order", build: (sql) => sql.createTable(order) },
  { title: "createTable Customer", build: (sql) => sql.createTable(metaOf(Customer)) },
  { title: "completeTable Order (every column there: its indexes, then those on paths)", build: (sql) => sql.completeTable(order, () => true) },
  { title: "completeTable Customer (only id there)", build: (sql) => sql.completeTable(metaOf(Customer), (column) => column === "id") },
  { title: "addColumn object", build: (sql) => sql.addColumn(field(order, "shipping")) },
  { title: "addColumn binary", build: (sql) => sql.addColumn(field(order, "receipt")) },
  { title: "createIndex Unique binary", build: (sql) => sql.createIndex(field(order, "receipt")) },
];

const GROUPS: Readonly<Record<string, readonly Case[]>> = { shapes, sorts, operators, logic, "cross-model": crossModel, updates, inserts, ddl, structured, "structured-writes": structuredWrites };

/**
 * Text as SQL writes a literal, so that patterns and list literals read as they are sent
 * (backslashes and double quotes unescaped): `'` is doubled, control characters shown as ⟨U+0000⟩.
 */
function showText(text: string): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
  return `'${visible.replaceAll("'", "''")}'`;
}

/** A parameter as a reviewer reads it: its JavaScript type shows (text quoted, bigint `n`, Date, bytes). */
function showParam(value: unknown): string {
  if (typeof value === "string") return showText(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (Buffer.isBuffer(value)) return `bytes x'${value.toString("hex")}' (UTF-8 of ${showText(value.toString("utf8"))})`;
  return inspect(value);
}

/** The group's cases as one text: each case's title, statement and parameters, as a SQL file. */
function render(dialect: DialectName, group: string, cases: readonly Case[]): string {
  const sql = compiledSql(dialect);
  const marker = dialect === "postgres" ? "$" : "?";
  const lines = [`-- Compiled ${dialect} SQL: ${group}. Written by test/drivers/compiled-sql.test.ts; review every change.`];
  for (const { title, build } of cases) {
    const built = build(sql);
    const statements = Array.isArray(built) ? built : [built];
    lines.push("", `-- ## ${title}`);
    if (statements.length === 0) lines.push("-- (no statement)");
    statements.forEach((statement, index) => {
      if (index > 0 && statement.text === statements[index - 1]?.text) lines.push("-- (the same statement again)");
      else lines.push(`${statement.text};`);
      statement.params.forEach((param, position) => lines.push(`--   ${marker}${position + 1} = ${showParam(param)}`));
    });
  }
  return `${lines.join("\n")}\n`;
}

describe.each(["sqlite", "postgres"] as const)("compiled SQL for %s", (dialect) => {
  it.each(Object.keys(GROUPS))("%s", async (group) => {
    await expect(render(dialect, group, GROUPS[group] ?? [])).toMatchFileSnapshot(`./__snapshots__/compiled-sql/${dialect}/${group}.sql`);
  });
});
