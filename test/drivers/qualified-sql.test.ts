import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Index, Key, metaOf, model, ModelCollection, ReferenceTo, StoreAs, Unique, when } from "ommi";
import { prepareQuery, type PreparedPatch } from "ommi/driver";
import { postgresDialect } from "../../drivers/postgres/dialect.js";
import { insertRows } from "../../drivers/postgres/insert.js";
import { addColumn, completeTable, createIndex, createTable, dropTable } from "../../drivers/sql/ddl.js";
import type { SqlDialect } from "../../drivers/sql/dialect.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { sqliteDialect } from "../../drivers/sqlite/dialect.js";

const collection = new ModelCollection();
const Owner = model(z.object({ id: z.number().int().optional(), name: z.string() }), { name: "pg_namespace", collection, fields: { id: [Key, Auto], name: Unique } });
const Thing = model(
  z.object({ id: z.number().int().optional(), name: z.string(), ownerId: z.number().int().nullable(), size: z.number().int() }),
  { name: "pg_class", collection, fields: { id: [Key, Auto], ownerId: ReferenceTo(Owner.id), size: [StoreAs("relpages"), Index] } },
);
const [owner, thing] = [metaOf(Owner), metaOf(Thing)];

/** Every statement Ommi builds for these models: queries of each kind and shape, inserts and DDL. */
function everyStatement(dialect: SqlDialect, schema: string): string[] {
  const builder = new StatementBuilder(dialect, () => schema);
  const { tables } = builder;
  const queries = [
    when(Thing),
    when(Thing.name.eq("x"), Thing.size.in([1, 2]), Thing.name.notIn(["y"])),
    when(Thing, Owner.name.eq("x")),
    when(Thing.name.eq("x")).sort(Thing.size.desc()).limit(2, 1),
  ].map((query) => prepareQuery(query.node));
  const patch: PreparedPatch = { fields: [thing.fields[1] as never], values: ["renamed"] };
  const text = (statement: Parameters<SqlDialect["toQuery"]>[0]) => dialect.toQuery(statement).sql;
  return [
    ...queries.flatMap((query) => [builder.select(query), builder.selectFirst(query), builder.count(query), builder.update(query, patch), builder.delete(query)].map((compiled) => compiled.text)),
    builder.insert(thing).text,
    ...(dialect === postgresDialect ? [insertRows(thing, tables).text, insertRows(owner, tables).text] : []),
    ...[owner, thing].flatMap((meta) => [createTable(tables, meta), dropTable(tables, meta), ...completeTable(tables, meta, () => false)].map(text)),
    text(addColumn(tables, thing.fields[2] as never)),
    text(createIndex(tables, thing.fields[3] as never)),
  ];
}

/** Each mention of a table name that is not preceded by its schema. */
function unqualified(statement: string, schema: string, tableNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of tableNames) {
    const quoted = `"${name}"`;
    for (let at = statement.indexOf(quoted); at >= 0; at = statement.indexOf(quoted, at + 1)) {
      const before = statement.slice(0, at);
      if (!before.endsWith(`"${schema}".`)) found.push(`${quoted} at ${at} in: ${statement}`);
    }
  }
  return found;
}

describe("compiled SQL names every table with its schema", () => {
  it("PostgreSQL: every statement names \"app\".\"pg_class\", never \"pg_class\" alone (which is pg_catalog's)", () => {
    const statements = everyStatement(postgresDialect, "app");
    expect(statements.length).toBeGreaterThan(20);
    expect(statements.flatMap((statement) => unqualified(statement, "app", ["pg_class", "pg_namespace"]))).toEqual([]);
    expect(statements.join("\n")).toContain('"app"."pg_class"."name"');
    expect(statements.join("\n")).toContain('REFERENCES "app"."pg_namespace" ("id")');
    expect(statements.join("\n")).toContain('CREATE UNIQUE INDEX IF NOT EXISTS "pg_namespace_name_unique" ON "app"."pg_namespace" ("name")');
    // The key's sequence is found from the qualified table name, given as text to pg_get_serial_sequence.
    expect(insertRows(thing, new StatementBuilder(postgresDialect, () => "app").tables).bind([])).toContain('"app"."pg_class"');
  });

  it("PostgreSQL: the schema \"public\" is written too (Drizzle's pgSchema() would refuse it)", () => {
    const statements = everyStatement(postgresDialect, "public");
    expect(statements.flatMap((statement) => unqualified(statement, "public", ["pg_class", "pg_namespace"]))).toEqual([]);
  });

  it("SQLite: every statement names \"main\".\"pg_class\"; CREATE INDEX and REFERENCES as SQLite takes them", () => {
    const statements = everyStatement(sqliteDialect, "main");
    // SQLite writes the schema on the index name (the table is then the index's schema's), and
    // REFERENCES takes no schema (the parent is always in its child's schema).
    const other = statements.filter((statement) => !/^CREATE (UNIQUE )?INDEX/.test(statement));
    const withReferences = statements.filter((statement) => statement.includes("REFERENCES"));
    expect(withReferences.length).toBeGreaterThanOrEqual(2);
    expect(withReferences.every((statement) => statement.includes('REFERENCES "pg_namespace" ("id")'))).toBe(true);
    const outsideReferences = other.map((statement) => statement.replaceAll('REFERENCES "pg_namespace"', "REFERENCES"));
    expect(outsideReferences.flatMap((statement) => unqualified(statement, "main", ["pg_class", "pg_namespace"]))).toEqual([]);
    expect(unqualified('SELECT 1 FROM "pg_class"', "main", ["pg_class"])).toHaveLength(1);
    expect(statements).toContain('CREATE UNIQUE INDEX IF NOT EXISTS "main"."pg_namespace_name_unique" ON "pg_namespace" ("name")');
    expect(statements).toContain('CREATE INDEX IF NOT EXISTS "main"."pg_class_relpages_idx" ON "pg_class" ("relpages")');
  });
});
