import Database from "better-sqlite3";
import { eq, lte, relations, sql } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzleMySql } from "drizzle-orm/mysql2";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { index as mysqlIndex, int as mysqlInt, mysqlTable, primaryKey as mysqlPrimaryKey, text as mysqlText } from "drizzle-orm/mysql-core";
import { index as pgIndex, integer as pgInteger, pgTable, primaryKey as pgPrimaryKey, text as pgText } from "drizzle-orm/pg-core";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Logger } from "drizzle-orm/logger";
import mysql from "mysql2/promise";
import postgres from "postgres";
import { chunks, sqlOnly, type LibraryFactory, type MySqlTarget } from "../library.js";
import { databaseUrl } from "../mysql.js";
import { urlWithSchema } from "../postgres.js";
import { relationsData, type Tally } from "./data.js";
import type { RelationsLibrary } from "./library.js";
import { RELATIONS_MYSQL_DDL, RELATIONS_POSTGRES_DDL, RELATIONS_SQLITE_DDL, RELATIONS_VACUUM } from "./schema.js";

/** Counts the statements Drizzle sends, through its `logger` option (called once per query it runs). */
class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
}

/** The tables and their relations as a Drizzle user declares them for relational queries (`db.query`). */
const users = sqliteTable("User", { id: integer().primaryKey(), name: text().notNull() });
const tags = sqliteTable("Tag", { id: integer().primaryKey(), name: text().notNull() });
const posts = sqliteTable(
  "Post",
  { id: integer().primaryKey(), title: text().notNull(), authorId: integer().notNull().references(() => users.id) },
  (table) => [index("Post_authorId_idx").on(table.authorId)],
);
const postTags = sqliteTable(
  "PostTag",
  { postId: integer().notNull().references(() => posts.id), tagId: integer().notNull().references(() => tags.id) },
  (table) => [primaryKey({ columns: [table.postId, table.tagId] }), index("PostTag_tagId_idx").on(table.tagId)],
);
const sqliteSchema = {
  users,
  tags,
  posts,
  postTags,
  usersRelations: relations(users, ({ many }) => ({ posts: many(posts) })),
  tagsRelations: relations(tags, ({ many }) => ({ postTags: many(postTags) })),
  postsRelations: relations(posts, ({ one, many }) => ({ author: one(users, { fields: [posts.authorId], references: [users.id] }), postTags: many(postTags) })),
  postTagsRelations: relations(postTags, ({ one }) => ({
    post: one(posts, { fields: [postTags.postId], references: [posts.id] }),
    tag: one(tags, { fields: [postTags.tagId], references: [tags.id] }),
  })),
};

const pgUsers = pgTable("User", { id: pgInteger().primaryKey().generatedByDefaultAsIdentity(), name: pgText().notNull() });
const pgTags = pgTable("Tag", { id: pgInteger().primaryKey().generatedByDefaultAsIdentity(), name: pgText().notNull() });
const pgPosts = pgTable(
  "Post",
  { id: pgInteger().primaryKey().generatedByDefaultAsIdentity(), title: pgText().notNull(), authorId: pgInteger().notNull().references(() => pgUsers.id) },
  (table) => [pgIndex("Post_authorId_idx").on(table.authorId)],
);
const pgPostTags = pgTable(
  "PostTag",
  { postId: pgInteger().notNull().references(() => pgPosts.id), tagId: pgInteger().notNull().references(() => pgTags.id) },
  (table) => [pgPrimaryKey({ columns: [table.postId, table.tagId] }), pgIndex("PostTag_tagId_idx").on(table.tagId)],
);
const pgSchema = {
  users: pgUsers,
  tags: pgTags,
  posts: pgPosts,
  postTags: pgPostTags,
  usersRelations: relations(pgUsers, ({ many }) => ({ posts: many(pgPosts) })),
  tagsRelations: relations(pgTags, ({ many }) => ({ postTags: many(pgPostTags) })),
  postsRelations: relations(pgPosts, ({ one, many }) => ({ author: one(pgUsers, { fields: [pgPosts.authorId], references: [pgUsers.id] }), postTags: many(pgPostTags) })),
  postTagsRelations: relations(pgPostTags, ({ one }) => ({
    post: one(pgPosts, { fields: [pgPostTags.postId], references: [pgPosts.id] }),
    tag: one(pgTags, { fields: [pgPostTags.tagId], references: [pgTags.id] }),
  })),
};

const myUsers = mysqlTable("User", { id: mysqlInt().primaryKey().autoincrement(), name: mysqlText().notNull() });
const myTags = mysqlTable("Tag", { id: mysqlInt().primaryKey().autoincrement(), name: mysqlText().notNull() });
const myPosts = mysqlTable(
  "Post",
  { id: mysqlInt().primaryKey().autoincrement(), title: mysqlText().notNull(), authorId: mysqlInt().notNull().references(() => myUsers.id) },
  (table) => [mysqlIndex("Post_authorId_idx").on(table.authorId)],
);
const myPostTags = mysqlTable(
  "PostTag",
  { postId: mysqlInt().notNull().references(() => myPosts.id), tagId: mysqlInt().notNull().references(() => myTags.id) },
  (table) => [mysqlPrimaryKey({ columns: [table.postId, table.tagId] }), mysqlIndex("PostTag_tagId_idx").on(table.tagId)],
);
const mysqlSchema = {
  users: myUsers,
  tags: myTags,
  posts: myPosts,
  postTags: myPostTags,
  usersRelations: relations(myUsers, ({ many }) => ({ posts: many(myPosts) })),
  tagsRelations: relations(myTags, ({ many }) => ({ postTags: many(myPostTags) })),
  postsRelations: relations(myPosts, ({ one, many }) => ({ author: one(myUsers, { fields: [myPosts.authorId], references: [myUsers.id] }), postTags: many(myPostTags) })),
  postTagsRelations: relations(myPostTags, ({ one }) => ({
    post: one(myPosts, { fields: [myPostTags.postId], references: [myPosts.id] }),
    tag: one(myTags, { fields: [myPostTags.tagId], references: [myTags.id] }),
  })),
};

/** What a relational query gives back for a post: its author, and its tags through the PostTag rows. */
interface LoadedPost {
  readonly id: number;
  readonly author: { readonly id: number };
  readonly postTags: readonly { readonly tag: { readonly id: number } }[];
}

function tallyAll(tally: Tally, loaded: readonly LoadedPost[]): void {
  for (const post of loaded) tally.post(post.id, post.author, post.postTags.map((link) => link.tag));
}

/**
 * SQLite: relational queries (`db.query.posts.findMany({ with })`) for include, run synchronously
 * as better-sqlite3 allows; for lazy loads, the per-post queries a Drizzle user writes (Drizzle
 * has no lazy relations): the author by key, the tags through a join with PostTag.
 */
function drizzleRelationsSqlite(): RelationsLibrary {
  const counter = new StatementCounter();
  const client = new Database(":memory:");
  client.pragma("foreign_keys = ON");
  const db = drizzleSqlite({ client, schema: sqliteSchema, logger: counter });
  const withRelations = { author: true, postTags: { with: { tag: true } } } as const;
  return {
    setup() {
      for (const statement of RELATIONS_SQLITE_DDL) db.run(sql.raw(statement));
      const data = relationsData();
      db.transaction((tx) => {
        tx.insert(users).values(data.users).run();
        tx.insert(tags).values(data.tags).run();
        for (const batch of chunks(data.posts)) tx.insert(posts).values(batch).run();
        for (const batch of chunks(data.postTags)) tx.insert(postTags).values(batch).run();
      });
      return Promise.resolve();
    },
    include(tally, limit) {
      const where = limit === undefined ? undefined : lte(posts.id, limit);
      tallyAll(tally, db.query.posts.findMany({ where, with: withRelations }).sync());
    },
    lazy(tally, limit) {
      const query = db.select().from(posts);
      for (const post of limit === undefined ? query.all() : query.where(lte(posts.id, limit)).all()) {
        const author = db.select().from(users).where(eq(users.id, post.authorId)).get();
        const postTagList = db.select({ id: tags.id, name: tags.name }).from(postTags).innerJoin(tags, eq(tags.id, postTags.tagId)).where(eq(postTags.postId, post.id)).all();
        tally.post(post.id, author, postTagList);
      }
    },
    get statements() {
      return counter.count;
    },
    teardown() {
      client.close();
      return Promise.resolve();
    },
  };
}

/** PostgreSQL (postgres.js): the same queries, awaited. */
function drizzleRelationsPostgres(url: string): RelationsLibrary {
  const counter = new StatementCounter();
  const db = drizzlePostgres({ client: postgres(url, { max: 1, onnotice: () => undefined }), schema: pgSchema, logger: counter });
  const withRelations = { author: true, postTags: { with: { tag: true } } } as const;
  return {
    async setup() {
      for (const statement of RELATIONS_POSTGRES_DDL) await db.execute(sql.raw(statement));
      const data = relationsData();
      await db.insert(pgUsers).values(data.users);
      await db.insert(pgTags).values(data.tags);
      for (const batch of chunks(data.posts)) await db.insert(pgPosts).values(batch);
      for (const batch of chunks(data.postTags)) await db.insert(pgPostTags).values(batch);
      await db.execute(sql.raw(RELATIONS_VACUUM));
    },
    async include(tally, limit) {
      const where = limit === undefined ? undefined : lte(pgPosts.id, limit);
      tallyAll(tally, await db.query.posts.findMany({ where, with: withRelations }));
    },
    async lazy(tally, limit) {
      const query = db.select().from(pgPosts);
      for (const post of await (limit === undefined ? query : query.where(lte(pgPosts.id, limit)))) {
        const [author] = await db.select().from(pgUsers).where(eq(pgUsers.id, post.authorId));
        const postTagList = await db
          .select({ id: pgTags.id, name: pgTags.name })
          .from(pgPostTags)
          .innerJoin(pgTags, eq(pgTags.id, pgPostTags.tagId))
          .where(eq(pgPostTags.postId, post.id));
        tally.post(post.id, author, postTagList);
      }
    },
    get statements() {
      return counter.count;
    },
    teardown: () => db.$client.end(),
  };
}

/**
 * MySQL and MariaDB (mysql2): the same queries. No include on MariaDB: Drizzle's relational
 * queries cannot run there in either of their modes. "default" joins LATERAL subqueries, which
 * MariaDB does not have; "planetscale" reads each relation through a derived table that names the
 * outer row, which MariaDB refuses ("Unknown column 'posts.authorId' in 'WHERE'").
 */
async function drizzleRelationsMySql(target: MySqlTarget): Promise<RelationsLibrary> {
  const counter = new StatementCounter();
  const client = await mysql.createConnection(databaseUrl(target));
  const db = drizzleMySql({ client, schema: mysqlSchema, mode: "default", logger: counter });
  const withRelations = { author: true, postTags: { with: { tag: true } } } as const;
  return {
    async setup() {
      for (const statement of RELATIONS_MYSQL_DDL) await db.execute(sql.raw(statement));
      const data = relationsData();
      await db.insert(myUsers).values(data.users);
      await db.insert(myTags).values(data.tags);
      for (const batch of chunks(data.posts)) await db.insert(myPosts).values(batch);
      for (const batch of chunks(data.postTags)) await db.insert(myPostTags).values(batch);
    },
    ...(!target.mariadb && {
      async include(tally: Tally, limit?: number) {
        const where = limit === undefined ? undefined : lte(myPosts.id, limit);
        tallyAll(tally, await db.query.posts.findMany({ where, with: withRelations }));
      },
    }),
    async lazy(tally, limit) {
      const query = db.select().from(myPosts);
      for (const post of await (limit === undefined ? query : query.where(lte(myPosts.id, limit)))) {
        const [author] = await db.select().from(myUsers).where(eq(myUsers.id, post.authorId));
        const postTagList = await db
          .select({ id: myTags.id, name: myTags.name })
          .from(myPostTags)
          .innerJoin(myTags, eq(myTags.id, myPostTags.tagId))
          .where(eq(myPostTags.postId, post.id));
        tally.post(post.id, author, postTagList);
      }
    },
    get statements() {
      return counter.count;
    },
    teardown: () => client.end(),
  };
}

export const drizzleRelations: LibraryFactory<RelationsLibrary> = sqlOnly({
  name: "Drizzle",
  open: (target) => {
    if (target.kind === "mysql") return drizzleRelationsMySql(target);
    return Promise.resolve(target.kind === "sqlite" ? drizzleRelationsSqlite() : drizzleRelationsPostgres(urlWithSchema(target.url, target.schema)));
  },
});
