import { DataSource, EntitySchema, LessThan, MoreThanOrEqual, type DataSourceOptions } from "typeorm";
import { authors, books, FILTERS, USER_COUNT, users, type UserInput } from "../data.js";
import { chunks, sqlOnly, type BenchLibrary, type LibraryFactory, type SqlTarget } from "../library.js";

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
  const float = target.kind === "sqlite" ? "real" : "double precision";
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
  return { user: user("User"), userInsert: user("UserInsert"), author, book };
}

function options(target: SqlTarget, entityList: EntitySchema[]): DataSourceOptions {
  const common = { entities: entityList, synchronize: true, logging: false } as const;
  if (target.kind === "sqlite") return { ...common, type: "better-sqlite3", database: ":memory:" };
  // TypeORM's PostgreSQL driver is node-postgres (pg).
  return { ...common, type: "postgres", url: target.url, schema: target.schema, poolSize: 1 };
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
    teardown: () => source.destroy(),
  };
}

export const typeorm: LibraryFactory = sqlOnly({
  name: "TypeORM",
  open: typeormLibrary,
});
