import { DataSource, EntitySchema, LessThanOrEqual, type DataSourceOptions, type Logger } from "typeorm";
import { chunks, sqlOnly, type LibraryFactory, type SqlTarget } from "../library.js";
import { relationsData, type PostRow, type TagRow, type UserRow } from "./data.js";
import type { RelationsLibrary } from "./library.js";
import { typeormDatabase } from "../libraries/typeorm.js";
import { RELATIONS_MYSQL_DDL, RELATIONS_POSTGRES_DDL, RELATIONS_SQLITE_DDL, RELATIONS_VACUUM, runInSchema } from "./schema.js";

interface PostEntity extends PostRow {
  author?: UserRow;
  tags?: TagRow[];
}

/** The same post with lazy relations: TypeORM makes each a promise that runs its query when first read. */
interface LazyPostEntity extends PostRow {
  author: Promise<UserRow>;
  tags: Promise<TagRow[]>;
}

/** Counts the statements TypeORM sends: its query runners call `logQuery` once before each query. */
class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The entities as `EntitySchema`s (tsx emits no decorator metadata). Post twice, on the same
 * table: with plain relations for `find({ relations })`, and with `lazy: true` relations for lazy
 * loads, as a TypeORM user chooses one or the other per relation. Tags are a many-to-many
 * through PostTag.
 */
function entities() {
  const key = { type: "integer", primary: true } as const;
  const user = new EntitySchema<UserRow>({ name: "User", tableName: "User", columns: { id: key, name: { type: "text" } } });
  const tag = new EntitySchema<TagRow>({ name: "Tag", tableName: "Tag", columns: { id: key, name: { type: "text" } } });
  const postColumns = { id: key, title: { type: "text" }, authorId: { type: "integer" } } as const;
  const tagsThrough = { name: "PostTag", joinColumn: { name: "postId", referencedColumnName: "id" }, inverseJoinColumn: { name: "tagId", referencedColumnName: "id" } };
  const post = new EntitySchema<PostEntity>({
    name: "Post",
    tableName: "Post",
    columns: postColumns,
    relations: {
      author: { type: "many-to-one", target: "User", joinColumn: { name: "authorId" } },
      tags: { type: "many-to-many", target: "Tag", joinTable: tagsThrough },
    },
  });
  const lazyPost = new EntitySchema<LazyPostEntity>({
    name: "LazyPost",
    tableName: "Post",
    columns: postColumns,
    relations: {
      author: { type: "many-to-one", target: "User", joinColumn: { name: "authorId" }, lazy: true },
      tags: { type: "many-to-many", target: "Tag", joinTable: tagsThrough, lazy: true },
    },
  });
  return { user, tag, post, lazyPost };
}

/**
 * The tables come from schema.ts, not `synchronize`: two entities share the Post table, which
 * synchronize would try to create twice. Table names are given: TypeORM's default is the
 * entity's name in snake case ("user").
 */
function options(target: SqlTarget, entityList: EntitySchema[], logger: Logger): DataSourceOptions {
  return { entities: entityList, synchronize: false, logger, ...typeormDatabase(target) };
}

/** Include through `find({ relations })`; lazy loads through lazy relations (`await post.author`). */
async function typeormRelations(target: SqlTarget): Promise<RelationsLibrary> {
  const counter = new StatementCounter();
  const schemas = entities();
  const source = new DataSource(options(target, Object.values(schemas), counter));
  await source.initialize();
  const posts = source.getRepository(schemas.post);
  const lazyPosts = source.getRepository(schemas.lazyPost);
  return {
    async setup() {
      // On PostgreSQL a connection of its own, with the schema on its search path (TypeORM's `schema` qualifies only the queries it builds).
      if (target.kind === "postgres") await runInSchema(target.url, target.schema, RELATIONS_POSTGRES_DDL);
      else for (const statement of target.kind === "sqlite" ? RELATIONS_SQLITE_DDL : RELATIONS_MYSQL_DDL) await source.query(statement);
      const data = relationsData();
      await source.getRepository(schemas.user).insert(data.users);
      await source.getRepository(schemas.tag).insert(data.tags);
      for (const batch of chunks(data.posts)) await posts.insert(batch);
      for (const batch of chunks(data.postTags)) await source.createQueryBuilder().insert().into("PostTag", ["postId", "tagId"]).values(batch).execute();
      if (target.kind === "postgres") await runInSchema(target.url, target.schema, [RELATIONS_VACUUM]);
    },
    async include(tally, limit) {
      const where = limit === undefined ? {} : { id: LessThanOrEqual(limit) };
      for (const post of await posts.find({ where, relations: { author: true, tags: true } })) tally.post(post.id, post.author, post.tags ?? []);
    },
    async lazy(tally, limit) {
      const where = limit === undefined ? {} : { id: LessThanOrEqual(limit) };
      for (const post of await lazyPosts.find({ where })) {
        const author = await post.author;
        tally.post(post.id, author, await post.tags);
      }
    },
    get statements() {
      return counter.count;
    },
    teardown: () => source.destroy(),
  };
}

export const typeormRelationsFactory: LibraryFactory<RelationsLibrary> = sqlOnly({
  name: "TypeORM",
  open: typeormRelations,
});
