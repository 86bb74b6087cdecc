import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { increment, ModelCollection, model, Unique, type IncrementNode, type Ommi } from "ommi";

declare const db: Ommi;

const collection = new ModelCollection();
const Member = model(
  z.object({
    id: z.number().int().optional(),
    email: z.string(),
    name: z.string(),
    visits: z.number().int(),
    score: z.number().nullable(),
    balance: z.bigint(),
    level: z.union([z.literal(1), z.literal(2)]),
    joined: z.date(),
  }),
  { name: "Member", collection, fields: { email: Unique } },
);
const Other = model(z.object({ id: z.number().int(), title: z.string() }), { name: "Other", collection });
type Row = { id: number; email: string; name: string; visits: number; score: number | null; balance: bigint; level: 1 | 2; joined: Date };
const input = { email: "a@example.com", name: "A", visits: 0, score: null, balance: 0n, level: 1 as const, joined: new Date() };

test("increment() is typed by its amount", () => {
  expectTypeOf(increment(1)).toEqualTypeOf<IncrementNode<number>>();
  expectTypeOf(increment(1n)).toEqualTypeOf<IncrementNode<bigint>>();
  // @ts-expect-error a string is no amount
  increment("1");
});

test("update() takes increments on number and bigint fields, each of its own kind, beside values", () => {
  void db.find(Member).update({ visits: increment(1) });
  void db.find(Member).update({ visits: increment(-1), score: increment(0.5), balance: increment(10n), name: "b" });
  void db.find(Member).update({ visits: 3 });
});

test("update() refuses increments on other fields, of the other kind, or on a field of literal numbers", () => {
  // @ts-expect-error a string field takes no increment
  void db.find(Member).update({ name: increment(1) });
  // @ts-expect-error a date field takes no increment
  void db.find(Member).update({ joined: increment(1) });
  // @ts-expect-error a bigint field takes a bigint increment
  void db.find(Member).update({ balance: increment(1) });
  // @ts-expect-error a number field takes a number increment
  void db.find(Member).update({ visits: increment(1n) });
  // @ts-expect-error no sum stays among literal values
  void db.find(Member).update({ level: increment(1) });
});

test("update() gives a number, or the rows with returning: true", () => {
  expectTypeOf(db.find(Member).update({ visits: increment(1) }).value).resolves.toEqualTypeOf<number>();
  expectTypeOf(db.find(Member).update({ name: "b" }, { returning: false }).value).resolves.toEqualTypeOf<number>();
  expectTypeOf(db.find(Member).update({ name: "b" }, { returning: true }).value).resolves.toEqualTypeOf<Row[]>();
  const returning = Math.random() > 0.5;
  expectTypeOf(db.find(Member).update({ name: "b" }, { returning }).value).resolves.toEqualTypeOf<number | Row[]>();
});

test("upsert() takes one row or several of the model's input, and gives stored rows", () => {
  expectTypeOf(db.upsert(Member, input, { update: "all" }).value).resolves.toEqualTypeOf<Row[]>();
  expectTypeOf(db.upsert(Member, [input, { ...input, id: 7 }], { on: Member.email, update: ["name", "visits"] }).value).resolves.toEqualTypeOf<Row[]>();
  void db.upsert(Member, input, { on: [Member.id], update: "none" });
  // @ts-expect-error visits must be a number
  void db.upsert(Member, { ...input, visits: "1" }, { update: "all" });
});

test("upsert() refuses fields of another model in on, and names that are no field in update", () => {
  // @ts-expect-error Other.title is a field of another model
  void db.upsert(Member, input, { on: Other.title, update: "all" });
  // @ts-expect-error nickname is no field of Member
  void db.upsert(Member, input, { update: ["nickname"] });
  // @ts-expect-error update says what a match sets: it is required
  void db.upsert(Member, input, { on: Member.email });
  // @ts-expect-error "some" is none of the choices
  void db.upsert(Member, input, { update: "some" });
});
