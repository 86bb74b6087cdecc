import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzleMySql } from "drizzle-orm/mysql2";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { boolean as mysqlBoolean, double, int, mysqlTable, text as mysqlText } from "drizzle-orm/mysql-core";
import { boolean, doublePrecision, integer as pgInteger, pgTable, text as pgText } from "drizzle-orm/pg-core";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import mysql from "mysql2/promise";
import postgres from "postgres";
import { authors, books, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, type MySqlTarget } from "../library.js";
import { databaseUrl } from "../mysql.js";
import { MYSQL_DDL, POSTGRES_DDL, SQLITE_DDL } from "../schema.js";

/** The benchmark's tables as Drizzle schemas (written by hand, as a Drizzle user would). */
function sqliteUser(name: string) {
  return sqliteTable(name, {
    id: integer().primaryKey(),
    name: text().notNull(),
    age: integer().notNull(),
    email: text().notNull(),
    active: integer({ mode: "boolean" }).notNull(),
    score: real().notNull(),
  });
}

export const sqliteTables = {
  user: sqliteUser("User"),
  userInsert: sqliteUser("UserInsert"),
  author: sqliteTable("Author", { id: integer().primaryKey(), name: text().notNull(), country: text().notNull() }),
  book: sqliteTable("Book", { id: integer().primaryKey(), title: text().notNull(), authorId: integer().notNull(), year: integer().notNull() }),
};

function pgUser(name: string) {
  return pgTable(name, {
    id: pgInteger().primaryKey().generatedByDefaultAsIdentity(),
    name: pgText().notNull(),
    age: pgInteger().notNull(),
    email: pgText().notNull(),
    active: boolean().notNull(),
    score: doublePrecision().notNull(),
  });
}

export const pgTables = {
  user: pgUser("User"),
  userInsert: pgUser("UserInsert"),
  author: pgTable("Author", { id: pgInteger().primaryKey().generatedByDefaultAsIdentity(), name: pgText().notNull(), country: pgText().notNull() }),
  book: pgTable("Book", {
    id: pgInteger().primaryKey().generatedByDefaultAsIdentity(),
    title: pgText().notNull(),
    authorId: pgInteger().notNull(),
    year: pgInteger().notNull(),
  }),
};

function mysqlUser(name: string) {
  return mysqlTable(name, {
    id: int().primaryKey().autoincrement(),
    name: mysqlText().notNull(),
    age: int().notNull(),
    email: mysqlText().notNull(),
    active: mysqlBoolean().notNull(),
    score: double().notNull(),
  });
}

export const mysqlTables = {
  user: mysqlUser("User"),
  userInsert: mysqlUser("UserInsert"),
  userStream: mysqlUser("UserStream"),
  author: mysqlTable("Author", { id: int().primaryKey().autoincrement(), name: mysqlText().notNull(), country: mysqlText().notNull() }),
  book: mysqlTable("Book", { id: int().primaryKey().autoincrement(), title: mysqlText().notNull(), authorId: int().notNull(), year: int().notNull() }),
};

export function connectSqlite() {
  const client = new Database(":memory:");
  client.pragma("foreign_keys = ON");
  return drizzleSqlite({ client });
}

export type DrizzleSqlite = ReturnType<typeof connectSqlite>;

export function connectPostgres(url: string) {
  return drizzlePostgres({ client: postgres(url, { max: 1, onnotice: () => undefined }) });
}

export type DrizzlePostgres = ReturnType<typeof connectPostgres>;

/** One mysql2 connection (its promise API), as Drizzle's MySQL documentation connects. */
export async function connectMySql(target: MySqlTarget) {
  return drizzleMySql({ client: await mysql.createConnection(databaseUrl(target)) });
}

export type DrizzleMySql = Awaited<ReturnType<typeof connectMySql>>;

/** Tables and rows, as both Drizzle variants set them up (not timed). */
export function loadSqlite(db: DrizzleSqlite): Promise<void> {
  for (const statement of SQLITE_DDL) db.run(sql.raw(statement));
  db.transaction((tx) => {
    for (const batch of chunks(users(USER_COUNT))) tx.insert(sqliteTables.user).values(batch).run();
    tx.insert(sqliteTables.author).values(authors()).run();
    for (const batch of chunks(books())) tx.insert(sqliteTables.book).values(batch).run();
  });
  return Promise.resolve();
}

export async function loadPostgres(db: DrizzlePostgres): Promise<void> {
  for (const statement of POSTGRES_DDL) await db.execute(sql.raw(statement));
  for (const batch of chunks(users(USER_COUNT))) await db.insert(pgTables.user).values(batch);
  await db.insert(pgTables.author).values(authors());
  for (const batch of chunks(books())) await db.insert(pgTables.book).values(batch);
}

export async function loadMySql(db: DrizzleMySql): Promise<void> {
  for (const statement of MYSQL_DDL) await db.execute(sql.raw(statement));
  await db.transaction(async (tx) => {
    for (const batch of chunks(users(USER_COUNT))) await tx.insert(mysqlTables.user).values(batch);
    await tx.insert(mysqlTables.author).values(authors());
    for (const batch of chunks(books())) await tx.insert(mysqlTables.book).values(batch);
  });
}

/** Fills UserStream (not timed): Drizzle streams on MySQL (`iterator()`, on mysql2). */
export async function loadStreamMySql(db: DrizzleMySql, batches: Iterable<UserInput[]>): Promise<void> {
  for (const batch of batches) await insertInBatchesMySql(db, batch, mysqlTables.userStream);
}

/** Bulk insert as a Drizzle user writes it on MySQL: multi-row INSERTs in one transaction. */
export function insertInBatchesMySql(db: DrizzleMySql, rows: readonly UserInput[], table = mysqlTables.userInsert): Promise<void> {
  return db.transaction(async (tx) => {
    for (const batch of chunks(rows)) await tx.insert(table).values(batch);
  });
}

/** Bulk insert as a Drizzle user writes it on PostgreSQL: multi-row INSERTs in one transaction. */
export function insertInBatchesPostgres(db: DrizzlePostgres, rows: readonly UserInput[]): Promise<void> {
  return db.transaction(async (tx) => {
    for (const batch of chunks(rows)) await tx.insert(pgTables.userInsert).values(batch);
  });
}

export function closeSqlite(db: DrizzleSqlite): Promise<void> {
  db.$client.close();
  return Promise.resolve();
}
