import type { Document, ObjectId } from "mongodb";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, type BenchLibrary, type MongoTarget } from "../library.js";
import { insertAtomically, mongoClient, supportsTransactions } from "../mongodb.js";

/** A user document: the row, keyed by `_id` (the raw client generates an ObjectId when none is given). */
type UserDocument = UserInput & { _id?: number | ObjectId };

/**
 * The baseline on MongoDB: the official client as its documentation writes queries. Setup gives
 * users and authors the integer `_id`s 1, 2, ... (not timed), so lookups and `authorId` find them
 * as Ommi's generated keys do.
 */
export function rawMongo(target: MongoTarget): BenchLibrary {
  const client = mongoClient(target.url);
  const db = client.db(target.database);
  const user = db.collection<UserDocument>("User");
  const inserted = db.collection<UserDocument>("UserInsert");
  const streamed = db.collection<UserDocument>("UserStream");
  const author = db.collection<{ _id: number; name: string; country: string }>("Author");
  const book = db.collection<{ title: string; authorId: number; year: number }>("Book");
  let transactional = false;

  return {
    async setup() {
      await client.connect();
      transactional = await supportsTransactions(db);
      await book.createIndex({ authorId: 1 });
      for (const batch of chunks(users(USER_COUNT).map((row, index) => ({ _id: index + 1, ...row })))) await user.insertMany(batch);
      await author.insertMany(authors().map((row, index) => ({ _id: index + 1, ...row })));
      for (const batch of chunks(books())) await book.insertMany(batch);
    },
    insert: (rows) => insertAtomically(client, inserted, rows, transactional),
    clearInserted: () => inserted.deleteMany({}),
    fetchFiltered: async () => (await user.find({ age: { $lt: FILTERS.fetchBelowAge } }).toArray()).length,
    lookup: async (id) => (await user.findOne({ _id: id })) !== null,
    count: () => user.countDocuments({ age: { $gte: FILTERS.countFromAge }, active: true }),
    // matchedCount, as SQL counts the rows an UPDATE touched.
    update: async (score) => (await user.updateMany({ age: { $lt: FILTERS.updateBelowAge } }, { $set: { score } })).matchedCount,
    // MongoDB has no join a raw user would reach for here: the authors' keys, then their books.
    crossModel: async () => {
      const keys = await author.find({ country: FILTERS.authorCountry }, { projection: { _id: 1 } }).toArray();
      const ids = keys.map((key) => key._id);
      return (await book.find({ authorId: { $in: ids } }).toArray()).length;
    },
    async loadStream(batches) {
      for (const batch of batches) await streamed.insertMany(batch);
    },
    stream: (): AsyncIterable<Document> => streamed.find(),
    teardown: () => client.close(),
  };
}
