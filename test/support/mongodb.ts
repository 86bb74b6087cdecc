import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { MongoDBDriver, type MongoDBOptions } from "ommi/mongodb";
import type { DriverUnderTest } from "./drivers.js";
import { standinUnavailable, startMongoStandin, type MongoStandin } from "./mongo-standin.js";

/**
 * The MongoDB the tests run against: the server OMMI_TEST_MONGO_URL names (the live suite), or
 * else a local stand-in (test/support/mongo-standin/), started once per test file on first use.
 */
export const liveMongoUrl = process.env.OMMI_TEST_MONGO_URL;

let standin: Promise<MongoStandin> | undefined;

/** The stand-in of this test process, started on first use and stopped when the process ends. */
function startedStandin(): Promise<MongoStandin> {
  if (!standin) {
    standin = startMongoStandin();
    standin.then((started) => process.once("exit", () => void started.stop()), () => undefined);
  }
  return standin;
}

/** The URL of the server under test. */
export async function mongoUrl(): Promise<string> {
  return liveMongoUrl ?? (await startedStandin()).url;
}

/** Why no MongoDB can be reached here, or undefined when one can. */
export async function mongoUnavailable(): Promise<string | undefined> {
  if (!liveMongoUrl) {
    const missing = standinUnavailable();
    if (missing) return `the MongoDB stand-in cannot run (${missing}); install python3-mongomock and python3-mockupdb, or set OMMI_TEST_MONGO_URL`;
  }
  const probe = new MongoClient(await mongoUrl().catch((error: Error) => `unreachable://${error.message}`), { serverSelectionTimeoutMS: 5_000 });
  try {
    await probe.db("admin").command({ ping: 1 });
    return undefined;
  } catch (error) {
    return `MongoDB at ${liveMongoUrl ?? "the stand-in"} is not available (${(error as Error).message})`;
  } finally {
    await probe.close();
  }
}

/** True when the server under test is the stand-in, not a real MongoDB: it says so in buildInfo. */
export async function isStandin(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    const info = await client.db("admin").command({ buildInfo: 1 });
    return info.ommiStandin === true;
  } finally {
    await client.close();
  }
}

/** A driver on a fresh database (`ommi_test_<random>`), with any further options; `dispose` drops the database. */
export async function openMongo(options: Omit<MongoDBOptions, "url" | "database"> = {}): Promise<{ driver: MongoDBDriver; database: string; dispose(): Promise<void> }> {
  const url = await mongoUrl();
  const database = `ommi_test_${randomBytes(8).toString("hex")}`;
  const driver = await MongoDBDriver.connect({ ...options, url, database });
  return {
    driver,
    database,
    async dispose() {
      await driver.close();
      const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
      try {
        await admin.db(database).dropDatabase();
      } finally {
        await admin.close();
      }
    },
  };
}

/** MongoDB, one fresh database per test: the stand-in unless OMMI_TEST_MONGO_URL names a real server. */
export const mongodbUnderTest: DriverUnderTest = {
  name: liveMongoUrl ? "mongodb" : "mongodb (stand-in)",
  unavailable: mongoUnavailable,
  open: () => openMongo(),
};
