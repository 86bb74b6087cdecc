import { randomUUID } from "node:crypto";
import { Binary, Decimal128, Double, Int32, Long, MongoBulkWriteError, MongoClient, ObjectId, type Db, type Document, type MongoServerError } from "mongodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requireService } from "../support/availability.js";
import { type MongoStandin, standinUnavailable, startMongoStandin } from "../support/mongo-standin.js";

/**
 * Probes of the local MongoDB stand-in through the official client: each test states a behaviour
 * of MongoDB's documented semantics that the MongoDB driver's tests rely on, so a stand-in that
 * drifts from MongoDB fails here first and not deep inside a driver scenario.
 */

let standin: MongoStandin | undefined;
let client: MongoClient;
const unavailable = requireService("MongoDB stand-in (python3-mongomock, python3-mockupdb)", () =>
  Promise.resolve(standinUnavailable()),
);

beforeAll(async () => {
  if (unavailable()) return;
  standin = await startMongoStandin();
  client = new MongoClient(standin.url, { serverSelectionTimeoutMS: 2000 });
  await client.connect();
}, 30_000);

afterAll(async () => {
  await client?.close();
  await standin?.stop();
});

beforeEach((test) => {
  const reason = unavailable();
  if (reason) test.skip(reason);
});

/** Documents of any shape, with _id of any type (the probes use numbers and strings as keys). */
interface Loose extends Document {
  _id?: number | string | Long | Double | ObjectId;
}

interface IndexInfo {
  name: string;
  key: Document;
  unique?: boolean;
}

/** The `cursor` part of a raw find/getMore reply. */
interface CursorReply {
  cursor: { id: Long; firstBatch?: Document[]; nextBatch?: Document[] };
}

async function cursorCommand(db: Db, command: Document): Promise<CursorReply["cursor"]> {
  return ((await db.command(command)) as CursorReply).cursor;
}

/** A database of its own for every test. */
function freshDb(): Db {
  return client.db(`probe_${randomUUID().replaceAll("-", "").slice(0, 16)}`);
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (error) {
    return error as MongoServerError;
  }
  throw new Error("expected the operation to fail");
}

async function ids(db: Db, collection: string, filter: Document): Promise<unknown[]> {
  const found = await db.collection(collection).find(filter, { sort: { _id: 1 } }).toArray();
  return found.map((document) => document._id);
}

describe("handshake and server information", () => {
  it("advertises a replica-set primary, so sessions are available", async () => {
    const hello = await client.db("admin").command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, setName: "rs0", maxWireVersion: 21, logicalSessionTimeoutMinutes: 30 });
    expect(hello.hosts).toEqual([`127.0.0.1:${standin?.port}`]);
  });

  it("names itself in buildInfo so tests can tell it from a real server", async () => {
    const info = await client.db("admin").command({ buildInfo: 1 });
    expect(info).toMatchObject({ version: "7.0.0", ommiStandin: true });
  });

  it("answers an unknown command with CommandNotFound (59)", async () => {
    const error = await rejection(client.db("admin").command({ noSuchCommandAtAll: 1 }));
    expect(error.code).toBe(59);
  });

  it("answers a malformed command with an error instead of dropping the connection", async () => {
    const db = freshDb();
    const error = await rejection(db.command({ insert: "t", documents: "not an array" }));
    expect(error.code).toBe(9);
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});

describe("inserts and duplicate keys", () => {
  it("reports a duplicate _id of an ordered insertMany as 11000 with keyValue, keeping what came before", async () => {
    const db = freshDb();
    const error = await rejection(db.collection<{ _id: number }>("t").insertMany([{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }]));
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as unknown as MongoBulkWriteError;
    expect(bulk.code).toBe(11000);
    expect(bulk.insertedCount).toBe(2);
    expect(bulk.writeErrors).toMatchObject([{ index: 2, code: 11000 }]);
    expect(await ids(db, "t", {})).toEqual([1, 2]);
  });

  it("keeps inserting after a duplicate when unordered", async () => {
    const db = freshDb();
    const error = (await rejection(
      db.collection<{ _id: number }>("t").insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }], { ordered: false }),
    )) as unknown as MongoBulkWriteError;
    expect(error.insertedCount).toBe(2);
    expect(await ids(db, "t", {})).toEqual([1, 2]);
  });

  it("enforces a unique index with an E11000 message, keyPattern and keyValue naming the field", async () => {
    const db = freshDb();
    await db.collection<Loose>("users").createIndex({ email: 1 }, { unique: true, name: "email_unique" });
    await db.collection<Loose>("users").insertOne({ email: "a@x" });
    const error = await rejection(db.collection<Loose>("users").insertOne({ email: "a@x" }));
    expect(error.code).toBe(11000);
    expect(error.message).toMatch(/^E11000 duplicate key error collection: \w+\.users index: email_unique dup key: \{ email: "a@x" \}/);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: "a@x" });
  });

  it("enforces a compound unique index only on the whole key", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.createIndex({ a: 1, b: 1 }, { unique: true });
    await t.insertMany([{ a: 1, b: 1 }, { a: 1, b: 2 }]);
    const error = await rejection(t.insertOne({ a: 1, b: 2 }));
    expect(error.keyValue).toEqual({ a: 1, b: 2 });
    expect(error.keyPattern).toEqual({ a: 1, b: 1 });
  });

  it("enforces a unique index on a dotted path", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").createIndex({ "profile.handle": 1 }, { unique: true });
    await db.collection<Loose>("t").insertOne({ profile: { handle: "x" } });
    const error = await rejection(db.collection<Loose>("t").insertOne({ profile: { handle: "x" } }));
    expect(error.keyPattern).toEqual({ "profile.handle": 1 });
  });

  it("enforces a unique index on update too, leaving the document unchanged", async () => {
    const db = freshDb();
    const t = db.collection<{ _id: number; name: string }>("t");
    await t.createIndex({ name: 1 }, { unique: true });
    await t.insertMany([{ _id: 1, name: "a" }, { _id: 2, name: "b" }]);
    const error = await rejection(t.updateOne({ _id: 2 }, { $set: { name: "a" } }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ name: "a" });
    expect(await t.findOne({ _id: 2 })).toEqual({ _id: 2, name: "b" });
  });

  it("lets a sparse unique index hold many documents without the field", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").createIndex({ code: 1 }, { unique: true, sparse: true });
    await db.collection<Loose>("t").insertMany([{ _id: 1 }, { _id: 2 }]);
    expect(await db.collection<Loose>("t").countDocuments()).toBe(2);
  });

  it("treats missing as null in a non-sparse unique index", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").createIndex({ code: 1 }, { unique: true });
    await db.collection<Loose>("t").insertOne({ _id: 1 });
    const error = await rejection(db.collection<Loose>("t").insertOne({ _id: 2 }));
    expect(error.keyValue).toEqual({ code: null });
  });

  it("refuses a unique index over existing duplicates", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ a: 1 }, { a: 1 }]);
    const error = await rejection(db.collection<Loose>("t").createIndex({ a: 1 }, { unique: true }));
    expect(error.code).toBe(11000);
  });
});

describe("updates, deletes and findAndModify", () => {
  it("applies $set $unset $inc $max $min and counts matched and modified", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany([{ _id: 1, a: 1, b: 5, c: "x", n: 10 }, { _id: 2, a: 1, b: 5, n: 1 }]);
    const result = await t.updateMany({ a: 1 }, { $set: { d: true }, $unset: { c: "" }, $inc: { b: 2 }, $max: { n: 5 }, $min: { a: 0 } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await t.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 1, a: 0, b: 7, n: 10, d: true },
      { _id: 2, a: 0, b: 7, n: 5, d: true },
    ]);
  });

  it("counts a no-op update as matched but not modified", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, a: 1 });
    expect(await db.collection<Loose>("t").updateOne({ _id: 1 }, { $set: { a: 1 } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it("upserts with the query's equality fields and reports the new _id", async () => {
    const db = freshDb();
    const result = await db.collection<Loose>("t").updateOne({ _id: "k", kind: "x" }, { $set: { v: 1 } }, { upsert: true });
    expect(result).toMatchObject({ upsertedCount: 1, upsertedId: "k", matchedCount: 0 });
    expect(await db.collection<Loose>("t").findOne({ _id: "k" })).toEqual({ _id: "k", kind: "x", v: 1 });
  });

  it("replaces a whole document, keeping its _id", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, a: 1, b: 2 });
    await db.collection<Loose>("t").replaceOne({ _id: 1 }, { c: 3 });
    expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
  });

  it("deletes one or many", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await t.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await t.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect(await t.countDocuments()).toBe(1);
  });

  it("allocates counters atomically with findOneAndUpdate $inc upsert, returning the new document", async () => {
    const db = freshDb();
    const counters = db.collection<{ _id: string; seq: number }>("counters");
    const next = async () =>
      (await counters.findOneAndUpdate({ _id: "users" }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: "after" }))?.seq;
    expect([await next(), await next(), await next()]).toEqual([1, 2, 3]);
  });

  it("returns the document before the change by default, and null when nothing matched", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, v: 1 });
    expect(await db.collection<Loose>("t").findOneAndUpdate({ _id: 1 }, { $set: { v: 2 } })).toEqual({ _id: 1, v: 1 });
    expect(await db.collection<Loose>("t").findOneAndUpdate({ _id: 9 }, { $set: { v: 2 } })).toBeNull();
    expect(await db.collection<Loose>("t").findOneAndDelete({ _id: 1 })).toEqual({ _id: 1, v: 2 });
  });

  it("keeps an int64 counter an int64 through $inc", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, n: Long.fromNumber(5) });
    await db.collection<Loose>("t").updateOne({ _id: 1 }, { $inc: { n: 1 } });
    const found = await db.collection<Loose>("t").findOne({ _id: 1 }, { promoteValues: false });
    expect(found?.n).toEqual(Long.fromNumber(6));
  });

  it("refuses $inc on a null value (TypeMismatch, 14), and sets a missing field to the amount", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany([{ _id: 1, n: null }, { _id: 2 }]);
    const refused = await t.updateOne({ _id: 1 }, { $inc: { n: 1 } }).catch((error: unknown) => error as MongoServerError);
    expect((refused as MongoServerError).code).toBe(14);
    await t.updateOne({ _id: 2 }, { $inc: { n: 1 } });
    expect(await t.find({}, { sort: { _id: 1 } }).toArray()).toEqual([{ _id: 1, n: null }, { _id: 2, n: 1 }]);
  });

  it("refuses $inc past 64 bits instead of wrapping or turning to a double", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertOne({ _id: 1, n: Long.MAX_VALUE });
    await expect(t.updateOne({ _id: 1 }, { $inc: { n: Long.fromNumber(1) } })).rejects.toThrow(/overflow/);
    expect((await t.findOne({ _id: 1 }, { promoteValues: false }))?.n).toEqual(Long.MAX_VALUE);
  });

  it("upserts in an ordered bulk write: upsertedIds by operation index, $setOnInsert only on insert, an empty $setOnInsert allowed (5.0+)", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertOne({ _id: 1, email: "a", name: "Ann", since: 1 });
    const result = await t.bulkWrite(
      [
        { updateOne: { filter: { email: "a" }, update: { $set: { name: "Anna" }, $setOnInsert: { _id: 9, since: 2 } }, upsert: true } },
        { updateOne: { filter: { email: "b" }, update: { $set: { name: "Bob" }, $setOnInsert: { _id: 2, since: 2 } }, upsert: true } },
        { updateOne: { filter: { _id: 3 }, update: { $setOnInsert: {} }, upsert: true } },
        { insertOne: { document: { _id: 4, email: null } } },
      ],
      { ordered: true },
    );
    expect(result.upsertedIds).toEqual({ 1: 2, 2: 3 });
    expect(result.matchedCount).toBe(1);
    expect(await t.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 1, email: "a", name: "Anna", since: 1 },
      { _id: 2, email: "b", name: "Bob", since: 2 },
      { _id: 3 },
      { _id: 4, email: null },
    ]);
  });
});

describe("field names holding '.' or starting with '$' (MongoDB 5.0+)", () => {
  const awkward = { "a.b": 1, $price: 2, nested: { "x.y": [{ $z: true }] } };

  it("stores them inside sub-documents set by $set, by a replacement and by an upsert", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany([{ _id: 1 }, { _id: 2 }]);
    await t.updateOne({ _id: 1 }, { $set: { sub: awkward, "deep.er": [awkward] } });
    await t.replaceOne({ _id: 2 }, { sub: awkward, "top.dotted": 3 });
    await t.updateOne({ _id: 3 }, { $set: { sub: awkward } }, { upsert: true });
    expect(await t.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 1, sub: awkward, deep: { er: [awkward] } },
      { _id: 2, sub: awkward, "top.dotted": 3 },
      { _id: 3, sub: awkward },
    ]);
    expect(await t.findOneAndUpdate({ _id: 3 }, { $set: { sub: { $other: 1 } } }, { returnDocument: "after" })).toEqual({ _id: 3, sub: { $other: 1 } });
  });

  it("refuses a top-level '$' name from an update operator on an existing document, not from an upsert that inserts", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertOne({ _id: 1, date: "2021-07-07" });
    const refused = await rejection(t.updateOne({ date: "2021-07-07" }, { $set: { $hotel: 320 } }, { upsert: true }));
    expect(refused.code).toBe(52);
    expect(await t.findOne({ _id: 1 })).toEqual({ _id: 1, date: "2021-07-07" });
    await t.updateOne({ date: "2021-07-08" }, { $set: { $hotel: 320 } }, { upsert: true });
    expect(await t.findOne({ date: "2021-07-08" }, { projection: { _id: 0 } })).toEqual({ date: "2021-07-08", $hotel: 320 });
  });
});

describe("query semantics", () => {
  async function seeded(documents: Document[]): Promise<Db> {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(documents.map((document, index) => ({ _id: index + 1, ...document })));
    return db;
  }

  it("matches a missing field with {f: null}, and $type null only with a real null", async () => {
    const db = await seeded([{ f: null }, {}, { f: 1 }]);
    expect(await ids(db, "t", { f: null })).toEqual([1, 2]);
    expect(await ids(db, "t", { f: { $type: "null" } })).toEqual([1]);
    expect(await ids(db, "t", { f: { $type: 10 } })).toEqual([1]);
    expect(await ids(db, "t", { f: { $ne: null } })).toEqual([3]);
  });

  it("tells $exists apart from null", async () => {
    const db = await seeded([{ f: null }, {}, { f: 0 }]);
    expect(await ids(db, "t", { f: { $exists: true } })).toEqual([1, 3]);
    expect(await ids(db, "t", { f: { $exists: false } })).toEqual([2]);
  });

  it("complements with $nor and $not, missing fields included", async () => {
    const db = await seeded([{ n: 1 }, { n: 5 }, {}, { n: "x" }]);
    expect(await ids(db, "t", { $nor: [{ n: { $gt: 2 } }] })).toEqual([1, 3, 4]);
    expect(await ids(db, "t", { n: { $not: { $gt: 2 } } })).toEqual([1, 3, 4]);
  });

  it("never equates true with 1", async () => {
    const db = await seeded([{ f: true }, { f: 1 }]);
    expect(await ids(db, "t", { f: 1 })).toEqual([2]);
    expect(await ids(db, "t", { f: true })).toEqual([1]);
  });

  it("compares only within a type bracket", async () => {
    const db = await seeded([{ f: 5 }, { f: "5" }, { f: null }, { f: new Date(0) }]);
    expect(await ids(db, "t", { f: { $gt: 1 } })).toEqual([1]);
    expect(await ids(db, "t", { f: { $lt: "9" } })).toEqual([2]);
  });

  it("matches array elements: equality, $elemMatch on scalars with operators, $in inside", async () => {
    const db = await seeded([{ arr: [1, 3, 5] }, { arr: [2, 4] }, { arr: 3 }, { arr: [[3]] }]);
    expect(await ids(db, "t", { arr: 3 })).toEqual([1, 3]);
    expect(await ids(db, "t", { arr: { $elemMatch: { $eq: 3 } } })).toEqual([1]);
    expect(await ids(db, "t", { arr: { $elemMatch: { $in: [4, 9] } } })).toEqual([2]);
    expect(await ids(db, "t", { arr: { $elemMatch: { $gt: 1, $lt: 3 } } })).toEqual([2]);
  });

  it("matches $elemMatch on sub-documents as a whole element", async () => {
    const db = await seeded([{ items: [{ a: 1, b: 2 }, { a: 2, b: 1 }] }, { items: [{ a: 1, b: 1 }] }]);
    expect(await ids(db, "t", { items: { $elemMatch: { a: 1, b: 1 } } })).toEqual([2]);
    expect(await ids(db, "t", { "items.a": 2 })).toEqual([1]);
  });

  it("supports $all and $size", async () => {
    const db = await seeded([{ tags: ["a", "b", "c"] }, { tags: ["a"] }, { tags: [] }]);
    expect(await ids(db, "t", { tags: { $all: ["a", "c"] } })).toEqual([1]);
    expect(await ids(db, "t", { tags: { $size: 0 } })).toEqual([3]);
    expect(await ids(db, "t", { tags: { $size: 1 } })).toEqual([2]);
  });

  it("evaluates $expr with $size, $isArray and comparisons", async () => {
    const db = await seeded([{ tags: ["a", "b"], limit: 1 }, { tags: ["a"], limit: 3 }, { tags: "x", limit: 0 }]);
    expect(await ids(db, "t", { $expr: { $gt: [{ $size: { $ifNull: [{ $cond: [{ $isArray: "$tags" }, "$tags", []] }, []] } }, "$limit"] } })).toEqual([1]);
    expect(await ids(db, "t", { $expr: { $isArray: "$tags" } })).toEqual([1, 2]);
    expect(await ids(db, "t", { $expr: { $eq: ["$limit", 3] } })).toEqual([2]);
  });

  it("evaluates $regex with the i, m, s and u options", async () => {
    const db = await seeded([{ s: "Hello" }, { s: "a\nb" }, { s: "ünïcödé 😀" }, { s: "line1\nHELLO" }]);
    expect(await ids(db, "t", { s: { $regex: "^hello", $options: "i" } })).toEqual([1]);
    expect(await ids(db, "t", { s: { $regex: "^hello$", $options: "im" } })).toEqual([1, 4]);
    expect(await ids(db, "t", { s: { $regex: "a.b", $options: "s" } })).toEqual([2]);
    expect(await ids(db, "t", { s: { $regex: "a.b" } })).toEqual([]);
    expect(await ids(db, "t", { s: /😀$/u })).toEqual([3]);
  });

  it("bounds a catastrophic regex with an error instead of hanging", async () => {
    const db = await seeded([{ s: `${"a".repeat(40)}b` }]);
    const error = await rejection(db.collection<Loose>("t").find({ s: { $regex: "^(a+)+$" } }).toArray());
    expect(error.code).toBeTypeOf("number");
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it("equates int32, int64 and double numerically", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ _id: Long.fromNumber(5) }, { _id: new Double(6) }, { _id: 7 }]);
    expect(await db.collection<Loose>("t").countDocuments({ _id: 5 })).toBe(1);
    expect(await db.collection<Loose>("t").countDocuments({ _id: 6 })).toBe(1);
    expect(await db.collection<Loose>("t").countDocuments({ _id: Long.fromNumber(7) })).toBe(1);
    expect(await db.collection<Loose>("t").countDocuments({ _id: { $in: [5, 6.0, new Double(7)] } })).toBe(3);
  });

  it("honours maxTimeMS with MaxTimeMSExpired (50)", async () => {
    const db = await seeded([{ s: `${"a".repeat(40)}b` }]);
    const error = await rejection(db.collection<Loose>("t").find({ s: { $regex: "^(a+)+$" } }, { maxTimeMS: 100 }).toArray());
    expect(error.code).toBe(50);
  });
});

describe("sorting", () => {
  it("orders strings by code point, not by locale", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(["b", "B", "a", "é", "😀", "z"].map((s) => ({ s })));
    const sorted = await db.collection<Loose>("t").find({}, { sort: { s: 1 }, projection: { _id: 0 } }).toArray();
    expect(sorted.map((d) => d.s as unknown)).toEqual(["B", "a", "b", "z", "é", "😀"]);
  });

  it("puts null and missing first ascending and last descending, numbers of all types together", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ _id: 1, n: 2 }, { _id: 2 }, { _id: 3, n: null }, { _id: 4, n: Long.fromNumber(1) }, { _id: 5, n: 1.5 }]);
    const ascending = await db.collection<Loose>("t").find({}, { sort: { n: 1, _id: 1 } }).toArray();
    expect(ascending.map((d) => d._id)).toEqual([2, 3, 4, 5, 1]);
    const descending = await db.collection<Loose>("t").find({}, { sort: { n: -1, _id: 1 } }).toArray();
    expect(descending.map((d) => d._id)).toEqual([1, 5, 4, 2, 3]);
  });

  it("sorts on dotted paths and several keys", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ _id: 1, p: { a: 2 }, b: 1 }, { _id: 2, p: { a: 1 }, b: 2 }, { _id: 3, p: { a: 1 }, b: 1 }]);
    const sorted = await db.collection<Loose>("t").find({}, { sort: { "p.a": 1, b: -1 } }).toArray();
    expect(sorted.map((d) => d._id)).toEqual([2, 3, 1]);
  });

  it("applies skip and limit after sorting", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: 10 - i })));
    const page = await db.collection<Loose>("t").find({}, { sort: { _id: 1 }, skip: 3, limit: 2 }).toArray();
    expect(page.map((d) => d._id)).toEqual([4, 5]);
  });
});

describe("values round-trip exactly", () => {
  it("keeps int32, int64, double and decimal128 apart", async () => {
    const db = freshDb();
    const document = { _id: 1, i: new Int32(5), l: Long.fromNumber(5), d: new Double(5), z: new Double(-0), m: Decimal128.fromString("1.10") };
    await db.collection<Loose>("t").insertOne(document);
    const found = await db.collection<Loose>("t").findOne({ _id: 1 }, { promoteValues: false });
    expect(found?.i).toBeInstanceOf(Int32);
    expect(found?.l).toEqual(Long.fromNumber(5));
    expect(found?.d).toBeInstanceOf(Double);
    expect(Object.is((found?.z as Double).value, -0)).toBe(true);
    expect(String(found?.m)).toBe("1.10");
    const bigints = await db.collection<Loose>("t").findOne({ _id: 1 }, { useBigInt64: true });
    expect(bigints?.l).toBe(5n);
  });

  it("keeps dates to the millisecond, binary, nested key order and arrays", async () => {
    const db = freshDb();
    const document = {
      _id: 1,
      at: new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 123)),
      bytes: new Binary(Buffer.from([0, 1, 2, 255])),
      nested: { z: 1, a: { y: 2, b: 3 } },
      list: [1, "two", { three: 3 }, [4]],
    };
    await db.collection<Loose>("t").insertOne(document);
    const found = await db.collection<Loose>("t").findOne({ _id: 1 });
    expect(found?.at).toEqual(document.at);
    expect((found?.bytes as Binary).sub_type).toBe(0);
    expect(Buffer.from((found?.bytes as Binary).buffer)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(Object.keys(found?.nested as object)).toEqual(["z", "a"]);
    expect(Object.keys((found?.nested as { a: object }).a)).toEqual(["y", "b"]);
    expect(found?.list).toEqual(document.list);
  });

  it("keeps strings with NUL, astral-plane characters and empty strings", async () => {
    const db = freshDb();
    const strings = ["a\u0000b", "𝄞 music", "", "日本語"];
    await db.collection<Loose>("t").insertMany(strings.map((s, i) => ({ _id: i, s })));
    const found = await db.collection<Loose>("t").find({}, { sort: { _id: 1 } }).toArray();
    expect(found.map((d) => d.s as unknown)).toEqual(strings);
    expect(await db.collection<Loose>("t").countDocuments({ s: "a\u0000b" })).toBe(1);
  });

  it("stores _id first even when it was given last", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ a: 1, _id: 9 });
    expect(Object.keys((await db.collection<Loose>("t").findOne({ _id: 9 })) as object)).toEqual(["_id", "a"]);
  });
});

describe("dates outside the years 1 to 9999", () => {
  // MongoDB stores any int64 milliseconds as a date; JavaScript's Date reaches ±8.64e15 ms.
  const far = {
    latest: new Date(8.64e15),
    year12000: new Date(Date.UTC(12_000, 0, 1)),
    after9999: new Date(Date.UTC(10_000, 0, 1)),
    before1: new Date(-62_135_596_800_001), // 0000-12-31T23:59:59.999Z, the last millisecond before year 1
    bc44: new Date(Date.UTC(-43, 2, 15, 12)),
    earliest: new Date(-8.64e15),
  };
  // Date.UTC maps years 0-99 to 1900-1999, hence milliseconds for year 1.
  const ordinary = { year1: new Date(-62_135_596_800_000), epoch: new Date(0), y2024: new Date(Date.UTC(2024, 1, 29, 12)) };

  /** Every date above, one per document, _id in ascending date order. */
  async function seeded(): Promise<{ db: Db; dates: Date[] }> {
    const dates = [far.earliest, far.bc44, far.before1, ordinary.year1, ordinary.epoch, ordinary.y2024, far.after9999, far.year12000, far.latest];
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(dates.map((at, index) => ({ _id: index + 1, at })));
    await db.collection<Loose>("t").insertOne({ _id: 100, at: 5 });
    return { db, dates };
  }

  it("round-trips far dates exactly at the top level, nested and in arrays, through find, aggregate and findOneAndUpdate", async () => {
    const db = freshDb();
    const document = { _id: 1, at: far.year12000, nested: { at: far.bc44, list: [far.latest, ordinary.epoch, { at: far.earliest }] }, plain: ordinary.y2024 };
    await db.collection<Loose>("t").insertOne(document);
    expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual(document);
    expect(await db.collection<Loose>("t").aggregate([{ $match: { _id: 1 } }, { $addFields: { copy: "$nested" } }]).toArray()).toEqual([
      { ...document, copy: document.nested },
    ]);
    const before = await db.collection<Loose>("t").findOneAndUpdate({ _id: 1 }, { $set: { at: far.after9999 } });
    expect(before?.at).toEqual(far.year12000);
    expect((await db.collection<Loose>("t").findOne({ _id: 1 }))?.at).toEqual(far.after9999);
    expect(await db.collection<Loose>("t").distinct("nested.list")).toEqual([far.latest, ordinary.epoch, { at: far.earliest }]);
  });

  it("keeps the milliseconds just past either end of the years 1 to 9999", async () => {
    const db = freshDb();
    const edges = [new Date(253_402_300_799_999), new Date(253_402_300_800_000), new Date(-62_135_596_800_000), new Date(-62_135_596_800_001)];
    await db.collection<Loose>("t").insertMany(edges.map((at, index) => ({ _id: index, at })));
    const found = await db.collection<Loose>("t").find({}, { sort: { _id: 1 } }).toArray();
    expect(found.map((d) => (d.at as Date).getTime())).toEqual(edges.map((d) => d.getTime()));
  });

  it("compares far and ordinary dates by milliseconds within the date bracket only", async () => {
    const { db } = await seeded();
    expect(await ids(db, "t", { at: { $gt: ordinary.y2024 } })).toEqual([7, 8, 9]);
    expect(await ids(db, "t", { at: { $lt: ordinary.year1 } })).toEqual([1, 2, 3]);
    expect(await ids(db, "t", { at: { $gte: far.bc44, $lte: far.after9999 } })).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await ids(db, "t", { at: far.year12000 })).toEqual([8]);
    expect(await ids(db, "t", { at: { $in: [far.earliest, ordinary.epoch, far.latest] } })).toEqual([1, 5, 9]);
    expect(await ids(db, "t", { at: { $ne: far.bc44, $type: "date" } })).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
    expect(await ids(db, "t", { at: { $gt: 0 } })).toEqual([100]);
    expect(await ids(db, "t", { $expr: { $gt: ["$at", far.after9999] } })).toEqual([8, 9]);
  });

  it("sorts far dates among ordinary ones in both directions", async () => {
    const { db } = await seeded();
    const ascending = await db.collection<Loose>("t").find({ at: { $type: "date" } }, { sort: { at: 1 } }).toArray();
    expect(ascending.map((d) => d._id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const descending = await db.collection<Loose>("t").aggregate([{ $match: { at: { $type: "date" } } }, { $sort: { at: -1 } }]).toArray();
    expect(descending.map((d) => d._id as unknown)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("enforces a unique index on far dates, naming the date in keyValue", async () => {
    const { db } = await seeded();
    await db.collection("t").createIndex({ at: 1 }, { unique: true });
    const error = await rejection(db.collection<Loose>("t").insertOne({ _id: 50, at: new Date(far.year12000.getTime()) }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ at: far.year12000 });
    await db.collection<Loose>("t").insertOne({ _id: 51, at: new Date(far.year12000.getTime() + 1) });
    expect(await db.collection<Loose>("t").countDocuments({ at: { $gt: far.year12000 } })).toBe(2);
  });

  it("applies $max and $min to far dates by milliseconds", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, high: ordinary.y2024, low: ordinary.y2024 });
    await db.collection<Loose>("t").updateOne({ _id: 1 }, { $max: { high: far.year12000 }, $min: { low: far.bc44 } });
    await db.collection<Loose>("t").updateOne({ _id: 1 }, { $max: { high: far.after9999 }, $min: { low: far.before1 } });
    expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual({ _id: 1, high: far.year12000, low: far.bc44 });
  });

  it("takes far dates as _id, and rolls them back with an aborted transaction", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, at: far.latest });
    await db.collection<{ _id: Date; n: number }>("k").insertOne({ _id: far.bc44, n: 1 });
    expect(await db.collection<{ _id: Date; n: number }>("k").findOne({ _id: far.bc44 })).toEqual({ _id: far.bc44, n: 1 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await db.collection<Loose>("t").updateOne({ _id: 1 }, { $set: { at: far.earliest } }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect((await db.collection<Loose>("t").findOne({ _id: 1 }))?.at).toEqual(far.latest);
  });
});

describe("cursors", () => {
  it("serves large results over getMore in batches and ends the cursor", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(Array.from({ length: 1050 }, (_, i) => ({ _id: i })));
    const first = await cursorCommand(db, { find: "t", batchSize: 100, sort: { _id: 1 } });
    expect(first.firstBatch).toHaveLength(100);
    expect(Number(first.id)).not.toBe(0);
    const more = await cursorCommand(db, { getMore: first.id, collection: "t", batchSize: 1000 });
    expect(more.nextBatch).toHaveLength(950);
    expect(Number(more.id)).toBe(0);
    let count = 0;
    for await (const _ of db.collection<Loose>("t").find({}, { batchSize: 7 })) count++;
    expect(count).toBe(1050);
  });

  it("kills a cursor, after which getMore fails with CursorNotFound (43)", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i })));
    const first = await cursorCommand(db, { find: "t", batchSize: 2 });
    const killed = await db.command({ killCursors: "t", cursors: [first.id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const error = await rejection(db.command({ getMore: first.id, collection: "t" }));
    expect(error.code).toBe(43);
  });

  it("returns a single batch when asked", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i })));
    const first = await cursorCommand(db, { find: "t", batchSize: 3, singleBatch: true });
    expect(first.firstBatch).toHaveLength(3);
    expect(Number(first.id)).toBe(0);
  });
});

describe("counting, distinct and aggregation", () => {
  async function shop(): Promise<Db> {
    const db = freshDb();
    await db.collection<Loose>("users").insertMany([{ _id: 1, name: "ann" }, { _id: 2, name: "bob" }, { _id: 3, name: "cy" }]);
    await db.collection<Loose>("orders").insertMany([
      { _id: 10, user: 1, total: 5, tags: ["a", "b"] },
      { _id: 11, user: 1, total: 7, tags: ["b"] },
      { _id: 12, user: 2, total: 1, tags: [] },
    ]);
    return db;
  }

  it("counts with a filter, skip and limit, and lists distinct values of arrays", async () => {
    const db = await shop();
    expect(await db.collection<Loose>("orders").countDocuments({ user: 1 })).toBe(2);
    expect(await db.collection<Loose>("orders").countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
    expect((await db.collection<Loose>("orders").distinct("tags")).sort()).toEqual(["a", "b"]);
  });

  it("runs $match $sort $skip $limit $project $addFields $group $count", async () => {
    const db = await shop();
    const grouped = await db
      .collection("orders")
      .aggregate([{ $match: { total: { $gt: 1 } } }, { $group: { _id: "$user", sum: { $sum: "$total" } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(grouped).toEqual([{ _id: 1, sum: 12 }]);
    const shaped = await db
      .collection("orders")
      .aggregate([{ $sort: { total: -1 } }, { $skip: 1 }, { $limit: 1 }, { $addFields: { double: { $multiply: ["$total", 2] } } }, { $project: { _id: 0, double: 1 } }])
      .toArray();
    expect(shaped).toEqual([{ double: 10 }]);
    expect(await db.collection<Loose>("orders").aggregate([{ $count: "n" }]).toArray()).toEqual([{ n: 3 }]);
  });

  it("joins with $lookup localField/foreignField and $unwind", async () => {
    const db = await shop();
    const joined = await db
      .collection("orders")
      .aggregate([{ $lookup: { from: "users", localField: "user", foreignField: "_id", as: "u" } }, { $unwind: "$u" }, { $sort: { _id: 1 } }, { $project: { name: "$u.name" } }])
      .toArray();
    expect(joined).toEqual([{ _id: 10, name: "ann" }, { _id: 11, name: "ann" }, { _id: 12, name: "bob" }]);
  });

  it("joins with $lookup let + pipeline using $expr $eq and $in on $$variables", async () => {
    const db = await shop();
    const joined = await db
      .collection("users")
      .aggregate([
        { $lookup: { from: "orders", let: { id: "$_id" }, pipeline: [{ $match: { $expr: { $eq: ["$user", "$$id"] } } }, { $sort: { _id: 1 } }, { $project: { _id: 1 } }], as: "orders" } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(joined.map((u) => u.orders as unknown)).toEqual([[{ _id: 10 }, { _id: 11 }], [{ _id: 12 }], []]);
    const picked = await db
      .collection("users")
      .aggregate([
        { $match: { _id: 1 } },
        { $lookup: { from: "orders", let: { wanted: [10, 12] }, pipeline: [{ $match: { $expr: { $in: ["$_id", "$$wanted"] } } }], as: "o" } },
      ])
      .toArray();
    expect((picked[0]?.o as Document[]).map((o) => o._id as unknown)).toEqual([10, 12]);
  });

  it("reshapes with $replaceRoot", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, inner: { a: 1 } });
    expect(await db.collection<Loose>("t").aggregate([{ $replaceRoot: { newRoot: "$inner" } }]).toArray()).toEqual([{ a: 1 }]);
  });
});

describe("aggregation expressions", () => {
  /** The `out` field an expression gives each document (absent when the expression is missing), by _id. */
  async function evaluate(db: Db, expression: Document): Promise<Document[]> {
    return db.collection("t").aggregate([{ $sort: { _id: 1 } }, { $addFields: { out: expression } }, { $project: { out: 1 } }]).toArray();
  }

  async function awkwardKeys(): Promise<Db> {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([
      { _id: 1, sub: { "a.b": 1, $price: 2, a: { b: 9 } } },
      { _id: 2, sub: { "a.b": null } },
      { _id: 3 },
    ]);
    return db;
  }

  it("reaches keys holding '.' or starting with '$' with $getField and $literal", async () => {
    const db = await awkwardKeys();
    expect(await evaluate(db, { $getField: { field: "a.b", input: "$sub" } })).toEqual([
      { _id: 1, out: 1 },
      { _id: 2, out: null },
      { _id: 3, out: null }, // a missing or null input gives null
    ]);
    expect(await evaluate(db, { $getField: { field: { $literal: "$price" }, input: "$sub" } })).toEqual([{ _id: 1, out: 2 }, { _id: 2 }, { _id: 3, out: null }]);
    expect(await evaluate(db, { $getField: { field: "b", input: { $getField: { field: "a", input: "$sub" } } } })).toEqual([
      { _id: 1, out: 9 },
      { _id: 2, out: null },
      { _id: 3, out: null },
    ]);
    expect(await evaluate(db, { $getField: "sub" })).toEqual([{ _id: 1, out: { "a.b": 1, $price: 2, a: { b: 9 } } }, { _id: 2, out: { "a.b": null } }, { _id: 3 }]);
    expect(await evaluate(db, { $literal: "$sub" })).toEqual([1, 2, 3].map((_id) => ({ _id, out: "$sub" })));
  });

  it("uses $getField and $literal inside $expr", async () => {
    const db = await awkwardKeys();
    expect(await ids(db, "t", { $expr: { $eq: [{ $getField: { field: { $literal: "$price" }, input: "$sub" } }, 2] } })).toEqual([1]);
    expect(await ids(db, "t", { $expr: { $eq: [{ $getField: { field: "a.b", input: "$sub" } }, null] } })).toEqual([2, 3]);
    expect(await ids(db, "t", { $expr: { $eq: ["$sub.a.b", { $literal: 9 }] } })).toEqual([1]);
  });

  it("refuses a $getField field that is not a constant string, and an input that is not an object", async () => {
    const db = await awkwardKeys();
    expect((await rejection(evaluate(db, { $getField: { field: "$price", input: "$sub" } }))).code).toBe(5654602);
    expect((await rejection(evaluate(db, { $getField: { field: "x", input: "$_id" } }))).code).toBe(3041705);
  });

  it("answers $type with the type's name, 'missing' for a missing field", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([
      { _id: 1, v: null },
      { _id: 2, v: new Int32(1) },
      { _id: 3, v: Long.fromNumber(1) },
      { _id: 4, v: new Double(1) },
      { _id: 5, v: Decimal128.fromString("1") },
      { _id: 6, v: "s" },
      { _id: 7, v: { a: 1 } },
      { _id: 8, v: [1] },
      { _id: 9, v: true },
      { _id: 10, v: new Date(0) },
      { _id: 11, v: new Binary(Buffer.from([1])) },
      { _id: 12 },
    ]);
    const names = (await evaluate(db, { $type: "$v" })).map((document) => document.out as unknown);
    expect(names).toEqual(["null", "int", "long", "double", "decimal", "string", "object", "array", "bool", "date", "binData", "missing"]);
    expect(await ids(db, "t", { $expr: { $isNumber: "$v" } })).toEqual([2, 3, 4, 5]);
  });

  it("evaluates $cond in both forms and $ifNull with several arguments, leaving a missing result out", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ _id: 1, a: 5 }, { _id: 2, a: null, b: "b" }, { _id: 3 }]);
    expect(await evaluate(db, { $cond: [{ $gt: ["$a", 1] }, "big", "small"] })).toEqual([
      { _id: 1, out: "big" },
      { _id: 2, out: "small" },
      { _id: 3, out: "small" },
    ]);
    expect(await evaluate(db, { $cond: { if: { $eq: ["$_id", 1] }, then: "$a", else: "$missing" } })).toEqual([{ _id: 1, out: 5 }, { _id: 2 }, { _id: 3 }]);
    expect(await evaluate(db, { $ifNull: ["$a", "$b", "none"] })).toEqual([
      { _id: 1, out: 5 },
      { _id: 2, out: "b" },
      { _id: 3, out: "none" },
    ]);
    expect(await evaluate(db, { $ifNull: ["$a", "$missing"] })).toEqual([{ _id: 1, out: 5 }, { _id: 2 }, { _id: 3 }]);
  });

  it("treats false, null, missing and every numeric zero as false, anything else as true", async () => {
    const db = freshDb();
    const values = [false, null, undefined, new Int32(0), Long.fromNumber(0), new Double(-0), Decimal128.fromString("0.00"), true, 1, "", [], {}, new Double(Number.NaN)];
    await db.collection<Loose>("t").insertMany(values.map((v, index) => (v === undefined ? { _id: index + 1 } : { _id: index + 1, v })));
    expect(await ids(db, "t", { $expr: { $cond: ["$v", true, false] } })).toEqual([8, 9, 10, 11, 12, 13]);
    expect(await ids(db, "t", { $expr: { $not: ["$v"] } })).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("short-circuits $and and $or from the left, so a guard protects what follows it", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany([{ _id: 1, tags: ["a", "b"] }, { _id: 2, tags: "a" }, { _id: 3 }]);
    // $size fails on anything but an array: only the guard keeps these from failing.
    expect(await ids(db, "t", { $expr: { $and: [{ $isArray: "$tags" }, { $gt: [{ $size: "$tags" }, 1] }] } })).toEqual([1]);
    expect(await ids(db, "t", { $expr: { $or: [{ $not: [{ $isArray: "$tags" }] }, { $eq: [{ $size: "$tags" }, 0] }] } })).toEqual([2, 3]);
    expect((await rejection(ids(db, "t", { $expr: { $and: [{ $gt: [{ $size: "$tags" }, 1] }, { $isArray: "$tags" }] } }))).message).toMatch(/\$size/);
    expect(await ids(db, "t", { $expr: { $and: [] } })).toEqual([1, 2, 3]);
    expect(await ids(db, "t", { $expr: { $or: [] } })).toEqual([]);
  });
});

describe("array, string and variable expressions", () => {
  /** The value of `expression` on one document holding `fields` (undefined when it is missing). */
  async function valueOf(expression: unknown, fields: Document = {}): Promise<unknown> {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, ...fields });
    const [found] = await db.collection("t").aggregate([{ $addFields: { out: expression } }]).toArray();
    return found?.out as unknown;
  }

  async function failure(expression: Document, fields: Document = {}): Promise<number | undefined> {
    return (await rejection(valueOf(expression, fields))).code as number | undefined;
  }

  it("evaluates $map with its variable in every nested expression, inner names beside outer ones", async () => {
    const a = [1, 2, 3];
    const table = { $map: { input: "$a", as: "x", in: { $map: { input: "$a", as: "y", in: { $multiply: ["$$x", "$$y"] } } } } };
    expect(await valueOf(table, { a })).toEqual([[1, 2, 3], [2, 4, 6], [3, 6, 9]]);
    const smaller = { $map: { input: "$a", as: "x", in: { $filter: { input: "$a", as: "y", cond: { $lt: ["$$y", "$$x"] } } } } };
    expect(await valueOf(smaller, { a })).toEqual([[], [1], [1, 2]]);
    expect(await valueOf({ $map: { input: "$a", in: { $add: ["$$this", 1] } } }, { a })).toEqual([2, 3, 4]);
    // A missing result is null inside the output; a null or missing input gives null.
    expect(await valueOf({ $map: { input: "$a", in: "$$this.nope" } }, { a })).toEqual([null, null, null]);
    expect(await valueOf({ $map: { input: "$none", in: "$$this" } })).toBeNull();
    expect(await failure({ $map: { input: "$a", in: "$$this" } }, { a: "str" })).toBe(16883);
    expect(await failure({ $map: { input: [1], in: "$$undefinedName" } })).toBe(17276);
  });

  it("keeps $filter elements by MongoDB's truthiness, with a limit, and folds with $reduce", async () => {
    const values = ["x", "", [], {}, 0, null, false, new Double(0.5)];
    expect(await valueOf({ $filter: { input: "$v", cond: "$$this" } }, { v: values })).toEqual(["x", "", [], {}, 0.5]);
    expect(await valueOf({ $filter: { input: [1, 2, 3, 4], as: "n", cond: { $gt: ["$$n", 1] }, limit: 2 } })).toEqual([2, 3]);
    expect(await valueOf({ $filter: { input: "$none", cond: true } })).toBeNull();
    expect(await valueOf({ $reduce: { input: [1, 2, 3], initialValue: 10, in: { $add: ["$$value", "$$this"] } } })).toBe(16);
    expect(await valueOf({ $reduce: { input: [[1], [2, 3]], initialValue: [], in: { $concatArrays: ["$$value", "$$this"] } } })).toEqual([1, 2, 3]);
    expect(await failure({ $reduce: { input: 5, initialValue: 0, in: 0 } })).toBe(40080);
  });

  it("tests membership and truth of arrays with BSON equality", async () => {
    expect(await valueOf({ $in: [true, [1, "true"]] })).toBe(false);
    expect(await valueOf({ $in: [1, [new Double(1), "x"]] })).toBe(true);
    expect(await valueOf({ $in: ["$missing", [null]] })).toBe(false);
    expect(await valueOf({ $in: ["$v", ["$w", 9]] }, { v: 4, w: 4 })).toBe(true);
    expect(await failure({ $in: [1, "$missing"] })).toBe(40081);
    expect(await valueOf({ $anyElementTrue: [[0, null, false, ""]] })).toBe(true);
    expect(await valueOf({ $anyElementTrue: [[0, null, false]] })).toBe(false);
    expect(await valueOf({ $allElementsTrue: [[1, [], {}]] })).toBe(true);
    expect(await valueOf({ $allElementsTrue: [[]] })).toBe(true);
    expect(await failure({ $anyElementTrue: "$missing" })).toBe(17041);
    expect(await valueOf({ $setIsSubset: [[1, "a"], ["a", new Double(1), 2]] })).toBe(true);
    expect(await valueOf({ $setIsSubset: [[true], [1]] })).toBe(false);
  });

  it("measures, joins and indexes arrays, failing on what is not one", async () => {
    expect(await valueOf({ $size: "$a" }, { a: [1, [2, 3]] })).toBe(2);
    expect(await failure({ $size: "$missing" })).toBe(17124);
    expect(await valueOf({ $concatArrays: ["$a", [3], []] }, { a: [1, 2] })).toEqual([1, 2, 3]);
    expect(await valueOf({ $concatArrays: ["$a", "$missing"] }, { a: [1] })).toBeNull();
    expect(await failure({ $concatArrays: ["$a", "x"] }, { a: [1] })).toBe(28664);
    expect(await valueOf({ $arrayElemAt: ["$a", -1] }, { a: [1, 2, 3] })).toBe(3);
    expect(await valueOf({ $arrayElemAt: ["$a", new Double(1)] }, { a: [1, 2, 3] })).toBe(2);
    expect(await valueOf({ $arrayElemAt: ["$a", 3] }, { a: [1, 2, 3] })).toBeUndefined();
    expect(await valueOf({ $arrayElemAt: ["$missing", 0] })).toBeNull();
    expect(await failure({ $arrayElemAt: ["$a", 0.5] }, { a: [1] })).toBe(28691);
  });

  it("reads field paths through arrays from sub-documents only, never by position", async () => {
    const o = [{ b: 1 }, { c: 2 }, 5, [{ b: 7 }], { b: 3 }];
    expect(await valueOf("$o.b", { o })).toEqual([1, 3]);
    expect(await valueOf("$a.0", { a: [10, 20] })).toEqual([]);
    expect(await valueOf(["$a", "$missing"], { a: 1 })).toEqual([1, null]);
  });

  it("counts code points with $strLenCP", async () => {
    expect(await valueOf({ $strLenCP: "$s" }, { s: "héllo😀" })).toBe(6);
    expect(await failure({ $strLenCP: "$missing" })).toBe(34471);
  });

  it("evaluates $regexMatch like $regex: options, \\z and \\Z, null input false, other input an error", async () => {
    expect(await valueOf({ $regexMatch: { input: "$s", regex: "^hello$", options: "im" } }, { s: "x\nHELLO" })).toBe(true);
    expect(await valueOf({ $regexMatch: { input: "a\nb", regex: "a.b", options: "s" } })).toBe(true);
    expect(await valueOf({ $regexMatch: { input: "a\nb", regex: "a.b" } })).toBe(false);
    expect(await valueOf({ $regexMatch: { input: "ab\n", regex: "b\\z" } })).toBe(false);
    expect(await valueOf({ $regexMatch: { input: "ab\n", regex: "b\\Z" } })).toBe(true);
    expect(await valueOf({ $regexMatch: { input: "AB", regex: /ab/i } })).toBe(true);
    expect(await valueOf({ $regexMatch: { input: "$missing", regex: "x" } })).toBe(false);
    expect(await valueOf({ $regexMatch: { input: null, regex: "x" } })).toBe(false);
    expect(await failure({ $regexMatch: { input: 5, regex: "x" } })).toBe(51104);
    expect(await failure({ $regexMatch: { input: "a", regex: "a", options: "q" } })).toBe(51108);
    expect(await failure({ $regexMatch: { input: "a", regex: /a/i, options: "m" } })).toBe(51075);
  });

  it("bounds a catastrophic $regexMatch inside $expr with an error instead of hanging", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, s: `${"a".repeat(40)}b` });
    const error = await rejection(db.collection<Loose>("t").find({ $expr: { $regexMatch: { input: "$s", regex: "^(a+)+$" } } }).toArray());
    expect(error.code).toBeTypeOf("number");
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it("compares across types in BSON order, missing below null and unequal to it", async () => {
    const ascending = [null, -1, "", "a", {}, [], new Binary(Buffer.from([0])), new ObjectId("000000000000000000000000"), false, true, new Date(0)];
    for (let index = 1; index < ascending.length; index++) {
      expect(await valueOf({ $lt: [{ $literal: ascending[index - 1] }, { $literal: ascending[index] }] })).toBe(true);
      expect(await valueOf({ $gt: [{ $literal: ascending[index - 1] }, { $literal: ascending[index] }] })).toBe(false);
    }
    expect(await valueOf({ $lt: ["$missing", null] })).toBe(true);
    expect(await valueOf({ $eq: ["$missing", null] })).toBe(false);
    expect(await valueOf({ $eq: ["$missing", "$alsoMissing"] })).toBe(true);
    expect(await valueOf({ $eq: [true, 1] })).toBe(false);
  });
});

describe("keyset paging (served from the ordered _id list)", () => {
  async function pages(db: Db, pageSize: number, direction: 1 | -1, filterAfter: (last: unknown) => Document): Promise<unknown[]> {
    const seen: unknown[] = [];
    let last: unknown;
    for (let round = 0; round < 100; round++) {
      const filter = last === undefined ? filterAfter(undefined) : filterAfter(last);
      const page = await db.collection<Loose>("t").find(filter, { sort: { _id: direction }, limit: pageSize }).toArray();
      if (!page.length) break;
      seen.push(...page.map((document) => document._id));
      last = page.at(-1)?._id;
    }
    return seen;
  }

  it("pages forward and backward through $gt / $lt on _id, alone, in $and and in every $or branch", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertMany(Array.from({ length: 25 }, (_, index) => ({ _id: index % 2 ? index : new Double(index + 0.5), n: index % 3 })));
    const all = (await db.collection<Loose>("t").find({}, { sort: { _id: 1 } }).toArray()).map((document) => document._id);
    const notTwo = (await db.collection<Loose>("t").find({ n: { $ne: 2 } }, { sort: { _id: 1 } }).toArray()).map((document) => document._id);
    expect(await pages(db, 4, 1, (last) => (last === undefined ? {} : { _id: { $gt: last } }))).toEqual(all);
    expect(await pages(db, 4, -1, (last) => (last === undefined ? {} : { _id: { $lt: last } }))).toEqual([...all].reverse());
    expect(await pages(db, 3, 1, (last) => ({ $and: [{ n: { $ne: 2 } }, ...(last === undefined ? [] : [{ $or: [{ _id: { $gt: last } }] }])] }))).toEqual(notTwo);
    expect(await pages(db, 5, 1, (last) => (last === undefined ? {} : { $or: [{ _id: { $gt: last, $lte: 12 } }, { $and: [{ _id: { $gt: last } }, { _id: { $gt: 12 } }] }] }))).toEqual(all);
    const window = await db.collection<Loose>("t").find({ _id: { $gte: 3, $lt: 9 }, n: { $ne: 0 } }, { sort: { _id: -1 }, skip: 1, limit: 2 }).toArray();
    expect(window.map((document) => document._id)).toEqual([7, 5]);
  });

  it("sees writes made between pages", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany(Array.from({ length: 10 }, (_, index) => ({ _id: index + 1 })));
    const first = await t.find({ _id: { $gt: 0 } }, { sort: { _id: 1 }, limit: 3 }).toArray();
    expect(first.map((document) => document._id)).toEqual([1, 2, 3]);
    await t.deleteOne({ _id: 4 });
    await t.insertOne({ _id: 3.5 });
    await t.updateOne({ _id: 5 }, { $set: { hidden: true } });
    const second = await t.find({ _id: { $gt: 3 }, hidden: { $exists: false } }, { sort: { _id: 1 }, limit: 3 }).toArray();
    expect(second.map((document) => document._id)).toEqual([3.5, 6, 7]);
  });

  it("orders _id values of several types by type bracket, and bounds of another type match nothing", async () => {
    const db = freshDb();
    const t = db.collection<Loose>("t");
    await t.insertMany([{ _id: "b" }, { _id: 2 }, { _id: "a" }, { _id: 1 }]);
    expect((await t.find({ _id: { $gt: 1 } }, { sort: { _id: 1 }, limit: 10 }).toArray()).map((document) => document._id)).toEqual([2]);
    expect((await t.find({ _id: { $gt: "" } }, { sort: { _id: -1 }, limit: 10 }).toArray()).map((document) => document._id)).toEqual(["b", "a"]);
    await t.deleteMany({ _id: { $type: "string" } });
    expect((await t.find({ _id: { $gt: "" } }, { sort: { _id: 1 }, limit: 10 }).toArray()).map((document) => document._id)).toEqual([]);
  });
});

describe("catalog", () => {
  it("creates, lists by name and drops collections; dropDatabase empties the database", async () => {
    const db = freshDb();
    await db.createCollection("a");
    await db.createCollection("b");
    const error = await rejection(db.createCollection("a"));
    expect(error.code).toBe(48);
    expect((await db.listCollections({ name: "a" }).toArray()).map((c) => c.name)).toEqual(["a"]);
    await db.collection<Loose>("a").drop();
    expect((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)).toEqual(["b"]);
    await db.dropDatabase();
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it("lists and drops indexes", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").createIndex({ a: 1, b: -1 }, { unique: true, name: "ab" });
    await db.collection<Loose>("t").createIndex({ a: 1, b: -1 }, { unique: true, name: "ab" }); // idempotent
    const indexes = (await db.collection<Loose>("t").listIndexes().toArray()) as IndexInfo[];
    expect(indexes.map((i) => [i.name, i.key, i.unique ?? false])).toEqual([["_id_", { _id: 1 }, false], ["ab", { a: 1, b: -1 }, true]]);
    await db.collection<Loose>("t").dropIndex("ab");
    const left = (await db.collection<Loose>("t").listIndexes().toArray()) as IndexInfo[];
    expect(left.map((i) => i.name)).toEqual(["_id_"]);
  });

  it("lists databases that hold data", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({});
    const { databases } = await client.db("admin").admin().listDatabases();
    expect(databases.map((d) => d.name)).toContain(db.databaseName);
  });
});

describe("transactions", () => {
  it("commits with withTransaction", async () => {
    const db = freshDb();
    await db.createCollection("t");
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await db.collection<Loose>("t").insertOne({ _id: 1 }, { session });
        await db.collection<Loose>("t").updateOne({ _id: 1 }, { $set: { v: 1 } }, { session });
      });
    } finally {
      await session.endSession();
    }
    expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual({ _id: 1, v: 1 });
  });

  it("rolls every write back when the callback throws", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, v: 0 });
    const session = client.startSession();
    try {
      const failure = session.withTransaction(async () => {
        await db.collection<Loose>("t").updateOne({ _id: 1 }, { $set: { v: 1 } }, { session });
        await db.collection<Loose>("t").insertOne({ _id: 2 }, { session });
        await db.collection<Loose>("created_inside").insertOne({ _id: 1 }, { session });
        throw new Error("rollback please");
      });
      await expect(failure).rejects.toThrow("rollback please");
    } finally {
      await session.endSession();
    }
    expect(await db.collection<Loose>("t").find().toArray()).toEqual([{ _id: 1, v: 0 }]);
    expect((await db.listCollections().toArray()).map((c) => c.name)).toEqual(["t"]);
  });

  it("hides uncommitted writes from reads outside the transaction", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, v: 0 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await db.collection<Loose>("t").updateOne({ _id: 1 }, { $set: { v: 1 } }, { session });
      expect(await db.collection<Loose>("t").findOne({ _id: 1 }, { session })).toEqual({ _id: 1, v: 1 });
      expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual({ _id: 1, v: 0 });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    expect(await db.collection<Loose>("t").findOne({ _id: 1 })).toEqual({ _id: 1, v: 1 });
  });

  it("serializes two sessions' transactions; withTransaction retries the one that conflicted", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: "counter", n: 0 });
    const increment = async () => {
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          const current = await db.collection<Loose>("t").findOne({ _id: "counter" }, { session });
          await db.collection<Loose>("t").updateOne({ _id: "counter" }, { $set: { n: (current?.n as number) + 1 } }, { session });
        });
      } finally {
        await session.endSession();
      }
    };
    await Promise.all([increment(), increment(), increment()]);
    expect((await db.collection<Loose>("t").findOne({ _id: "counter" }))?.n).toBe(3);
  });

  it("lets a plain write wait for an open transaction instead of losing it", async () => {
    const db = freshDb();
    await db.collection<Loose>("t").insertOne({ _id: 1, v: 0 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await db.collection<Loose>("t").insertOne({ _id: 2 }, { session });
      const plain = db.collection<Loose>("t").insertOne({ _id: 3 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await session.abortTransaction();
      await plain;
    } finally {
      await session.endSession();
    }
    expect(await ids(db, "t", {})).toEqual([1, 3]);
  });
});
