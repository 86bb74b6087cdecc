/**
 * A program for test/drivers/observe-no-otel.test.ts, run where `@opentelemetry/api` cannot be
 * loaded: Ommi works as ever; `tracing: true` (the first argument "forced") is one warning.
 */
import { Ommi } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { collection, Person } from "./workload.js";

process.on("warning", (warning) => console.log(`warning ${(warning as Error & { code?: string }).code ?? warning.name}`));
const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }), process.argv[2] === "forced" ? { tracing: true } : {});
await db.schema(collection).createModels().raiseOnErrors();
await db.add(Person, { name: "Ada", age: 36 }).raiseOnErrors();
console.log(`rows ${await db.find(Person.age.gte(18)).count().value}`);
await db.close();
