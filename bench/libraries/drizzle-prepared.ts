import { and, count, eq, getTableColumns, gte, lt, sql } from "drizzle-orm";
import { FILTERS } from "../data.js";
import { sqlOnly, type BenchLibrary, type LibraryFactory, type MySqlTarget } from "../library.js";
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
  type DrizzleSqlite,
} from "./drizzle-common.js";

const placeholder = sql.placeholder;

/** The SQLite statements, prepared once (after the tables exist: SQLite checks them when preparing). */
function prepareSqlite(db: DrizzleSqlite) {
  const { user, userInsert, author, book } = sqliteTables;
  return {
    insertOne: db
      .insert(userInsert)
      .values({ name: placeholder("name"), age: placeholder("age"), email: placeholder("email"), active: placeholder("active"), score: placeholder("score") })
      .prepare(),
    fetch: db.select().from(user).where(lt(user.age, placeholder("age"))).prepare(),
    lookup: db.select().from(user).where(eq(user.id, placeholder("id"))).prepare(),
    count: db
      .select({ n: count() })
      .from(user)
      .where(and(gte(user.age, placeholder("age")), eq(user.active, true)))
      .prepare(),
    update: db.update(user).set({ score: sql`${placeholder("score")}` }).where(lt(user.age, placeholder("age"))).prepare(),
    cross: db.select(getTableColumns(book)).from(book).innerJoin(author, eq(author.id, book.authorId)).where(eq(author.country, placeholder("country"))).prepare(),
  };
}

/** Drizzle at its fastest: every statement built once with `.prepare()`, values bound per call. */
function drizzlePreparedSqlite(): BenchLibrary {
  const db = connectSqlite();
  let prepared: ReturnType<typeof prepareSqlite> | undefined;
  const statements = () => prepared ?? (prepared = prepareSqlite(db));
  return {
    async setup() {
      await loadSqlite(db);
      statements();
    },
    // One prepared single-row INSERT per row inside one transaction: the raw driver's own method.
    insert: (rows) => {
      const { insertOne } = statements();
      db.transaction(() => {
        for (const row of rows) insertOne.run(row);
      });
    },
    clearInserted: () => db.delete(sqliteTables.userInsert).run(),
    fetchFiltered: () => statements().fetch.all({ age: FILTERS.fetchBelowAge }).length,
    lookup: (id) => statements().lookup.get({ id }) !== undefined,
    count: () => statements().count.get({ age: FILTERS.countFromAge })?.n ?? 0,
    update: (score) => statements().update.run({ score, age: FILTERS.updateBelowAge }).changes,
    crossModel: () => statements().cross.all({ country: FILTERS.authorCountry }).length,
    teardown: () => closeSqlite(db),
  };
}

function drizzlePreparedPostgres(url: string): BenchLibrary {
  const db = connectPostgres(url);
  const { user, userInsert, author, book } = pgTables;
  const fetch = db.select().from(user).where(lt(user.age, placeholder("age"))).prepare("fetch");
  const lookup = db.select().from(user).where(eq(user.id, placeholder("id"))).prepare("lookup");
  const countActive = db
    .select({ n: count() })
    .from(user)
    .where(and(gte(user.age, placeholder("age")), eq(user.active, true)))
    .prepare("count");
  const update = db.update(user).set({ score: sql`${placeholder("score")}` }).where(lt(user.age, placeholder("age"))).prepare("update");
  const cross = db
    .select(getTableColumns(book))
    .from(book)
    .innerJoin(author, eq(author.id, book.authorId))
    .where(eq(author.country, placeholder("country")))
    .prepare("cross");
  return {
    setup: () => loadPostgres(db),
    // A prepared statement has a fixed number of rows, so bulk inserts stay multi-row INSERTs, as in plain Drizzle.
    insert: (rows) => insertInBatchesPostgres(db, rows),
    clearInserted: () => db.delete(userInsert),
    fetchFiltered: async () => (await fetch.execute({ age: FILTERS.fetchBelowAge })).length,
    lookup: async (id) => (await lookup.execute({ id })).length === 1,
    count: async () => (await countActive.execute({ age: FILTERS.countFromAge }))[0]?.n ?? 0,
    update: async (score) => (await update.execute({ score, age: FILTERS.updateBelowAge })).count,
    crossModel: async () => (await cross.execute({ country: FILTERS.authorCountry })).length,
    teardown: () => db.$client.end(),
  };
}

/**
 * MySQL and MariaDB: each query built once (`.prepare()`; Drizzle's mysql2 session then sends it
 * with its values through mysql2's `query`); the stream is the prepared query's `iterator()`.
 */
async function drizzlePreparedMySql(target: MySqlTarget): Promise<BenchLibrary> {
  const db = await connectMySql(target);
  const { user, userInsert, userStream, author, book } = mysqlTables;
  const fetch = db.select().from(user).where(lt(user.age, placeholder("age"))).prepare();
  const lookup = db.select().from(user).where(eq(user.id, placeholder("id"))).prepare();
  const countActive = db
    .select({ n: count() })
    .from(user)
    .where(and(gte(user.age, placeholder("age")), eq(user.active, true)))
    .prepare();
  const update = db.update(user).set({ score: sql`${placeholder("score")}` }).where(lt(user.age, placeholder("age"))).prepare();
  const cross = db.select(getTableColumns(book)).from(book).innerJoin(author, eq(author.id, book.authorId)).where(eq(author.country, placeholder("country"))).prepare();
  const stream = db.select().from(userStream).prepare();
  return {
    setup: () => loadMySql(db),
    // As on PostgreSQL: a prepared statement has a fixed number of rows, so bulk inserts stay multi-row INSERTs.
    insert: (rows) => insertInBatchesMySql(db, rows),
    clearInserted: () => db.delete(userInsert),
    fetchFiltered: async () => (await fetch.execute({ age: FILTERS.fetchBelowAge })).length,
    lookup: async (id) => (await lookup.execute({ id })).length === 1,
    count: async () => (await countActive.execute({ age: FILTERS.countFromAge }))[0]?.n ?? 0,
    update: async (score) => (await update.execute({ score, age: FILTERS.updateBelowAge }))[0].affectedRows,
    crossModel: async () => (await cross.execute({ country: FILTERS.authorCountry })).length,
    loadStream: (batches) => loadStreamMySql(db, batches),
    stream: () => stream.iterator(),
    teardown: () => db.$client.end(),
  };
}

export const drizzlePrepared: LibraryFactory = sqlOnly({
  name: "Drizzle (prepared)",
  open: (target) => {
    if (target.kind === "mysql") return drizzlePreparedMySql(target);
    return Promise.resolve(target.kind === "sqlite" ? drizzlePreparedSqlite() : drizzlePreparedPostgres(urlWithSchema(target.url, target.schema)));
  },
});
