import Database from "better-sqlite3";
import { Kysely, MysqlDialect, PostgresDialect, sql, SqliteDialect, type Generated, type Insertable } from "kysely";
import { createPool } from "mysql2";
import pg from "pg";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, sqlOnly, type BenchLibrary, type LibraryFactory, type SqlTarget } from "../library.js";
import { databaseUrl } from "../mysql.js";
import { MYSQL_DDL, POSTGRES_DDL, SQLITE_DDL } from "../schema.js";

interface UserTable {
  id: Generated<number>;
  name: string;
  age: number;
  email: string;
  /** 0/1 on SQLite (better-sqlite3 binds no booleans), boolean on PostgreSQL and MySQL. */
  active: number | boolean;
  score: number;
}

interface Tables {
  User: UserTable;
  UserInsert: UserTable;
  UserStream: UserTable;
  Author: { id: Generated<number>; name: string; country: string };
  Book: { id: Generated<number>; title: string; authorId: number; year: number };
}

type UserTableName = "User" | "UserInsert" | "UserStream";

const DDL = { sqlite: SQLITE_DDL, postgres: POSTGRES_DDL, mysql: MYSQL_DDL } as const;

/** Kysely: the query built per call, as its documentation writes queries; many rows per INSERT. */
function kyselyLibrary(db: Kysely<Tables>, target: SqlTarget): BenchLibrary {
  const onSqlite = target.kind === "sqlite";
  // Kysely streams on SQLite and on MySQL (mysql2's query stream); on PostgreSQL it needs pg-cursor, which this project does not install.
  const streams = target.kind !== "postgres";
  const stored = (row: UserInput): Insertable<UserTable> => ({ ...row, active: onSqlite ? (row.active ? 1 : 0) : row.active });
  const insertInto = async (executor: Kysely<Tables>, table: UserTableName, rows: readonly UserInput[]) => {
    for (const batch of chunks(rows)) await executor.insertInto(table).values(batch.map(stored)).execute();
  };
  return {
    async setup() {
      for (const statement of DDL[target.kind]) await sql.raw(statement).execute(db);
      await insertInto(db, "User", users(USER_COUNT));
      await db.insertInto("Author").values(authors()).execute();
      for (const batch of chunks(books())) await db.insertInto("Book").values(batch).execute();
    },
    insert: (rows) => db.transaction().execute((trx) => insertInto(trx, "UserInsert", rows)),
    clearInserted: () => db.deleteFrom("UserInsert").execute(),
    fetchFiltered: async () => (await db.selectFrom("User").selectAll().where("age", "<", FILTERS.fetchBelowAge).execute()).length,
    lookup: async (id) => (await db.selectFrom("User").selectAll().where("id", "=", id).executeTakeFirst()) !== undefined,
    count: async () => {
      const { n } = await db
        .selectFrom("User")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("age", ">=", FILTERS.countFromAge)
        .where("active", "=", onSqlite ? 1 : true)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    update: async (score) => {
      const result = await db.updateTable("User").set({ score }).where("age", "<", FILTERS.updateBelowAge).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    crossModel: async () => {
      const rows = await db
        .selectFrom("Book")
        .innerJoin("Author", "Author.id", "Book.authorId")
        .selectAll("Book")
        .where("Author.country", "=", FILTERS.authorCountry)
        .execute();
      return rows.length;
    },
    ...(streams && {
      async loadStream(batches: Iterable<UserInput[]>) {
        for (const batch of batches) await insertInto(db, "UserStream", batch);
      },
      stream: () => db.selectFrom("UserStream").selectAll().stream(),
    }),
    teardown: () => db.destroy(),
  };
}

function connect(target: SqlTarget): Kysely<Tables> {
  if (target.kind === "sqlite") {
    const database = new Database(":memory:");
    database.pragma("foreign_keys = ON");
    return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  }
  // Kysely's MySQL dialect runs on a mysql2 pool (its documented driver), of one connection as every library gets.
  if (target.kind === "mysql") return new Kysely<Tables>({ dialect: new MysqlDialect({ pool: createPool({ uri: databaseUrl(target), connectionLimit: 1 }) }) });
  // Kysely's PostgreSQL dialect runs on node-postgres (pg), its documented driver.
  const pool = new pg.Pool({ connectionString: target.url, max: 1, options: `-c search_path=${target.schema}` });
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

export const kysely: LibraryFactory = sqlOnly({
  name: "Kysely",
  open: (target) => Promise.resolve(kyselyLibrary(connect(target), target)),
});
