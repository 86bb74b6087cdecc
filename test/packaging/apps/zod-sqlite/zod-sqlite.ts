// The README's first app: Zod on SQLite, with nothing else installed. It also names the types of
// the other entries an app or a driver's author reaches for (ommi/conformance runs under vitest,
// which this app does not have: its types must not need it).
import { z } from "zod";
import { Auto, Key, Ommi, model, when, type DBResult, type RowOf } from "ommi";
import { SQLiteDriver, type SQLiteOptions } from "ommi/sqlite";
import type { Driver, DriverCapabilities } from "ommi/driver";
import type { SchemaAdapter } from "ommi/adapter";
import type { ConformanceOptions } from "ommi/conformance";

const User = model(z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int() }), {
  name: "ZodUser",
  fields: { id: [Key, Auto] },
});

const options: SQLiteOptions = { filename: ":memory:" };
const driver: Driver = await SQLiteDriver.connect(options);
const capabilities: DriverCapabilities = driver.capabilities;
const db = new Ommi(await SQLiteDriver.connect(options));
await db.schema().createModels().raiseOnErrors();
await db.add(User, { name: "Alice", age: 30 }).raiseOnErrors();
const adults = await db.find(User.age.gte(18)).all().value;
const names: string[] = adults.map((user) => user.name);
const counted: DBResult<number> = await db.find(when(User.name.eq("Alice")).or(User.age.lt(10))).count();
// Rows are typed by the schema, not `any`: a wrong value type is an error.
const notAny: 0 extends 1 & RowOf<typeof User> ? false : true = true;
// @ts-expect-error age is a number
User.age.gte("18");
await db.close();
await driver.close();

export type { ConformanceOptions, SchemaAdapter };
export { capabilities, counted, names, notAny };
