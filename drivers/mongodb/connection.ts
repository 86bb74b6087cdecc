import { MongoClient, type Document } from "mongodb";
import { ConnectionError } from "../../src/kit/driver.js";
import { fromMongoError } from "./errors.js";
import { clientOptions, type MongoDBOptions } from "./options.js";

/** What the server said about itself in `hello`: whether it can run transactions. */
export interface Topology {
  /** A replica set member (`setName`) or a mongos (`msg: "isdbgrid"`): MongoDB runs transactions there only. */
  readonly transactions: boolean;
}

/** The official client for these options. A malformed url is a ConnectionError that does not repeat it (it may hold a password). */
export function createClient(options: MongoDBOptions): MongoClient {
  try {
    return new MongoClient(options.url, clientOptions(options));
  } catch (error) {
    throw new ConnectionError("MongoDB options: url is not a valid MongoDB connection string (mongodb://host:port/?options)", { cause: error });
  }
}

/** Asks the server what it is (`hello`), within the client's server selection timeout; connection trouble is a ConnectionError. */
export async function detectTopology(client: MongoClient): Promise<Topology> {
  let hello: Document;
  try {
    hello = await client.db("admin").command({ hello: 1 });
  } catch (error) {
    throw fromMongoError(error, "connecting");
  }
  return { transactions: typeof hello.setName === "string" || hello.msg === "isdbgrid" };
}
