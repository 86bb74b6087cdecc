import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { ModelCollection, model, when, type Ommi } from "ommi";

declare const db: Ommi;

const schema = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  nickname: z.string().nullable(),
  joined: z.date(),
  balance: z.bigint(),
  active: z.boolean().default(true),
});
// The schema's output, with the key present: a stored row has its key (test/types/stored-keys.test-d.ts).
type Row = { id: number; name: string; nickname: string | null; joined: Date; balance: bigint; active: boolean };
const Member = model(schema, { name: "Member", collection: new ModelCollection() });

test("rows are typed as the schema's output, with their key", () => {
  expectTypeOf(db.find(Member).all().value).resolves.toEqualTypeOf<Row[]>();
  expectTypeOf(db.find(Member.name.eq("x")).one().value).resolves.toEqualTypeOf<Row>();
  expectTypeOf(db.find(when(Member).sort(Member.name.asc())).iterate()).toEqualTypeOf<AsyncGenerator<Row, void, undefined>>();
  expectTypeOf(db.add(Member, { name: "a", nickname: null, joined: new Date(), balance: 1n }).value).resolves.toEqualTypeOf<Row[]>();
  expectTypeOf(db.find(Member).count().value).resolves.toEqualTypeOf<number>();
});

test("a field with a default is optional to add and present in rows", () => {
  expectTypeOf<Row["active"]>().toEqualTypeOf<boolean>();
  void db.add(Member, { name: "a", nickname: null, joined: new Date(), balance: 1n });
});

test("awaiting a result gives a DBResult to narrow", async () => {
  const result = await db.find(Member).all();
  if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Row[]>();
  else expectTypeOf(result.error.message).toEqualTypeOf<string>();
});
