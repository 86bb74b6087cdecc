import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { ModelCollection, model, placeholder, when, type AsyncResult, type Ommi, type Placeholder, type PreparedFind, type Transaction, type UpdatePatch } from "ommi";

declare const db: Ommi;
declare const tx: Transaction;

const Member = model(
  z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int().nullable(), tags: z.array(z.string()), joined: z.date() }),
  { name: "Member", collection: new ModelCollection() },
);
// The row find gives, whatever it is (its key present).
const _rows = db.find(Member).all().value;
type Row = Awaited<typeof _rows>[number];

test("a placeholder has its name as a literal type", () => {
  expectTypeOf(placeholder("id")).toEqualTypeOf<Placeholder<"id">>();
});

test("every operator that takes a value takes a placeholder, as does limit", () => {
  void Member.id.eq(placeholder("id"));
  void Member.age.ne(placeholder("age"));
  void Member.age.gte(placeholder("min"));
  void Member.joined.lt(placeholder("before"));
  void Member.name.in(placeholder("names"));
  void Member.name.contains(placeholder("text"));
  void Member.name.regex(placeholder("pattern"));
  void Member.tags.has(placeholder("tag"));
  void Member.tags.hasAny(placeholder("tags"));
  void when(Member).sort(Member.name.asc()).limit(placeholder("size"), placeholder("skip"));
  // A call on refs of several types still takes what all of them take.
  for (const field of [Member.name, Member.age, Member.joined]) void field.eq(placeholder("v"));
});

test("prepare() gives a query typed by the find's rows and the values given", () => {
  const byId = db.find(Member.id.eq(placeholder("id"))).prepare<{ id: number }>();
  expectTypeOf(byId).toEqualTypeOf<PreparedFind<Row, { id: number }, UpdatePatch<Row>>>();
  expectTypeOf(byId.one({ id: 1 })).toEqualTypeOf<AsyncResult<Row>>();
  expectTypeOf(byId.all({ id: 1 })).toEqualTypeOf<AsyncResult<Row[]>>();
  expectTypeOf(byId.count({ id: 1 })).toEqualTypeOf<AsyncResult<number>>();
  expectTypeOf(byId.delete({ id: 1 })).toEqualTypeOf<AsyncResult<number>>();
  expectTypeOf(byId.update({ id: 1 }, { age: 3 })).toEqualTypeOf<AsyncResult<number>>();
  expectTypeOf(byId.on(tx)).toEqualTypeOf<PreparedFind<Row, { id: number }, UpdatePatch<Row>>>();
  expectTypeOf(byId.placeholders).toEqualTypeOf<readonly string[]>();
});

test("the values are checked against the type given", () => {
  const byId = db.find(Member.id.eq(placeholder("id"))).prepare<{ id: number }>();
  // @ts-expect-error: a string for a number
  void byId.one({ id: "1" });
  // @ts-expect-error: the values are needed
  void byId.one();
  // @ts-expect-error: no such placeholder
  void byId.one({ id: 1, other: 2 });
  // @ts-expect-error: the patch is checked as find's update checks it
  void byId.update({ id: 1 }, { age: "old" });
});

test("without a type, any values are taken (and checked when the query runs); without placeholders, none are needed", () => {
  const loose = db.find(Member.name.eq(placeholder("name"))).prepare();
  expectTypeOf(loose).toEqualTypeOf<PreparedFind<Row, Record<string, unknown>, UpdatePatch<Row>>>();
  void loose.all({ name: "x" });
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a query without placeholders takes no values
  const fixed = db.find(Member.age.gt(18)).prepare<{}>();
  void fixed.all();
  void fixed.count();
});

test("a selection and included relations type the rows as they type the find's", () => {
  const names = db.find(Member.age.gt(placeholder("age"))).select("name").prepare<{ age: number }>();
  expectTypeOf(names.all({ age: 1 }).value).resolves.toEqualTypeOf<Pick<Row, "name">[]>();
  expectTypeOf(names.one({ age: 1 }).value).resolves.toEqualTypeOf<Pick<Row, "name">>();
  // A patch is the model's, not the selection's.
  void names.update({ age: 1 }, { joined: new Date() });
});
