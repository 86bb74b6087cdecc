// Zod on MongoDB, with the official client's own options passed through. Only compiled.
import { z } from "zod";
import { Ommi, model } from "ommi";
import { MongoDBDriver, type MongoDBOptions } from "ommi/mongodb";

export const Event = model(z.object({ id: z.number().int().optional(), kind: z.string() }), { name: "MongoEvent" });

const options: MongoDBOptions = { url: "mongodb://127.0.0.1:27017/?replicaSet=rs0", database: "app", client: { appName: "app" } };

export async function openEvents(): Promise<Ommi> {
  return new Ommi(await MongoDBDriver.connect(options));
}
