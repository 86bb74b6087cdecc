import { IsInt, IsOptional, IsString } from "class-validator";
import { Type } from "typebox";
import * as v from "valibot";
import { describe, expectTypeOf, test } from "vitest";
import { z } from "zod";
import {
  Auto,
  Index,
  Key,
  ModelCollection,
  ReferenceTo,
  StoreAs,
  Unique,
  model,
  relations,
  when,
  type InputOf,
  type Marker,
  type ModelHandle,
  type ModelOptions,
  type Ommi,
  type RowOf,
} from "ommi";

// A row that comes from the database has its key: the schema's output type leaves a generated key
// optional (an insert leaves it out), the row type makes it present. What `add` takes is unchanged.

declare const db: Ommi;
const collection = new ModelCollection();

/** A row of `model` as `find` reads it back. */
const readOne = <R, I>(handle: ModelHandle<R, I>): Promise<R> => db.find(handle).one().value;

describe("Zod", () => {
  const schema = z.object({ id: z.number().int().optional(), name: z.string(), nick: z.string().optional() });
  const User = model(schema, { name: "User", collection });

  test("without Key, the field named id is the key: present in rows, optional in inputs", () => {
    expectTypeOf<RowOf<typeof User>>().toEqualTypeOf<{ id: number; name: string; nick?: string | undefined }>();
    expectTypeOf<InputOf<typeof User>>().toEqualTypeOf<z.input<typeof schema>>();
    void db.add(User, { name: "a" });
    void db.add(User, { id: 7, name: "a" });
  });

  test("every way a row comes out has its key", async () => {
    const [alice] = await db.add(User, { name: "Alice" }).value;
    if (alice) expectTypeOf(alice.id).toEqualTypeOf<number>();
    expectTypeOf((await db.find(User).one().value).id).toEqualTypeOf<number>();
    expectTypeOf(db.find(User.name.eq("a")).all().value).resolves.items.toHaveProperty("id").toEqualTypeOf<number>();
    for await (const row of db.find(when(User).sort(User.name.asc()))) expectTypeOf(row.id).toEqualTypeOf<number>();
    for await (const row of db.find(User).iterate({ batchSize: 10 })) expectTypeOf(row.id).toEqualTypeOf<number>();
    await db.transaction(async (tx) => {
      const [bob] = await tx.add(User, { name: "Bob" }).value;
      if (bob) expectTypeOf(bob.id).toEqualTypeOf<number>();
      expectTypeOf((await tx.find(User).one().value).id).toEqualTypeOf<number>();
    });
  });

  test("a stored key finds its row: the README's User.id.eq(alice.id)", async () => {
    const [alice] = await db.add(User, { name: "Alice" }).value;
    if (!alice) return;
    void db.find(User.id.eq(alice.id)).update({ name: "Alicia" });
    void db.find(User.id.in([alice.id])).delete();
    // @ts-expect-error a key is compared with a value, never undefined
    void User.id.eq(undefined);
    // @ts-expect-error fields the database does not fill in stay as the schema says
    const nick: string = alice.nick;
    void nick;
  });

  test("a key not named id, marked [Key, Auto], and a field named id that is then no key", () => {
    const Coded = model(z.object({ code: z.int().optional(), id: z.string().optional(), label: z.string() }), {
      name: "Coded",
      collection,
      fields: { code: [Key, Auto] },
    });
    expectTypeOf(readOne(Coded)).resolves.toEqualTypeOf<{ code: number; id?: string | undefined; label: string }>();
    expectTypeOf<InputOf<typeof Coded>>().toEqualTypeOf<{ code?: number | undefined; id?: string | undefined; label: string }>();
  });

  test("a single marker or an array of them, with other markers beside", () => {
    const Single = model(z.object({ ref: z.uuid().optional(), n: z.int() }), { name: "Single", collection, fields: { ref: Key, n: Index } });
    expectTypeOf(readOne(Single)).resolves.toHaveProperty("ref").toEqualTypeOf<string>();
    const Mixed = model(z.object({ ref: z.uuid().optional(), n: z.int() }), { name: "Mixed", collection, fields: { ref: [Unique, Auto, Key], n: [Index] } });
    expectTypeOf(readOne(Mixed)).resolves.toHaveProperty("ref").toEqualTypeOf<string>();
  });

  test("StoreAs on a key changes its column, not its type", () => {
    const Marked = model(schema, { name: "MarkedStoreAs", collection, fields: { id: [Key, Auto, StoreAs("user_id")] } });
    const Implicit = model(schema, { name: "ImplicitStoreAs", collection, fields: { id: StoreAs("user_id") } });
    expectTypeOf(readOne(Marked)).resolves.toEqualTypeOf<RowOf<typeof User>>();
    expectTypeOf(readOne(Implicit)).resolves.toEqualTypeOf<RowOf<typeof User>>();
  });

  test("a composite key: every field marked Key is present", () => {
    const Line = model(z.object({ order: z.int(), sku: z.string().optional(), tag: z.uuid().optional(), qty: z.int() }), {
      name: "Line",
      collection,
      fields: { order: Key, sku: Key, tag: [Key, Auto] },
    });
    expectTypeOf(readOne(Line)).resolves.toEqualTypeOf<{ order: number; sku: string; tag: string; qty: number }>();
    expectTypeOf<InputOf<typeof Line>>().toEqualTypeOf<{ order: number; sku?: string | undefined; tag?: string | undefined; qty: number }>();
  });

  test("a key that is already required, or no key-like field at all, leaves the row as the schema says", () => {
    const Country = model(z.object({ code: z.string(), name: z.string() }), { name: "Country", collection, fields: { code: Key } });
    expectTypeOf(readOne(Country)).resolves.toEqualTypeOf<{ code: string; name: string }>();
    // No Key and no field named id: model() refuses it at run time (ModelError "has no key"); the type says nothing more.
    const Keyless = model(z.object({ name: z.string(), note: z.string().optional() }), { name: "Keyless", collection });
    expectTypeOf(readOne(Keyless)).resolves.toEqualTypeOf<{ name: string; note?: string | undefined }>();
  });

  test("a key is never null in a stored row, even where the schema allows it", () => {
    // model() refuses a nullable key at run time ("is a key and cannot be nullable"): no stored row can hold one.
    const Nullable = model(z.object({ id: z.number().int().nullable().optional(), name: z.string() }), { name: "NullableKey", collection });
    expectTypeOf(readOne(Nullable)).resolves.toHaveProperty("id").toEqualTypeOf<number>();
    expectTypeOf<InputOf<typeof Nullable>["id"]>().toEqualTypeOf<number | null | undefined>();
  });

  test("markers whose kinds the types cannot tell leave the row as the schema says", () => {
    // Typed `Marker`, any of them could be a Key: the types cannot say which field the key is.
    const wide: Marker = Key;
    const Opaque = model(schema, { name: "Opaque", collection, fields: { name: wide } });
    expectTypeOf(readOne(Opaque)).resolves.toEqualTypeOf<z.output<typeof schema>>();
    const options: ModelOptions<z.output<typeof schema>> = { fields: { id: [Key, Auto] } };
    const Declared = model(schema, { ...options, name: "Declared", collection });
    expectTypeOf(readOne(Declared)).resolves.toEqualTypeOf<z.output<typeof schema>>();
  });

  test("update() patches keep every field optional; the key takes a value, not null", () => {
    void db.find(User.name.eq("a")).update({ name: "b" });
    void db.find(User.name.eq("a")).update({ id: 2 });
    // @ts-expect-error a key is never null
    void db.find(User.name.eq("a")).update({ id: null });
  });

  test("options are still checked for unknown names", () => {
    // @ts-expect-error naem is not a field
    void model(schema, { name: "Typo1", collection, fields: { naem: Key } });
    // @ts-expect-error colection is not an option
    void model(schema, { name: "Typo2", colection: collection });
    // @ts-expect-error a field takes markers
    void model(schema, { name: "Typo3", collection, fields: { id: "key" } });
  });
});

describe("Valibot", () => {
  const schema = v.object({ id: v.optional(v.pipe(v.number(), v.integer())), title: v.string() });

  test("the implicit id and [Key, Auto] are present in rows", () => {
    const Implicit = model(schema, { name: "VImplicit", collection });
    const Marked = model(schema, { name: "VMarked", collection, fields: { id: [Key, Auto] } });
    expectTypeOf(readOne(Implicit)).resolves.toEqualTypeOf<{ id: number; title: string }>();
    expectTypeOf(readOne(Marked)).resolves.toEqualTypeOf<{ id: number; title: string }>();
    expectTypeOf<InputOf<typeof Marked>>().toEqualTypeOf<v.InferInput<typeof schema>>();
  });

  test("a composite key", () => {
    const Pair = model(v.object({ a: v.string(), b: v.optional(v.string()), n: v.number() }), { name: "VPair", collection, fields: { a: Key, b: [Key, Auto] } });
    expectTypeOf(readOne(Pair)).resolves.toEqualTypeOf<{ a: string; b: string; n: number }>();
  });
});

describe("TypeBox", () => {
  const schema = Type.Object({ id: Type.Optional(Type.Integer()), title: Type.String(), seats: Type.Union([Type.Integer(), Type.Null()]) });

  test("the implicit id and [Key, Auto] are present in rows", () => {
    const Implicit = model(schema, { name: "TImplicit", collection });
    const Marked = model(schema, { name: "TMarked", collection, fields: { id: [Key, Auto, StoreAs("event_id")] } });
    expectTypeOf(readOne(Implicit)).resolves.toEqualTypeOf<{ id: number; title: string; seats: number | null }>();
    expectTypeOf(readOne(Marked)).resolves.toEqualTypeOf<{ id: number; title: string; seats: number | null }>();
    void db.add(Marked, { title: "Intro", seats: null });
  });

  test("a composite key", () => {
    const Pair = model(Type.Object({ a: Type.String(), b: Type.Optional(Type.String()) }), { name: "TPair", collection, fields: { a: Key, b: [Key, Auto] } });
    expectTypeOf(readOne(Pair)).resolves.toEqualTypeOf<{ a: string; b: string }>();
  });
});

describe("class-validator", () => {
  class Person {
    @IsOptional() @IsInt() id?: number;
    @IsString() name!: string;
    @IsOptional() @IsString() nick?: string;
  }
  class Badge {
    @IsOptional() @IsString() code?: string;
    @IsString() label!: string;
  }

  test("the implicit id is present; rows stay instances of the class", () => {
    const People = model(Person, { collection });
    expectTypeOf(readOne(People)).resolves.toEqualTypeOf<Person & { id: number }>();
    expectTypeOf(readOne(People)).resolves.toExtend<Person>();
    expectTypeOf(readOne(People)).resolves.toHaveProperty("nick").toEqualTypeOf<string | undefined>();
    expectTypeOf<InputOf<typeof People>>().toEqualTypeOf<{ id?: number; name: string; nick?: string } | Person>();
  });

  test("a key marked in options.fields is present", () => {
    const Badges = model(Badge, { collection, fields: { code: [Key, Auto] } });
    expectTypeOf<RowOf<typeof Badges>>().toEqualTypeOf<Badge & { code: string }>();
    const [badge] = [] as RowOf<typeof Badges>[];
    if (badge) void Badges.code.eq(badge.code);
  });

  test("a key marked only by decorators is invisible to types: it stays as declared", () => {
    class Ticket {
      @Key() @Auto() @IsOptional() @IsString() serial?: string;
      @IsString() seat!: string;
    }
    const Tickets = model(Ticket, { collection });
    expectTypeOf(readOne(Tickets)).resolves.toEqualTypeOf<Ticket>();
  });
});

describe("relations", () => {
  const Author = model(z.object({ id: z.int().optional(), name: z.string() }), { name: "RAuthor", collection });
  const Book = model(z.object({ id: z.int().optional(), title: z.string(), authorId: z.int() }), {
    name: "RBook",
    collection,
    fields: { authorId: ReferenceTo(Author.id) },
  });
  const related = relations({ Author, Book }, ({ one, many }) => ({
    Author: { books: many(Book) },
    Book: { author: one(Author, { by: Book.authorId }) },
  }));

  test("lazy and included relations give rows with their keys", async () => {
    const book = await db.find(related.Book.title.eq("x")).one().value;
    expectTypeOf(book.id).toEqualTypeOf<number>();
    expectTypeOf((await book.author).id).toEqualTypeOf<number>();
    const [first] = await (await book.author).books;
    if (first) expectTypeOf(first.id).toEqualTypeOf<number>();
    const [withAuthor] = await db.find(related.Book).include({ author: true }).all().value;
    if (withAuthor) expectTypeOf(withAuthor.author.id).toEqualTypeOf<number>();
    const [withBooks] = await db.find(related.Author).include({ books: true }).all().value;
    if (withBooks) expectTypeOf(withBooks.books).items.toHaveProperty("id").toEqualTypeOf<number>();
    void db.find(related.Book.authorId.eq((await book.author).id));
  });
});
