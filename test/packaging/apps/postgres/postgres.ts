// Zod on PostgreSQL. Only compiled: no server is contacted.
import { z } from "zod";
import { Ommi, model } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";

export const Order = model(z.object({ id: z.number().int().optional(), total: z.number() }), { name: "PostgresOrder" });

const options: PostgreSQLOptions = { url: "postgres://app@127.0.0.1:5432/app", max: 4, idleTimeout: 5, ssl: "require", statementTimeout: 1000 };

export async function openOrders(): Promise<Ommi> {
  const db = new Ommi(await PostgreSQLDriver.connect(options));
  await db.schema().createModels().raiseOnErrors();
  return db;
}
