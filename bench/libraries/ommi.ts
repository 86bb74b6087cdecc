import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Index, model, ModelCollection, Ommi, ReferenceTo, type Driver } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";
import { authors, books, FILTERS, USER_COUNT, users } from "../data.js";
import type { BenchLibrary, LibraryFactory, Target } from "../library.js";

/** The benchmark's models: plain Zod schemas, as an application would already have them. */
const collection = new ModelCollection();
const userSchema = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  age: z.number().int(),
  email: z.string(),
  active: z.boolean(),
  score: z.number(),
});
export const User = model(userSchema, { name: "User", collection });
export const UserInsert = model(userSchema, { name: "UserInsert", collection });
export const UserStream = model(userSchema, { name: "UserStream", collection });
export const Author = model(z.object({ id: z.number().int().optional(), name: z.string(), country: z.string() }), { name: "Author", collection });
export const Book = model(z.object({ id: z.number().int().optional(), title: z.string(), authorId: z.number().int(), year: z.number().int() }), {
  name: "Book",
  collection,
  fields: { authorId: [ReferenceTo(Author.id), Index] },
});

/** Ommi's public API, each workload one call. */
export function ommiLibrary(db: Ommi): BenchLibrary {
  return {
    async setup() {
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(User, users(USER_COUNT)).raiseOnErrors();
      await db.add(Author, authors()).raiseOnErrors();
      await db.add(Book, books()).raiseOnErrors();
    },
    insert: (rows) => db.add(UserInsert, rows).raiseOnErrors(),
    clearInserted: () => db.find(UserInsert).delete().raiseOnErrors(),
    fetchFiltered: async () => (await db.find(User.age.lt(FILTERS.fetchBelowAge)).all().value).length,
    lookup: async (id) => (await db.find(User.id.eq(id)).one()).ok,
    count: () => db.find(User.age.gte(FILTERS.countFromAge), User.active.eq(true)).count().value,
    update: (score) => db.find(User.age.lt(FILTERS.updateBelowAge)).update({ score }).value,
    crossModel: async () => (await db.find(Book, Author.country.eq(FILTERS.authorCountry)).all().value).length,
    async loadStream(batches) {
      for (const batch of batches) await db.add(UserStream, batch).raiseOnErrors();
    },
    stream: () => db.find(UserStream),
    teardown: async () => {
      await db.schema(collection).deleteModels().raiseOnErrors();
      await db.close();
    },
  };
}

const POSTGRES_DRIVER = fileURLToPath(new URL("../../drivers/postgres/index.ts", import.meta.url));
const MONGODB_DRIVER = fileURLToPath(new URL("../../drivers/mongodb/index.ts", import.meta.url));
const MYSQL_DRIVER = fileURLToPath(new URL("../../drivers/mysql/index.ts", import.meta.url));

/** What drivers/postgres exports (imported by name, so the type checker and the SQLite-only runs need none of it). */
interface PostgresDriverModule {
  readonly PostgreSQLDriver: { connect(options: { url: string; schema: string; max: number }): Promise<Driver> };
}

/** What drivers/mongodb exports (likewise). */
interface MongoDBDriverModule {
  readonly MongoDBDriver: { connect(options: { url: string; database: string; maxPoolSize: number }): Promise<Driver> };
}

/** What drivers/mysql exports (likewise). */
interface MySQLDriverModule {
  readonly MySQLDriver: { connect(options: { url: string; database: string; max: number }): Promise<Driver> };
}

/** Ommi's driver for a benchmark target; every Ommi workload (core, structured, relations) opens it so. */
export async function connectOmmi(target: Target): Promise<Driver> {
  // One connection everywhere, as every other library gets.
  if (target.kind === "sqlite") return SQLiteDriver.connect({ filename: ":memory:" });
  if (target.kind === "mongodb") {
    const specifier: string = "ommi/mongodb";
    const { MongoDBDriver } = (await import(specifier)) as MongoDBDriverModule;
    return MongoDBDriver.connect({ url: target.url, database: target.database, maxPoolSize: 1 });
  }
  if (target.kind === "mysql") {
    const specifier: string = "ommi/mysql";
    const { MySQLDriver } = (await import(specifier)) as MySQLDriverModule;
    return MySQLDriver.connect({ url: target.url, database: target.database, max: 1 });
  }
  const specifier: string = "ommi/postgres";
  const { PostgreSQLDriver } = (await import(specifier)) as PostgresDriverModule;
  return PostgreSQLDriver.connect({ url: target.url, schema: target.schema, max: 1 });
}

/** Why Ommi cannot run on the target here: its driver not written yet. */
function missingDriver(target: Target): string | undefined {
  if (target.kind === "postgres" && !existsSync(POSTGRES_DRIVER)) return "Ommi's PostgreSQL driver (drivers/postgres) does not exist yet";
  if (target.kind === "mongodb" && !existsSync(MONGODB_DRIVER)) return "Ommi's MongoDB driver (drivers/mongodb) does not exist yet";
  if (target.kind === "mysql" && !existsSync(MYSQL_DRIVER)) return "Ommi's MySQL driver (drivers/mysql) does not exist yet";
  return undefined;
}

export const ommi: LibraryFactory = {
  name: "Ommi",
  unavailable: (target) => Promise.resolve(missingDriver(target)),
  open: async (target) => ommiLibrary(new Ommi(await connectOmmi(target))),
};
