import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi, TransactionError } from "ommi";
import { MongoDBDriver } from "ommi/mongodb";
import { freePort } from "../../support/free-port.js";

// Connections that cannot work, without any server: nothing listens on the port.

const collection = new ModelCollection();
const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection });
const drivers: MongoDBDriver[] = [];

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((driver) => driver.close()));
});

async function unreachable(): Promise<MongoDBDriver> {
  const port = await freePort();
  const driver = await MongoDBDriver.connect({ url: `mongodb://127.0.0.1:${port}/?directConnection=true`, database: "ommi", serverSelectionTimeoutMS: 300, connectTimeoutMS: 300 });
  drivers.push(driver);
  return driver;
}

describe("MongoDB: a server that cannot be reached", () => {
  it("fails each call with a ConnectionError through its result, within serverSelectionTimeoutMS", async () => {
    const db = new Ommi(await unreachable());
    const found = await db.find(Thing).all();
    expect(found.ok ? undefined : found.error).toBeInstanceOf(ConnectionError);
    const added = await db.add(Thing, { id: 1, name: "a" });
    expect(added.ok ? undefined : added.error).toBeInstanceOf(ConnectionError);
    const created = await db.schema(collection).createModels();
    expect(created.ok ? undefined : created.error).toBeInstanceOf(ConnectionError);
  });

  it("fails a transaction with a TransactionError caused by the ConnectionError", async () => {
    const db = new Ommi(await unreachable());
    const failure = await db.transaction(() => Promise.resolve()).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(TransactionError);
    expect((failure as Error).cause).toBeInstanceOf(ConnectionError);
  });

  it("refuses options that cannot work with a ConnectionError that does not repeat the url", async () => {
    const secret = "s3cret-Passw0rd";
    const refused = (options: Parameters<typeof MongoDBDriver.connect>[0]) => MongoDBDriver.connect(options).then(() => undefined, (error: unknown) => error);
    const badUrl = await refused({ url: `notmongo://user:${secret}@host`, database: "ommi" });
    expect(badUrl).toBeInstanceOf(ConnectionError);
    expect((badUrl as Error).message).not.toContain(secret);
    expect(await refused({ url: "mongodb://127.0.0.1:1", database: "" })).toBeInstanceOf(ConnectionError);
    expect(await refused({ url: "mongodb://127.0.0.1:1", database: "ommi", serverSelectionTimeoutMS: 0 })).toBeInstanceOf(ConnectionError);
  });
});
