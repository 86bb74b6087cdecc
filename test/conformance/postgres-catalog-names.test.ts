import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Key, model, ModelCollection, not, Ommi, ReferenceTo, SchemaError, Unique, when } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { failure } from "../support/results.js";
import { useThrowawayPostgres } from "../support/throwaway-postgres.js";

/**
 * DESTRUCTIVE: models named like PostgreSQL's system catalogs, written to and deleted from as a
 * superuser. Before every table reference named its schema, `find(pg_class).count()` counted the
 * catalog's rows and `delete()` deleted them, after which the server PANICked on every new
 * connection. So these run only on a private cluster that the test starts and removes
 * (useThrowawayPostgres), never on a shared server.
 */
const cluster = useThrowawayPostgres();

const collection = new ModelCollection();
const PgNamespace = model(z.object({ id: z.number().int().optional(), nspname: z.string() }), {
  name: "pg_namespace",
  collection,
  fields: { id: [Key, Auto], nspname: Unique },
});
const PgClass = model(z.object({ id: z.number().int().optional(), relname: z.string(), relnamespace: z.number().int() }), {
  name: "pg_class",
  collection,
  fields: { id: [Key, Auto], relnamespace: ReferenceTo(PgNamespace.id) },
});
const PgType = model(z.object({ id: z.number().int().optional(), typname: z.string(), typrelid: z.number().int().nullable() }), {
  name: "pg_type",
  collection,
  fields: { id: [Key, Auto], typrelid: ReferenceTo(PgClass.id) },
});
// Named like views of information_schema (on the search_path in one of the cases below).
const Columns = model(z.object({ id: z.number().int(), table_name: z.string() }), { name: "columns", collection });

const opened: { end(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.end()));
});

function urlOf(database: string): string {
  return cluster.url.replace(/\/test$/, `/${database}`);
}

function admin(database = "test"): postgres.Sql {
  const sql = postgres(urlOf(database), { max: 1, onnotice: () => undefined });
  opened.push({ end: () => sql.end({ timeout: 0 }) });
  return sql;
}

async function connect(options: PostgreSQLOptions): Promise<Ommi> {
  const driver = await PostgreSQLDriver.connect(options);
  opened.push({ end: () => driver.close() });
  return new Ommi(driver);
}

/** A fresh database with the given search_path for every connection to it. */
async function databaseWithSearchPath(searchPath: string): Promise<string> {
  const name = `db_${Math.random().toString(36).slice(2, 10)}`;
  const sql = admin("postgres");
  await sql.unsafe(`CREATE DATABASE ${name}`);
  await sql.unsafe(`ALTER DATABASE ${name} SET search_path = ${searchPath}`);
  return name;
}

/** What must not change: the catalog rows, counted through the catalog's own qualified names. */
async function catalogSnapshot(sql: postgres.Sql): Promise<Record<string, number>> {
  const [row] = await sql.unsafe<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM pg_catalog.pg_class) AS pg_class,
            (SELECT count(*) FROM pg_catalog.pg_type) AS pg_type,
            (SELECT count(*) FROM pg_catalog.pg_namespace) AS pg_namespace,
            (SELECT count(*) FROM pg_catalog.pg_attribute) AS pg_attribute,
            (SELECT count(*) FROM information_schema.columns) AS columns`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([name, count]) => [name, Number(count)]));
}

/** add, count, find (related, in-list, sorted), update (plain and limited), delete: on Ommi's tables only. */
async function workOn(db: Ommi): Promise<void> {
  const namespaces = await db.add(PgNamespace, [{ nspname: "n1" }, { nspname: "n2" }]).value;
  const [n1, n2] = namespaces.map((row) => row.id);
  await db.add(PgClass, [{ relname: "a", relnamespace: n1 as number }, { relname: "b", relnamespace: n1 as number }, { relname: "c", relnamespace: n2 as number }]).raiseOnErrors();
  const classes = await db.find(when(PgClass).sort(PgClass.id.asc())).all().value;
  await db.add(PgType, [{ typname: "t1", typrelid: classes[0]?.id ?? null }, { typname: "t2", typrelid: null }]).raiseOnErrors();
  await db.add(Columns, [{ id: 1, table_name: "x" }]).raiseOnErrors();

  expect(await db.find(PgNamespace).count().value).toBe(2);
  expect(await db.find(PgClass).count().value).toBe(3);
  expect(await db.find(PgType).count().value).toBe(2);
  expect(await db.find(Columns).count().value).toBe(1);
  expect((await db.find(PgClass, PgNamespace.nspname.eq("n1")).all().value).map((row) => row.relname).sort()).toEqual(["a", "b"]);
  expect(await db.find(PgType, PgNamespace.nspname.eq("n1")).count().value).toBe(1);
  expect(await db.find(PgClass, PgClass.relname.in(["a", "c", "pg_class"])).count().value).toBe(2);
  expect(await db.find(not(PgClass.relname.in(["a"]))).count().value).toBe(2);

  expect(await db.find(PgClass.relname.eq("a")).update({ relname: "a2" }).value).toBe(1);
  expect(await db.find(when(PgClass).sort(PgClass.relname.desc()).limit(1)).update({ relname: "z" }).value).toBe(1);
  expect((await db.find(when(PgClass).sort(PgClass.relname.asc())).all().value).map((row) => row.relname)).toEqual(["a2", "b", "z"]);
  expect(await db.find(when(PgType).sort(PgType.id.asc()).limit(1)).delete().value).toBe(1);

  expect(await db.find(PgType).delete().value).toBe(1);
  expect(await db.find(PgClass).delete().value).toBe(3);
  expect(await db.find(PgNamespace).delete().value).toBe(2);
  expect(await db.find(Columns).delete().value).toBe(1);
  expect(await db.find(PgClass).count().value).toBe(0);
}

/** The server still serves new connections, and the catalog is as it was. */
async function expectCatalogIntact(database: string, before: Record<string, number>): Promise<void> {
  const fresh = admin(database);
  expect(await catalogSnapshot(fresh)).toEqual(before);
  const [row] = await fresh.unsafe<{ relname: string }[]>("SELECT relname FROM pg_catalog.pg_class WHERE relname = 'pg_class' AND relnamespace = 'pg_catalog'::regnamespace");
  expect(row?.relname).toBe("pg_class");
}

describe("models named like PostgreSQL's catalogs touch only Ommi's own tables [throwaway cluster]", () => {
  it("the reported case: count() and delete() of a model pg_class in a schema of its own reach that table, not the catalog", async () => {
    const alone = new ModelCollection();
    const Lone = model(z.object({ id: z.number().int(), name: z.string() }), { name: "pg_class", collection: alone });
    const db = await connect({ url: cluster.url, schema: "reported" });
    await db.schema(alone).createModels().raiseOnErrors();
    const before = await catalogSnapshot(admin());
    expect(await db.find(Lone).count().value).toBe(0);
    await db.add(Lone, [{ id: 1, name: "one" }]).raiseOnErrors();
    expect(await db.find(Lone).count().value).toBe(1);
    expect(await db.find(Lone).delete().value).toBe(1);
    expect(await db.find(Lone).delete().value).toBe(0);
    await expectCatalogIntact("test", before);
  });

  it('with schema: "app": createModels, add, count, find, update and delete leave the catalog as it was', async () => {
    const sql = admin();
    const beforeCreate = await catalogSnapshot(sql);
    const db = await connect({ url: cluster.url, schema: "app" });
    await db.schema(collection).createModels().raiseOnErrors();
    const before = await catalogSnapshot(sql);
    await workOn(db);
    await expectCatalogIntact("test", before);
    // The rows went to app's tables: there they are (and nowhere else).
    await db.add(PgNamespace, { nspname: "kept" }).raiseOnErrors();
    expect(await sql.unsafe("SELECT nspname FROM app.pg_namespace")).toEqual([{ nspname: "kept" }]);
    // deleteModels drops exactly what createModels made: the catalog is as before, but for the schema "app".
    await db.schema(collection).deleteModels().raiseOnErrors();
    expect(await sql.unsafe("SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = 'app'::regnamespace")).toEqual([{ n: 0 }]);
    await expectCatalogIntact("test", { ...beforeCreate, pg_namespace: (beforeCreate.pg_namespace as number) + 1 });
  });

  it("without a schema option: the connection's current schema (read once at connect) names every table", async () => {
    const database = await databaseWithSearchPath('"$user", public');
    const db = await connect({ url: urlOf(database) });
    await db.schema(collection).createModels().raiseOnErrors();
    const sql = admin(database);
    const before = await catalogSnapshot(sql);
    await workOn(db);
    await expectCatalogIntact(database, before);
    await db.add(PgClass, [{ relname: "kept", relnamespace: (await db.add(PgNamespace, { nspname: "k" }).value)[0]?.id as number }]).raiseOnErrors();
    expect(await sql.unsafe("SELECT relname FROM public.pg_class")).toEqual([{ relname: "kept" }]);
  });

  it("a table of information_schema on the search_path is never taken for a model's missing table", async () => {
    // public is the current schema; information_schema.columns is on the path after it.
    const database = await databaseWithSearchPath("public, information_schema");
    const db = await connect({ url: urlOf(database) });
    // No table yet: unqualified, "columns" would have been information_schema.columns (thousands of rows).
    expect(await failure(db.find(Columns).count())).toBeInstanceOf(SchemaError);
    await db.schema(collection).createModels().raiseOnErrors();
    expect(await db.find(Columns).count().value).toBe(0);
  });

  it("no existing schema on the search_path: a SchemaError saying to pass `schema`, before anything is created", async () => {
    const database = await databaseWithSearchPath("nothing_here");
    const db = await connect({ url: urlOf(database) });
    const error = await failure(db.schema(collection).createModels());
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.message).toMatch(/no current schema.*schema: "app"/);
    expect(await failure(db.find(PgClass).count())).toBeInstanceOf(SchemaError);
  });

  it("a system schema as the current schema, or as the schema option, is refused: Ommi's tables never go there", async () => {
    const before = await catalogSnapshot(admin());
    const database = await databaseWithSearchPath("pg_catalog");
    const onCatalog = await connect({ url: urlOf(database) });
    expect((await failure(onCatalog.find(PgClass).count())).message).toMatch(/"pg_catalog", a schema of PostgreSQL's own/);
    expect(await failure(onCatalog.find(PgClass).delete())).toBeInstanceOf(SchemaError);
    for (const schema of ["pg_catalog", "information_schema", "pg_toast"]) {
      const db = await connect({ url: cluster.url, schema });
      expect(await failure(db.schema(collection).createModels())).toBeInstanceOf(SchemaError);
      expect(await failure(db.find(PgClass).delete())).toBeInstanceOf(SchemaError);
    }
    await expectCatalogIntact("test", before);
  });
});
