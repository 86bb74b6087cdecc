import Database from "better-sqlite3";
import postgres from "postgres";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, type BenchLibrary, type LibraryFactory } from "../library.js";
import { urlWithSchema } from "../postgres.js";
import { POSTGRES_DDL, SQLITE_DDL, USER_COLUMNS } from "../schema.js";
import { rawMongo } from "./raw-mongodb.js";
import { rawMySql } from "./raw-mysql.js";

const USER_SELECT = `SELECT "id", "name", "age", "email", "active", "score"`;
const CROSS_MODEL = `SELECT b."id", b."title", b."authorId", b."year" FROM "Book" b JOIN "Author" a ON a."id" = b."authorId" WHERE a."country" = `;

/** The baseline on SQLite: better-sqlite3 statements prepared once, inserts inside one transaction. */
function rawSqlite(): BenchLibrary {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  for (const statement of SQLITE_DDL) db.exec(statement);
  const insertInto = (table: string) => {
    const statement = db.prepare(`INSERT INTO "${table}" ("name", "age", "email", "active", "score") VALUES (?, ?, ?, ?, ?)`);
    return db.transaction((rows: readonly UserInput[]) => {
      for (const row of rows) statement.run(row.name, row.age, row.email, row.active ? 1 : 0, row.score);
    });
  };
  const insertUsers = insertInto("UserInsert");
  const fetch = db.prepare(`${USER_SELECT} FROM "User" WHERE "age" < ?`);
  const lookup = db.prepare(`${USER_SELECT} FROM "User" WHERE "id" = ?`);
  const count = db.prepare(`SELECT count(*) FROM "User" WHERE "age" >= ? AND "active" = 1`).pluck();
  const update = db.prepare(`UPDATE "User" SET "score" = ? WHERE "age" < ?`);
  const cross = db.prepare(`${CROSS_MODEL}?`);
  const clear = db.prepare(`DELETE FROM "UserInsert"`);
  return {
    setup() {
      insertInto("User")(users(USER_COUNT));
      const author = db.prepare(`INSERT INTO "Author" ("name", "country") VALUES (?, ?)`);
      const book = db.prepare(`INSERT INTO "Book" ("title", "authorId", "year") VALUES (?, ?, ?)`);
      db.transaction(() => {
        for (const row of authors()) author.run(row.name, row.country);
        for (const row of books()) book.run(row.title, row.authorId, row.year);
      })();
      return Promise.resolve();
    },
    insert: (rows) => insertUsers(rows),
    clearInserted: () => clear.run(),
    fetchFiltered: () => fetch.all(FILTERS.fetchBelowAge).length,
    lookup: (id) => lookup.get(id) !== undefined,
    count: () => count.get(FILTERS.countFromAge) as number,
    update: (score) => update.run(score, FILTERS.updateBelowAge).changes,
    crossModel: () => cross.all(FILTERS.authorCountry).length,
    loadStream(batches) {
      const load = insertInto("UserStream");
      for (const batch of batches) load(batch);
      return Promise.resolve();
    },
    stream: () => db.prepare(`${USER_SELECT} FROM "UserStream"`).iterate(),
    teardown() {
      db.close();
      return Promise.resolve();
    },
  };
}

/** The baseline on PostgreSQL: postgres.js tagged queries (prepared on the connection by default). */
function rawPostgres(url: string): BenchLibrary {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const insertInto = (table: string, rows: readonly UserInput[]) => sql`INSERT INTO ${sql(table)} ${sql(rows, ...USER_COLUMNS)}`;
  return {
    async setup() {
      for (const statement of POSTGRES_DDL) await sql.unsafe(statement);
      for (const batch of chunks(users(USER_COUNT))) await insertInto("User", batch);
      await sql`INSERT INTO "Author" ${sql(authors(), "name", "country")}`;
      for (const batch of chunks(books())) await sql`INSERT INTO "Book" ${sql(batch, "title", "authorId", "year")}`;
    },
    insert: (rows) => sql.begin((tx) => tx`INSERT INTO "UserInsert" ${tx(rows, ...USER_COLUMNS)}`),
    clearInserted: () => sql`TRUNCATE "UserInsert"`,
    fetchFiltered: async () => (await sql.unsafe(`${USER_SELECT} FROM "User" WHERE "age" < $1`, [FILTERS.fetchBelowAge], { prepare: true })).length,
    lookup: async (id) => (await sql`SELECT "id", "name", "age", "email", "active", "score" FROM "User" WHERE "id" = ${id}`).length === 1,
    count: async () => {
      const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM "User" WHERE "age" >= ${FILTERS.countFromAge} AND "active"`;
      return row?.n ?? 0;
    },
    update: async (score) => (await sql`UPDATE "User" SET "score" = ${score} WHERE "age" < ${FILTERS.updateBelowAge}`).count,
    crossModel: async () => (await sql.unsafe(`${CROSS_MODEL}$1`, [FILTERS.authorCountry], { prepare: true })).length,
    async loadStream(batches) {
      for (const batch of batches) await insertInto("UserStream", batch);
    },
    async *stream() {
      for await (const rows of sql.unsafe(`${USER_SELECT} FROM "UserStream"`, [], { prepare: true }).cursor(1000)) yield* rows;
    },
    teardown: () => sql.end(),
  };
}

/** better-sqlite3, postgres.js, mysql2 (raw-mysql.ts), or the official MongoDB client (raw-mongodb.ts). */
export const raw: LibraryFactory = {
  name: "raw driver",
  open(target) {
    if (target.kind === "sqlite") return Promise.resolve(rawSqlite());
    if (target.kind === "mysql") return rawMySql(target);
    return Promise.resolve(target.kind === "postgres" ? rawPostgres(urlWithSchema(target.url, target.schema)) : rawMongo(target));
  },
};
