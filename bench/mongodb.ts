import { MongoClient, type ClientSession, type Collection, type Db, type Document, type OptionalUnlessRequiredId } from "mongodb";
import { standinUnavailable, startMongoStandin } from "../test/support/mongo-standin.js";
import { chunks } from "./library.js";
import type { SuiteTarget } from "./suite.js";

/** What the benchmark says of the stand-in wherever its figures appear. */
export const STANDIN_LABEL = "MongoDB stand-in (mongomock over the wire — NOT a real MongoDB; figures compare Ommi with the raw client on the same stand-in only)";

/** The server the MongoDB suites run on, and how to let it go at the end. */
export interface MongoServer {
  readonly url: string;
  /** The database label of the report: the stand-in's, or "MongoDB <version>". */
  readonly label: string;
  readonly standin: boolean;
  stop(): Promise<void>;
}

/** A client that gives up quickly when nothing answers. */
export function mongoClient(url: string): MongoClient {
  return new MongoClient(url, { serverSelectionTimeoutMS: 5_000, maxPoolSize: 1 });
}

async function describeServer(url: string): Promise<{ version: string; standin: boolean }> {
  const client = mongoClient(url);
  try {
    const info = await client.db("admin").command({ buildInfo: 1 });
    return { version: String(info.version), standin: info.ommiStandin === true };
  } finally {
    await client.close();
  }
}

/**
 * The server OMMI_BENCH_MONGO_URL names (a real MongoDB), or else the local stand-in, started
 * here and stopped by `stop()`; a string says why MongoDB cannot be measured.
 */
export async function openMongoServer(url: string | undefined): Promise<MongoServer | string> {
  if (url) {
    try {
      const { version, standin } = await describeServer(url);
      return { url, label: standin ? STANDIN_LABEL : `MongoDB ${version} (OMMI_BENCH_MONGO_URL)`, standin, stop: () => Promise.resolve() };
    } catch (error) {
      return `MongoDB not measured: nothing answers at OMMI_BENCH_MONGO_URL (${(error as Error).message})`;
    }
  }
  const missing = standinUnavailable();
  if (missing) return `MongoDB not measured: the stand-in cannot run (${missing}); set OMMI_BENCH_MONGO_URL to measure a real server`;
  const standin = await startMongoStandin();
  return { url: standin.url, label: STANDIN_LABEL, standin: true, stop: () => standin.stop() };
}

/** Drops a library's database (a crashed run's leftovers before, its own after). */
export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = mongoClient(url);
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}

/** Transactions need a replica set or a sharded cluster; a standalone server has none. */
export async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return typeof hello.setName === "string" || hello.msg === "isdbgrid";
}

/**
 * insertMany in batches of 1,000, all inside one transaction when the server has them: Ommi's
 * add of many rows is atomic the same way, so the raw client does the same work.
 */
export async function insertAtomically<T extends Document>(client: MongoClient, collection: Collection<T>, rows: OptionalUnlessRequiredId<T>[], transactional: boolean): Promise<void> {
  const insert = async (session?: ClientSession) => {
    for (const batch of chunks(rows)) await collection.insertMany(batch, { session });
  };
  if (!transactional) return insert();
  await client.withSession((session) => session.withTransaction(() => insert(session)));
}

/** Each library gets its own database on the server, dropped before (a crashed run's) and after. */
export function mongoSuiteTarget(server: MongoServer): SuiteTarget {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/_$/, "");
  return {
    database: server.label,
    targetFor: (factory) => ({ kind: "mongodb", url: server.url, database: `ommi_bench_${slug(factory.name)}` }),
    create: (target) => (target.kind === "mongodb" ? dropDatabase(server.url, target.database) : Promise.resolve()),
    remove: (target) => (target.kind === "mongodb" ? dropDatabase(server.url, target.database) : Promise.resolve()),
  };
}
