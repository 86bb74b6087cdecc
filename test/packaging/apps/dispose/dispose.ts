// `await using` closes the database at the end of its block. Compiled and run: it prints how many
// visits the block counted, and how a query after the block fails.
import { z } from "zod";
import { Ommi, model } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const Visit = model(z.object({ id: z.number().int().optional(), page: z.string() }), { name: "DisposeVisit" });

async function countVisits(): Promise<{ db: Ommi; visits: number }> {
  await using db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
  await db.schema().createModels().raiseOnErrors();
  await db.add(Visit, { page: "/" }).raiseOnErrors();
  return { db, visits: await db.find(Visit.page.eq("/")).count().value };
}

const { db, visits } = await countVisits();
const after = await db.find(Visit.page.eq("/")).count();
console.log(JSON.stringify({ visits, afterwards: after.ok ? "still open" : after.error.message }));
