import { DataSource, EntitySchema, LessThan, MoreThanOrEqual, type DataSourceOptions } from "typeorm";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, sqlOnly, type BenchLibrary, type LibraryFactory, type SqlTarget } from "../library.js";
import { databaseUrl } from "../mysql.js";

interface UserEntity extends UserInput {
  id?: number;
}

interface AuthorEntity {
  id?: number;
  name: string;
  country: string;
}

interface BookEntity {
  id?: number;
  title: string;
  authorId: number;
  year: number;
  author?: AuthorEntity;
}

/**
 * The entities as `EntitySchema`s: tsx (esbuild) emits no `design:type` metadata, which
 * TypeORM's decorators need. Same tables as every other library.
 */
function entities(target: SqlTarget) {
  const float = ({ sqlite: "real", postgres: "double precision", mysql: "double" } as const)[target.kind];
  const id = { type: "integer", primary: true, generated: true } as const;
  const user = (name: string) =>
    new EntitySchema<UserEntity>({
      name,
      columns: { id, name: { type: "text" }, age: { type: "integer" }, email: { type: "text" }, active: { type: "boolean" }, score: { type: float } },
    });
  const author = new EntitySchema<AuthorEntity>({ name: "Author", columns: { id, name: { type: "text" }, country: { type: "text" } } });
  const book = new EntitySchema<BookEntity>({
    name: "Book",
    columns: { id, title: { type: "text" }, authorId: { type: "integer" }, year: { type: "integer" } },
    relations: { author: { type: "many-to-one", target: "Author", joinColumn: { name: "authorId" } } },
    indices: [{ name: "Book_authorId_idx", columns: ["authorId"] }],
  });
  // UserStream on MySQL only, where TypeORM streams without another package (mysql2's query stream).
  return { user: user("User"), userInsert: user("UserInsert"), ...(target.kind === "mysql" && { userStream: user("UserStream") }), author, book };
}

/** Where TypeORM connects, on one connection as every library gets (for the core and the relations workloads alike). */
export function typeormDatabase(target: SqlTarget) {
  if (target.kind === "sqlite") return { type: "better-sqlite3", database: ":memory:" } as const;
  // TypeORM's MySQL driver is mysql2; its documentation has MariaDB users say "mariadb" (RETURNING, for one).
  if (target.kind === "mysql") return { type: target.mariadb ? "mariadb" : "mysql", url: databaseUrl(target), poolSize: 1 } as const;
  // TypeORM's PostgreSQL driver is node-postgres (pg).
  return { type: "postgres", url: target.url, schema: target.schema, poolSize: 1 } as const;
}

function options(target: SqlTarget, entityList: EntitySchema[]): DataSourceOptions {
  return { entities: entityList, synchronize: true, logging: false, ...typeormDatabase(target) };
}

/** TypeORM through its repositories and find options, as its documentation writes queries. */
async function typeormLibrary(target: SqlTarget): Promise<BenchLibrary> {
  const schemas = entities(target);
  const source = new DataSource(options(target, Object.values(schemas)));
  await source.initialize();
  const users$ = source.getRepository(schemas.user);
  const inserted = source.getRepository(schemas.userInsert);
  const books$ = source.getRepository(schemas.book);
  return {
    async setup() {
      for (const batch of chunks(users(USER_COUNT))) await users$.insert(batch);
      await source.getRepository(schemas.author).insert(authors());
      for (const batch of chunks(books())) await books$.insert(batch);
    },
    insert: (rows) =>
      source.transaction(async (manager) => {
        for (const batch of chunks(rows)) await manager.insert(schemas.userInsert, batch);
      }),
    clearInserted: () => inserted.clear(),
    fetchFiltered: async () => (await users$.find({ where: { age: LessThan(FILTERS.fetchBelowAge) } })).length,
    lookup: async (id) => (await users$.findOneBy({ id })) !== null,
    count: () => users$.countBy({ age: MoreThanOrEqual(FILTERS.countFromAge), active: true }),
    update: async (score) => (await users$.update({ age: LessThan(FILTERS.updateBelowAge) }, { score })).affected ?? 0,
    crossModel: async () => (await books$.find({ where: { author: { country: FILTERS.authorCountry } } })).length,
    ...(schemas.userStream && streaming(source, schemas.userStream)),
    teardown: () => source.destroy(),
  };
}

/** MySQL: UserStream loaded as the other tables are, and streamed through the query builder's `stream()` (raw rows, as TypeORM streams them). */
function streaming(source: DataSource, userStream: EntitySchema<UserEntity>): Pick<BenchLibrary, "loadStream" | "stream"> {
  return {
    async loadStream(batches) {
      for (const batch of batches) {
        await source.transaction(async (manager) => {
          for (const rows of chunks(batch)) await manager.insert(userStream, rows);
        });
      }
    },
    async *stream() {
      yield* (await source.getRepository(userStream).createQueryBuilder("user").stream()) as AsyncIterable<unknown>;
    },
  };
}

export const typeorm: LibraryFactory = sqlOnly({
  name: "TypeORM",
  open: typeormLibrary,
});
