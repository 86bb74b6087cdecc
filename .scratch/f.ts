import { z } from "zod";
import { Ommi, model, ModelCollection, when, not, Key, Auto, StoreAs, ReferenceTo, Unique, TransactionError } from "../src/index.ts";
import { SQLiteDriver } from "../drivers/sqlite/index.ts";
const c = new ModelCollection();
const U = model(z.object({ id: z.number().int().optional(), name: z.string(), g: z.number().int().nullable() }), { name: "U", collection: c, fields: { id: [Key, Auto] } });
const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema(c).createModels().raiseOnErrors();
const names = async () => (await db.find(when(U).sort(U.name.asc())).all().value).map((u) => u.name);
// rollback explicit
let saved: any;
const v = await db.transaction(async (tx) => { await tx.add(U, { name: "r", g: 1 }).raiseOnErrors(); await tx.rollback(); saved = tx; return 42; });
console.log(v, await names(), await saved.find(U).count());
// nested
await db.transaction(async (tx) => {
  await tx.add(U, { name: "outer", g: 1 }).raiseOnErrors();
  await tx.transaction(async (inner) => { await inner.add(U, { name: "inner", g: 1 }).raiseOnErrors(); await inner.rollback(); });
  await tx.transaction(async (inner) => { await inner.add(U, { name: "inner2", g: 1 }).raiseOnErrors(); });
  await tx.transaction(async (inner) => { await inner.add(U, { name: "inner3", g: 1 }).raiseOnErrors(); throw new Error("x"); }).catch(() => {});
});
console.log(await names());
// isolation
let written!: () => void; const w = new Promise<void>((r) => (written = r));
let started!: () => void; const s = new Promise<void>((r) => (started = r));
const boom = new Error("abort");
const t = db.transaction(async (tx) => { await tx.add(U, { name: "inside", g: 1 }).raiseOnErrors(); written(); await s; throw boom; });
await w;
const f = db.find(U).all();
const a = db.add(U, { name: "outside", g: null });
started();
console.log(await t.catch((e) => e === boom));
console.log((await f.value).map((u) => u.name), (await a).ok, await names());
// iterate
await db.find(U).delete().raiseOnErrors();
await db.add(U, Array.from({ length: 10000 }, (_, i) => ({ name: "same", g: i % 3 === 0 ? null : i % 7 }))).raiseOnErrors();
let n = 0; const ids = new Set();
for await (const u of db.find(when(U).sort(U.name.asc()))) { n++; ids.add(u.id); }
console.log(n, ids.size);
let prev: any = undefined; let ok = true; n = 0; ids.clear();
for await (const u of db.find(when(U).sort(U.g.asc())).iterate({ batchSize: 333 })) { n++; ids.add(u.id); if (prev !== undefined && prev !== null && (u.g === null || u.g < prev)) ok = false; prev = u.g; }
console.log(n, ids.size, ok);
n = 0; ids.clear();
for await (const u of db.find(when(U).sort(U.g.desc()).limit(2500, 1234)).iterate({ batchSize: 400 })) { n++; ids.add(u.id); }
const expected = (await db.find(when(U).sort(U.g.desc(), U.id.asc()).limit(2500, 1234)).all().value).map((u) => u.id);
const got: number[] = []; for await (const u of db.find(when(U).sort(U.g.desc()).limit(2500, 1234)).iterate({ batchSize: 400 })) got.push(u.id!);
console.log(n, ids.size, JSON.stringify(got) === JSON.stringify(expected));
