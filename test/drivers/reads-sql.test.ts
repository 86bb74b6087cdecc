import { describe, expect, it } from "vitest";
import { z } from "zod";
import { metaOf, model, ModelCollection, StoreAs, when } from "ommi";
import { prepareQuery, type RawStatement } from "ommi/driver";
import { postgresDialect } from "../../drivers/postgres/dialect.js";
import { compileRaw } from "../../drivers/sql/raw.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { sqliteDialect } from "../../drivers/sqlite/dialect.js";
import { compiledSql } from "../support/compiled-sql.js";

// The SQL of reads: a select of some fields names only their columns; a statement the user wrote
// names tables schema-qualified, columns quoted, and binds every value.

const collection = new ModelCollection();
const Member = model(z.object({ id: z.number().int(), name: z.string(), joined: z.date(), active: z.boolean() }), {
  name: "Member",
  collection,
  fields: { name: StoreAs("full name") },
});
const meta = metaOf(Member);

describe("a select of some fields", () => {
  it.each(["sqlite", "postgres"] as const)("names only their columns (%s)", (dialect) => {
    const prepared = prepareQuery(when(Member.active.eq(true)).sort(Member.joined.desc()).node);
    const some = { ...prepared, fields: [meta.fields[1], meta.fields[3]] } as typeof prepared;
    const table = dialect === "sqlite" ? '"main"."Member"' : '"public"."Member"';
    const head = `SELECT ${table}."full name", ${table}."active" FROM ${table} WHERE`;
    expect(compiledSql(dialect).select(some).text.startsWith(head)).toBe(true);
    expect(compiledSql(dialect).selectFirst(some).text.startsWith(head)).toBe(true);
    expect(compiledSql(dialect).select(prepared).text.startsWith(`SELECT ${table}."id", ${table}."full name", ${table}."joined", ${table}."active" FROM`)).toBe(true);
  });
});

/** A raw statement as db.sql(Member)`...` builds it. */
function raw(strings: TemplateStringsArray, ...values: unknown[]): RawStatement {
  const tokens = values.map((value) => {
    if (value === Member) return { kind: "table" as const, model: meta };
    const field = meta.fields.find((each) => (Member as unknown as Record<string, unknown>)[each.name] === value);
    return field ? { kind: "column" as const, field } : { kind: "value" as const, value: value as string };
  });
  return { strings, tokens };
}

describe("a statement the user wrote", () => {
  const statement = raw`SELECT ${Member}.* FROM ${Member} WHERE ${Member.name} = ${"it's $1 ?"} AND ${Member}.${Member.active} = ${true}`;

  it("names the table schema-qualified, by name alone before a dot, columns quoted, and binds values (sqlite)", () => {
    const compiled = compileRaw(sqliteDialect, new StatementBuilder(sqliteDialect, () => "main").tables, statement);
    expect(compiled.text).toBe('SELECT "Member".* FROM "main"."Member" WHERE "full name" = ? AND "Member"."active" = ?');
    expect(compiled.bind(["", "", "", "it's $1 ?", "", "", true])).toEqual(["it's $1 ?", 1]);
  });

  it("names the table schema-qualified, by name alone before a dot, columns quoted, and binds values (postgres)", () => {
    const compiled = compileRaw(postgresDialect, new StatementBuilder(postgresDialect, () => "app").tables, statement);
    expect(compiled.text).toBe('SELECT "Member".* FROM "app"."Member" WHERE "full name" = $1 AND "Member"."active" = $2');
    expect(compiled.bind([undefined, undefined, undefined, "it's $1 ?", undefined, undefined, true])).toEqual(["it's $1 ?", true]);
  });
});
