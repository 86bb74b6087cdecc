import { afterEach, beforeEach, expect, it } from "vitest";
import { z } from "zod";
import { increment, model, ModelCollection, Ommi, QueryError, type Driver } from "ommi";
import { connectStub } from "./stub-driver.js";

// A driver that declares none of `upsert`, `updateReturning` and `increments` (the stub): Ommi
// refuses each with a QueryError that names the model, before anything is written.

let driver: Driver;
let db: Ommi;
const collection = new ModelCollection();
const Counter = model(z.object({ id: z.number().int(), visits: z.number().int() }), { name: "Counter", collection });

beforeEach(async () => {
  driver = await connectStub({ transactions: true, serializedWrites: true });
  db = new Ommi(driver);
  await db.schema(collection).createModels().raiseOnErrors();
  await db.add(Counter, { id: 1, visits: 1 }).raiseOnErrors();
});

afterEach(() => db.close());

it("refuses upsert with a QueryError naming the database and the model, and writes nothing", async () => {
  const result = await db.upsert(Counter, [{ id: 1, visits: 5 }, { id: 2, visits: 1 }], { update: "all" });
  expect(result.ok ? undefined : result.error).toBeInstanceOf(QueryError);
  expect(result.ok ? "" : result.error.message).toBe("stub cannot upsert Counter rows: its driver does not declare upsert; find the row, then add or update it");
  expect(await db.find(Counter).all().value).toEqual([{ id: 1, visits: 1 }]);
});

it("refuses update(..., { returning: true }) with a QueryError naming the model, and changes nothing", async () => {
  const result = await db.find(Counter).update({ visits: 2 }, { returning: true });
  expect(result.ok ? undefined : result.error).toBeInstanceOf(QueryError);
  expect(result.ok ? "" : result.error.message).toMatch(/^Counter: this database cannot give the rows an update changed/);
  expect(await db.find(Counter).all().value).toEqual([{ id: 1, visits: 1 }]);
});

it("refuses an update with increment() with a QueryError naming the model, and changes nothing", async () => {
  const result = await db.find(Counter).update({ visits: increment(1) });
  expect(result.ok ? undefined : result.error).toBeInstanceOf(QueryError);
  expect(result.ok ? "" : result.error.message).toBe("Counter: this database cannot add to stored values (increment()); set the new value instead");
  expect(await db.find(Counter).all().value).toEqual([{ id: 1, visits: 1 }]);
});
