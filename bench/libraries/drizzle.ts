import { and, count, eq, getTableColumns, gte, lt } from "drizzle-orm";
import { FILTERS } from "../data.js";
import { chunks, sqlOnly, type BenchLibrary, type LibraryFactory, type MySqlTarget } from "../library.js";
import { urlWithSchema } from "../postgres.js";
import {
  closeSqlite,
  connectMySql,
  connectPostgres,
  connectSqlite,
  insertInBatchesMySql,
  insertInBatchesPostgres,
  loadMySql,
  loadPostgres,
  loadSqlite,
  loadStreamMySql,
  mysqlTables,
  pgTables,
  sqliteTables,
} from "./drizzle-common.js";

/** Drizzle as most code writes it: the query built (and, on SQLite, prepared) on every call. */
function drizzleSqlite(): BenchLibrary {
  const db = connectSqlite();
  const { user, userInsert, author, book } = sqliteTables;
  return {
    setup: () => loadSqlite(db),
    insert: (rows) =>
      db.transaction((tx) => {
        for (const batch of chunks(rows)) tx.insert(userInsert).values(batch).run();
      }),
    clearInserted: () => db.delete(userInsert).run(),
    fetchFiltered: () => db.select().from(user).where(lt(user.age, FILTERS.fetchBelowAge)).all().length,
    lookup: (id) => db.select().from(user).where(eq(user.id, id)).get() !== undefined,
    count: () =>
      db
        .select({ n: count() })
        .from(user)
        .where(and(gte(user.age, FILTERS.countFromAge), eq(user.active, true)))
        .get()?.n ?? 0,
    update: (score) => db.update(user).set({ score }).where(lt(user.age, FILTERS.updateBelowAge)).run().changes,
    crossModel: () =>
      db.select(getTableColumns(book)).from(book).innerJoin(author, eq(author.id, book.authorId)).where(eq(author.country, FILTERS.authorCountry)).all()
        .length,
    teardown: () => closeSqlite(db),
  };
}

function drizzlePostgres(url: string): BenchLibrary {
  const db = connectPostgres(url);
  const { user, userInsert, author, book } = pgTables;
  return {
    setup: () => loadPostgres(db),
    insert: (rows) => insertInBatchesPostgres(db, rows),
    clearInserted: () => db.delete(userInsert),
    fetchFiltered: async () => (await db.select().from(user).where(lt(user.age, FILTERS.fetchBelowAge))).length,
    lookup: async (id) => (await db.select().from(user).where(eq(user.id, id))).length === 1,
    count: async () => {
      const [row] = await db
        .select({ n: count() })
        .from(user)
        .where(and(gte(user.age, FILTERS.countFromAge), eq(user.active, true)));
      return row?.n ?? 0;
    },
    update: async (score) => (await db.update(user).set({ score }).where(lt(user.age, FILTERS.updateBelowAge))).count,
    crossModel: async () =>
      (await db.select(getTableColumns(book)).from(book).innerJoin(author, eq(author.id, book.authorId)).where(eq(author.country, FILTERS.authorCountry)))
        .length,
    teardown: () => db.$client.end(),
  };
}

/** MySQL and MariaDB (drizzle-orm/mysql2): the same queries; an UPDATE answers mysql2's result header; the stream is Drizzle's `iterator()`. */
async function drizzleMySql(target: MySqlTarget): Promise<BenchLibrary> {
  const db = await connectMySql(target);
  const { user, userInsert, userStream, author, book } = mysqlTables;
  return {
    setup: () => loadMySql(db),
    insert: (rows) => insertInBatchesMySql(db, rows),
    clearInserted: () => db.delete(userInsert),
    fetchFiltered: async () => (await db.select().from(user).where(lt(user.age, FILTERS.fetchBelowAge))).length,
    lookup: async (id) => (await db.select().from(user).where(eq(user.id, id))).length === 1,
    count: async () => {
      const [row] = await db
        .select({ n: count() })
        .from(user)
        .where(and(gte(user.age, FILTERS.countFromAge), eq(user.active, true)));
      return row?.n ?? 0;
    },
    update: async (score) => (await db.update(user).set({ score }).where(lt(user.age, FILTERS.updateBelowAge)))[0].affectedRows,
    crossModel: async () =>
      (await db.select(getTableColumns(book)).from(book).innerJoin(author, eq(author.id, book.authorId)).where(eq(author.country, FILTERS.authorCountry)))
        .length,
    loadStream: (batches) => loadStreamMySql(db, batches),
    stream: () => db.select().from(userStream).iterator(),
    teardown: () => db.$client.end(),
  };
}

export const drizzle: LibraryFactory = sqlOnly({
  name: "Drizzle",
  open: (target) => {
    if (target.kind === "mysql") return drizzleMySql(target);
    return Promise.resolve(target.kind === "sqlite" ? drizzleSqlite() : drizzlePostgres(urlWithSchema(target.url, target.schema)));
  },
});
