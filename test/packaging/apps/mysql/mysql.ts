// Zod on MySQL or MariaDB. Only compiled: no server is contacted.
import { z } from "zod";
import { Ommi, model } from "ommi";
import { MySQLDriver, type MySQLOptions } from "ommi/mysql";

export const Invoice = model(z.object({ id: z.number().int().optional(), total: z.number() }), { name: "MySQLInvoice" });

const options: MySQLOptions = { url: "mysql://app@127.0.0.1:3306/app", max: 4, isolation: "read committed" };

export async function openInvoices(): Promise<Ommi> {
  const db = new Ommi(await MySQLDriver.connect(options));
  await db.schema().createModels().raiseOnErrors();
  return db;
}
