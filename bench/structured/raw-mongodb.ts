import type { ObjectId } from "mongodb";
import { chunks, type MongoTarget } from "../library.js";
import { insertAtomically, mongoClient, supportsTransactions } from "../mongodb.js";
import { customers, STRUCTURED_FILTERS, type CustomerInput } from "./data.js";
import type { StructuredLibrary } from "./library.js";

type CustomerDocument = CustomerInput & { _id?: ObjectId };

/** The official client: the address a sub-document, the tags an array, both native; conditions on a dotted path and on array membership. */
export function rawStructuredMongo(target: MongoTarget): StructuredLibrary {
  const client = mongoClient(target.url);
  const db = client.db(target.database);
  const customer = db.collection<CustomerDocument>("Customer");
  const inserted = db.collection<CustomerDocument>("CustomerInsert");
  let transactional = false;
  const count = async (found: Promise<unknown[]>) => (await found).length;
  return {
    async setup() {
      await client.connect();
      transactional = await supportsTransactions(db);
      for (const batch of chunks(customers())) await customer.insertMany(batch);
    },
    insert: (rows) => insertAtomically(client, inserted, rows, transactional),
    clearInserted: () => inserted.deleteMany({}),
    fetch: () => count(customer.find({ age: { $lt: STRUCTURED_FILTERS.fetchBelowAge } }).toArray()),
    byCity: () => count(customer.find({ "address.city": STRUCTURED_FILTERS.city }).toArray()),
    withTag: () => count(customer.find({ tags: STRUCTURED_FILTERS.tag }).toArray()),
    teardown: () => client.close(),
  };
}
