import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Index, model, ModelCollection, Ommi, Unique, when, type Query } from "ommi";
import { prepareQuery } from "ommi/driver";
import { PostgreSQLDriver } from "ommi/postgres";
import { SQLiteDriver } from "ommi/sqlite";
import { skipWithoutPostgres } from "../support/postgres-suite.js";
import { compiledSql } from "../support/compiled-sql.js";
import { testDatabaseUrl } from "../support/postgres.js";

// Indexes on structured fields, and that the database uses them for the conditions Ommi sends:
// `fields: { "profile.city": Index }` is an expression index on exactly the expression a
// condition on profile.city compiles to (both databases); `Index` on an array field is a GIN
// index on `(column::jsonb)` on PostgreSQL, used by has, hasAll and hasAny of scalar items (and
// to narrow has of object items), and no index on SQLite (which has none for JSON arrays).

function defineDoc(collection: ModelCollection) {
  return model(
    z.object({
      id: z.number().int(),
      profile: z.object({ city: z.string(), code: z.string().optional(), rank: z.number().int(), since: z.date() }).nullable(),
      tags: z.array(z.string()),
      lines: z.array(z.object({ sku: z.string(), qty: z.number().int() })),
    }),
    { name: "Doc", collection, fields: { tags: Index, lines: Index, "profile.city": Index, "profile.code": Unique, "profile.rank": Index, "profile.since": Index } },
  );
}

type Doc = ReturnType<typeof defineDoc>;

/** Enough rows, and values rare enough, that a database's planner prefers an index when it can use one. */
function rows(count: number) {
  return Array.from({ length: count }, (_, id) => ({
    id,
    profile: id % 10 === 0 ? null : { city: `city ${id % 300}`, code: `code ${id}`, rank: id, since: new Date(id * 1000) },
    tags: [`tag ${id % 500}`, `group ${id % 7}`],
    lines: [{ sku: `sku ${id}`, qty: id % 3 }],
  }));
}

const conditions = (Doc: Doc) => ({
  "profile.city eq": when(Doc.profile.city.eq("city 17")),
  "profile.city in": when(Doc.profile.city.in(["city 17", "city 18"])),
  "profile.rank between": when(Doc.profile.rank.gte(100), Doc.profile.rank.lt(110)),
  "profile.since eq": when(Doc.profile.since.eq(new Date(17_000))),
  "tags has": when(Doc.tags.has("tag 17")),
  "tags hasAll": when(Doc.tags.hasAll(["tag 17", "group 3"])),
  "tags hasAny": when(Doc.tags.hasAny(["tag 17", "tag 18"])),
  "lines has an object item": when(Doc.lines.has({ sku: "sku 17", qty: 2 })),
});

/** The index each condition is expected to use on PostgreSQL. */
const POSTGRES_INDEXES: Readonly<Record<keyof ReturnType<typeof conditions>, string>> = {
  "profile.city eq": "Doc_profile.city_idx",
  "profile.city in": "Doc_profile.city_idx",
  "profile.rank between": "Doc_profile.rank_idx",
  "profile.since eq": "Doc_profile.since_idx",
  "tags has": "Doc_tags_idx",
  "tags hasAll": "Doc_tags_idx",
  "tags hasAny": "Doc_tags_idx",
  "lines has an object item": "Doc_lines_idx",
};

const SQLITE_INDEXED = ["profile.city eq", "profile.city in", "profile.rank between", "profile.since eq"] as const;

describe("structured indexes [sqlite]", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "ommi-indexes-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("creates an expression index per nested Index or Unique, none for an array, and the planner uses them", async () => {
    const file = join(folder, `${randomBytes(4).toString("hex")}.db`);
    const collection = new ModelCollection();
    const Doc = defineDoc(collection);
    const db = new Ommi(await SQLiteDriver.connect({ filename: file }));
    try {
      await db.schema(collection).createModels().raiseOnErrors();
      // Idempotent: a second run finds every index there.
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Doc, rows(1000)).raiseOnErrors();
      const reader = new Database(file, { readonly: true });
      try {
        const names = (reader.prepare(`PRAGMA main.index_list("Doc")`).all() as { name: string; unique: number }[]).map(({ name, unique }) => `${name}${unique ? " (unique)" : ""}`);
        expect(names.sort()).toEqual(["Doc_profile.city_idx", "Doc_profile.code_unique (unique)", "Doc_profile.rank_idx", "Doc_profile.since_idx"].sort());
        const sql = compiledSql("sqlite");
        for (const title of SQLITE_INDEXED) {
          const { text, params } = sql.select(prepareQuery((conditions(Doc)[title] as Query<unknown>).node));
          const plan = (reader.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((step) => step.detail).join("; ");
          expect(plan, title).toMatch(/USING INDEX "?Doc_profile\.(city|rank|since)_idx/);
        }
      } finally {
        reader.close();
      }
      // The conditions give the same rows as without an index.
      expect(await db.find(conditions(Doc)["profile.city eq"]).count().value).toBe(4);
      const duplicate = await db.add(Doc, { id: 5000, profile: { city: "x", code: "code 1", rank: 0, since: new Date(0) }, tags: [], lines: [] });
      expect(duplicate.ok ? undefined : duplicate.error.name).toBe("ConstraintError");
    } finally {
      await db.close();
    }
  });
});

describe("structured indexes [postgres]", () => {
  skipWithoutPostgres();

  it("creates expression indexes and GIN indexes on (column::jsonb), and the planner uses them", { timeout: 60_000 }, async () => {
    const schema = `ommi_test_${randomBytes(8).toString("hex")}`;
    // Binds Ommi's JSON text as it is, as the driver does (drivers/postgres/options.ts).
    const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined, types: { json: { to: 114, from: [114, 3802], serialize: (text: string) => text, parse: (text: string) => text } } });
    await admin.unsafe(`CREATE SCHEMA "${schema}"`);
    const collection = new ModelCollection();
    const Doc = defineDoc(collection);
    const db = new Ommi(await PostgreSQLDriver.connect({ url: testDatabaseUrl, schema }));
    try {
      await db.schema(collection).createModels().raiseOnErrors();
      await db.schema(collection).createModels().raiseOnErrors();
      await db.add(Doc, rows(5000)).raiseOnErrors();
      await admin.unsafe(`ANALYZE "${schema}"."Doc"`);
      const indexes = await admin.unsafe<{ indexname: string; indexdef: string }[]>("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname", [schema]);
      const definitions = Object.fromEntries(indexes.map(({ indexname, indexdef }) => [indexname, indexdef]));
      expect(definitions["Doc_tags_idx"]).toContain("USING gin (((tags)::jsonb) jsonb_path_ops)");
      expect(definitions["Doc_profile.code_unique"]).toMatch(/^CREATE UNIQUE INDEX/);
      const sql = compiledSql("postgres", schema);
      for (const [title, condition] of Object.entries(conditions(Doc))) {
        const { text, params } = sql.select(prepareQuery((condition as Query<unknown>).node));
        const plan = (await admin.unsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${text}`, params as never[])).map((line) => line["QUERY PLAN"]).join("\n");
        expect(plan, title).toContain(POSTGRES_INDEXES[title as keyof typeof POSTGRES_INDEXES]);
      }
      expect(await db.find(conditions(Doc)["tags has"]).count().value).toBe(10);
      expect(await db.find(conditions(Doc)["lines has an object item"]).count().value).toBe(1);
      const duplicate = await db.add(Doc, { id: 9000, profile: { city: "x", code: "code 1", rank: 0, since: new Date(0) }, tags: [], lines: [] });
      expect(duplicate.ok ? undefined : duplicate.error.name).toBe("ConstraintError");
    } finally {
      await db.close();
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});
