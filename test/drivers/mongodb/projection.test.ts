import { randomBytes } from "node:crypto";
import type { CommandStartedEvent, Document, MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { model, ModelCollection, Ommi, StoreAs, when } from "ommi";
import { MongoDBDriver } from "ommi/mongodb";
import { startMongoStandin, type MongoStandin } from "../../support/mongo-standin.js";

// find(...).select/omit on MongoDB: the documents are read with a projection of the stored
// properties of the fields read, seen here in the commands the official client sends.

let standin: MongoStandin | undefined;
let url: string;
const open: MongoDBDriver[] = [];

beforeAll(async () => {
  url = process.env.OMMI_TEST_MONGO_URL ?? (standin = await startMongoStandin()).url;
});

afterAll(async () => {
  await Promise.all(open.map((driver) => driver.close()));
  await standin?.stop();
});

async function fresh() {
  const driver = await MongoDBDriver.connect({ url, database: `ommi_projection_${randomBytes(6).toString("hex")}`, client: { monitorCommands: true } });
  open.push(driver);
  const commands: Document[] = [];
  // The driver's client, to watch what it sends (a private property, read only by this test).
  const client = (driver as unknown as { client: MongoClient }).client;
  client.on("commandStarted", (event: CommandStartedEvent) => {
    if (event.commandName === "find" || event.commandName === "aggregate") commands.push(event.command);
  });
  const collection = new ModelCollection();
  const Member = model(
    z.object({ id: z.number().int(), name: z.string(), tags: z.array(z.string()), age: z.number().int() }),
    { name: "Member", collection, fields: { name: StoreAs("full_name") } },
  );
  const db = new Ommi(driver);
  return { db, collection, Member, commands };
}

describe("MongoDB reads of a selection", () => {
  it("projects the stored properties of the fields read; _id only when a field is stored there", async () => {
    const { db, collection, Member, commands } = await fresh();
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Member, [{ id: 1, name: "Ann", tags: ["x"], age: 30 }]).raiseOnErrors();
    expect(await db.find(Member).select("name").all().value).toStrictEqual([{ name: "Ann" }]);
    expect(await db.find(Member).omit("tags").one().value).toStrictEqual({ id: 1, name: "Ann", age: 30 });
    expect(await db.find(Member).all().value).toStrictEqual([{ id: 1, name: "Ann", tags: ["x"], age: 30 }]);
    expect(commands.map((command) => command.projection as unknown)).toEqual([{ full_name: 1, _id: 0 }, { _id: 1, full_name: 1, age: 1 }, undefined]);
  });

  it("a sort by an array's length (an aggregate) projects the same way", async () => {
    const { db, collection, Member, commands } = await fresh();
    await db.schema(collection).createModels().raiseOnErrors();
    await db.add(Member, [{ id: 1, name: "Ann", tags: ["x", "y"], age: 30 }, { id: 2, name: "Bo", tags: [], age: 3 }]).raiseOnErrors();
    const rows = await db.find(when(Member).sort(Member.tags.length.asc())).select("name").all().value;
    expect(rows).toStrictEqual([{ name: "Bo" }, { name: "Ann" }]);
    const pipeline = commands.at(-1)?.pipeline as Document[];
    expect(pipeline.at(-1)).toEqual({ $project: { full_name: 1, _id: 0 } });
  });
});
