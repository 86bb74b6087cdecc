import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConstraintError, Index, Key, metaOf, model, ModelCollection, ModelError, Ommi, QueryError, ReferenceTo, SchemaError, StoreAs, TransactionError, Unique, when } from "ommi";
import { MongoDBDriver, type MongoDBOptions } from "ommi/mongodb";
import { startMongoStandin, type MongoStandin } from "../../support/mongo-standin.js";
import { failure } from "../../../conformance/support/results.js";

// The driver's own promises, through the official client, against the stand-in (or the server
// OMMI_TEST_MONGO_URL names): what the conformance suite does not see from outside.

let standin: MongoStandin | undefined;
let url: string;
const raw: { client?: MongoClient } = {};
const open: MongoDBDriver[] = [];

beforeAll(async () => {
  url = process.env.OMMI_TEST_MONGO_URL ?? (standin = await startMongoStandin()).url;
  raw.client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
});

afterAll(async () => {
  await Promise.all(open.map((driver) => driver.close()));
  await raw.client?.close();
  await standin?.stop();
});

/** A driver on a database of its own, and that database through the raw client. */
async function fresh(options: Partial<MongoDBOptions> = {}) {
  const database = `ommi_driver_${randomBytes(6).toString("hex")}`;
  const driver = await MongoDBDriver.connect({ url, database, ...options });
  open.push(driver);
  const collection = new ModelCollection();
  return { driver, db: new Ommi(driver), collection, stored: (raw.client as MongoClient).db(database) };
}

function defineAccount(collection: ModelCollection) {
  return model(
    z.object({ id: z.number().int().optional(), email: z.string().nullable(), nick: z.string().optional(), score: z.number(), city: z.string().optional() }),
    { name: "Account", collection, fields: { email: [Unique, StoreAs("mail")], nick: Unique, city: Index } },
  );
}

describe("MongoDB driver", () => {
  it("stores each row as a document: the key as _id, StoreAs names, a float as a double even when whole", async () => {
    const { db, collection, stored } = await fresh();
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Account, { id: 7, email: "a@x", score: 5 }).raiseOnErrors();
    const [document] = await stored.collection("Account").find().toArray();
    expect(document).toEqual({ _id: 7, mail: "a@x", score: 5 });
    expect(await stored.collection("Account").countDocuments({ score: { $type: "double" } })).toBe(1);
  });

  it("creates the collection and its indexes, and createModels() may run again", async () => {
    const { db, collection, stored } = await fresh();
    defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.schema(collection).createModels().raiseOnErrors();
    const names = (await stored.collection("Account").listIndexes().toArray()).map((index: { name?: unknown }) => String(index.name)).sort();
    expect(names).toEqual(["Account_city_idx", "Account_mail_unique", "Account_nick_unique", "_id_"]);
  });

  it("generates keys from a counter, past any key a row brought itself", async () => {
    const { db, collection } = await fresh();
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    const [first] = await db.add(Account, { email: null, score: 1 }).value;
    await db.add(Account, { id: 10, email: null, score: 1 }).raiseOnErrors();
    const [after] = await db.add(Account, { email: null, score: 1 }).value;
    expect(first?.id).toBe(1);
    expect(after?.id).toBe(11);
    const many = await Promise.all(Array.from({ length: 20 }, () => db.add(Account, { email: null, score: 2 }).value));
    expect(new Set(many.map(([row]) => row?.id)).size).toBe(20);
  });

  it("a duplicate key or unique value is a ConstraintError naming the model and the field; nulls and missing values never collide", async () => {
    const { db, collection } = await fresh();
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Account, { id: 1, email: "a@x", nick: "ann", score: 1 }).raiseOnErrors();
    await db.add(Account, { id: 2, email: null, score: 1 }).raiseOnErrors();
    await db.add(Account, { id: 3, email: null, score: 1 }).raiseOnErrors();
    const byKey = await failure(db.add(Account, { id: 1, email: "b@x", score: 1 }));
    expect(byKey).toBeInstanceOf(ConstraintError);
    expect(byKey.message).toMatch(/Account\.id/);
    const byEmail = await failure(db.add(Account, { id: 4, email: "a@x", score: 1 }));
    expect(byEmail).toBeInstanceOf(ConstraintError);
    expect(byEmail.message).toMatch(/Account\.email/);
    const byUpdate = await failure(db.find(Account.id.eq(2)).update({ nick: "ann" }));
    expect(byUpdate).toBeInstanceOf(ConstraintError);
    expect(byUpdate.message).toMatch(/Account\.nick/);
  });

  it("a composite key is a unique index over its fields: a duplicate is a ConstraintError naming them", async () => {
    const { db, collection } = await fresh();
    const Seat = model(z.object({ row: z.string(), number: z.number().int(), holder: z.string() }), { name: "Seat", collection, fields: { row: Key, number: Key } });
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Seat, { row: "A", number: 1, holder: "ann" }).raiseOnErrors();
    const error = await failure(db.add(Seat, { row: "A", number: 1, holder: "bob" }));
    expect(error).toBeInstanceOf(ConstraintError);
    expect(error.message).toMatch(/row, number/);
    expect(await db.find(Seat).all().value).toEqual([{ row: "A", number: 1, holder: "ann" }]);
    expect(metaOf(Seat).keys).toHaveLength(2);
  });

  it("every operation on a model whose collection is missing is a SchemaError, also after deleteModels()", async () => {
    const { db, collection, stored } = await fresh();
    const Account = defineAccount(collection);
    expect(await failure(db.add(Account, { email: null, score: 1 }))).toBeInstanceOf(SchemaError);
    expect(await stored.listCollections({ name: "Account" }).toArray()).toEqual([]);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Account, { email: null, score: 1 }).raiseOnErrors();
    await db.schema(collection).deleteModels().raiseOnErrors();
    expect(await failure(db.find(Account).count())).toBeInstanceOf(SchemaError);
    expect(await failure(db.add(Account, { email: null, score: 1 }))).toBeInstanceOf(SchemaError);
    // The counter went with the collection: keys start again from 1.
    await db.schema(collection).createModels().raiseOnErrors();
    expect((await db.add(Account, { email: null, score: 1 }).value)[0]?.id).toBe(1);
  });

  it("with transactions: false (as on a standalone server) transaction() and multi-row adds are refused, single rows still work", async () => {
    const { driver, db, collection } = await fresh({ transactions: false });
    expect(driver.capabilities.transactions).toBe(false);
    await expect(driver.begin()).rejects.toThrow(TransactionError);
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await expect(db.transaction(() => Promise.resolve())).rejects.toBeInstanceOf(TransactionError);
    expect(await failure(db.add(Account, [{ email: null, score: 1 }, { email: null, score: 2 }]))).toBeInstanceOf(QueryError);
    expect(await db.add(Account, { email: null, score: 1 }).value).toHaveLength(1);
  });

  it("updates and deletes a sorted, limited selection exactly, and reports how many rows matched", async () => {
    const { db, collection } = await fresh();
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    for (const score of [3, 1, 2, 5, 4]) await db.add(Account, { email: null, score }).raiseOnErrors();
    const byScore = when(Account).sort(Account.score.asc());
    expect(await db.find(Account.score.lte(2)).update({ city: "x" }).value).toBe(2);
    // Matched rows count, as in SQL: setting the value they already hold still counts them.
    expect(await db.find(Account.score.lte(2)).update({ city: "x" }).value).toBe(2);
    expect(await db.find(when(Account).sort(Account.score.asc()).limit(2, 1)).update({ city: "y" }).value).toBe(2);
    expect((await db.find(byScore).all().value).map((row) => row.city)).toEqual(["x", "y", "y", undefined, undefined]);
    expect(await db.find(when(Account).sort(Account.score.desc()).limit(2)).delete().value).toBe(2);
    expect((await db.find(byScore).all().value).map((row) => row.score)).toEqual([1, 2, 3]);
  });

  it("an update may change the key (stored as _id): the documents are replaced atomically, keeping every stored type", async () => {
    const { db, collection, stored } = await fresh();
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Account, { id: 1, email: "a@x", nick: "ann", score: 5 }).raiseOnErrors();
    await db.add(Account, { id: 2, email: "b@x", score: 2.5 }).raiseOnErrors();
    expect(await db.find(Account.id.eq(1)).update({ id: 10, city: "Oslo" }).value).toBe(1);
    expect(await db.find(when(Account).sort(Account.id.asc())).all().value).toEqual([
      { id: 2, email: "b@x", score: 2.5 },
      { id: 10, email: "a@x", nick: "ann", score: 5, city: "Oslo" },
    ]);
    // The whole double 5 is still a double, the unique index still holds the new document.
    expect(await stored.collection<{ _id: number }>("Account").countDocuments({ _id: 10, score: { $type: "double" } })).toBe(1);
    expect(await failure(db.add(Account, { id: 3, email: "a@x", score: 1 }))).toBeInstanceOf(ConstraintError);
    // The counter is past the new key.
    expect((await db.add(Account, { email: null, score: 1 }).value)[0]?.id).toBe(11);
    // A key another row has: a ConstraintError naming the key, and nothing changed.
    const taken = await failure(db.find(Account.id.eq(2)).update({ id: 10 }));
    expect(taken).toBeInstanceOf(ConstraintError);
    expect(taken.message).toMatch(/Account\.id/);
    // Two rows given one key: the same, and nothing changed.
    expect(await failure(db.find(Account.id.in([2, 11])).update({ id: 20 }))).toBeInstanceOf(ConstraintError);
    expect((await db.find(when(Account).sort(Account.id.asc())).all().value).map((row) => row.id)).toEqual([2, 10, 11]);
    // Inside a transaction, with the rest of it.
    await db.transaction(async (tx) => {
      await tx.find(Account.id.eq(2)).update({ id: 30 }).raiseOnErrors();
      expect(await tx.find(Account.id.eq(30)).count().value).toBe(1);
    });
    expect((await db.find(when(Account).sort(Account.id.asc())).all().value).map((row) => row.id)).toEqual([10, 11, 30]);
  });

  it("without transactions, an update that changes the key is a QueryError naming model and field, before anything runs", async () => {
    const { db, collection } = await fresh({ transactions: false });
    const Account = defineAccount(collection);
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Account, { id: 1, email: null, score: 1 }).raiseOnErrors();
    const refused = await failure(db.find(Account.id.eq(1)).update({ id: 2, score: 9 }));
    expect(refused).toBeInstanceOf(QueryError);
    expect(refused.message).toMatch(/Account\.id is the key/);
    expect(await db.find(Account).all().value).toEqual([{ id: 1, email: null, score: 1 }]);
  });

  it("createModels refuses a reference Ommi cannot follow, as the SQL drivers do, before creating anything", async () => {
    const { db, collection, stored } = await fresh();
    const Owner = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Owner", collection });
    model(z.object({ id: z.number().int(), ownerName: z.string() }), { name: "Pet", collection, fields: { ownerName: ReferenceTo(Owner.name) } });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^Pet refers to Owner by Pet\.ownerName/);
    expect(await stored.listCollections().toArray()).toEqual([]);
  });
});
