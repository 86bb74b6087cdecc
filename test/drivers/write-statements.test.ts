import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Auto, increment, Key, metaOf, model, ModelCollection, Ommi, Unique, when } from "ommi";
import { prepareQuery, type PreparedPatch } from "ommi/driver";
import { SQLiteDriver } from "ommi/sqlite";
import { postgresDialect } from "../../drivers/postgres/dialect.js";
import type { SqlDialect } from "../../drivers/sql/dialect.js";
import { StatementSet } from "../../drivers/sql/statement-set.js";
import { StatementBuilder } from "../../drivers/sql/statements.js";
import { conflictClause, conflictShape } from "../../drivers/sql/upsert.js";
import { sqliteDialect } from "../../drivers/sqlite/dialect.js";

// The statements of upserts, increments and updates that return rows: their SQL, and that each
// shape is compiled once (DESIGN.md §5), whatever the values.

function defineCounter() {
  return model(z.object({ id: z.number().int(), visits: z.number().int(), ratio: z.number(), big: z.bigint(), email: z.string() }), {
    name: "Counter", collection: new ModelCollection(), fields: { email: Unique },
  });
}

const Counter = defineCounter();
const meta = metaOf(Counter);
const field = (name: string) => meta.field(name) as NonNullable<ReturnType<typeof meta.field>>;
const patchOf = (values: Record<string, unknown>): PreparedPatch => ({ fields: Object.keys(values).map(field), values: Object.values(values) });
const query = prepareQuery(when(Counter.id.eq(1)).node);

function textOf(dialect: SqlDialect, patch: PreparedPatch, returning = false): string {
  return new StatementBuilder(dialect, () => "s").update(query, patch, returning).text;
}

describe("increments", () => {
  it("add to the stored value in the UPDATE itself; SQLite's integers through a function that fails past 64 bits", () => {
    const patch = patchOf({ visits: increment(1), ratio: increment(0.5), big: increment(1n), email: "x" });
    expect(textOf(sqliteDialect, patch)).toBe(
      'UPDATE "s"."Counter" SET "visits" = ommi_add_integers("visits", ?), "ratio" = "ratio" + ?, "big" = ommi_add_integers("big", ?), "email" = ? WHERE "s"."Counter"."id" = ?',
    );
    expect(textOf(postgresDialect, patch)).toContain('"visits" = "visits" + $1, "ratio" = "ratio" + $2, "big" = "big" + $3, "email" = $4');
  });

  it("bind the amount, encoded as a value of the field", () => {
    const builder = new StatementBuilder(postgresDialect, () => "s");
    const compiled = builder.update(query, patchOf({ big: increment(5n) }));
    expect(compiled.bind(query.values, [increment(5n)])).toEqual(["5", 1]);
  });

  it("are a shape of their own, compiled once, whatever the amount", () => {
    const kept = vi.fn(() => ({}));
    const statements = new StatementSet(new StatementBuilder(sqliteDialect, () => "s"), kept);
    statements.update(query, patchOf({ visits: 1 }));
    statements.update(query, patchOf({ visits: increment(1) }));
    statements.update(query, patchOf({ visits: increment(-7) }));
    statements.update(query, patchOf({ visits: 3 }));
    expect(kept).toHaveBeenCalledTimes(2);
  });
});

describe("update returning", () => {
  it("is the UPDATE with RETURNING of every column, unqualified, in field order, cached apart from the plain UPDATE", () => {
    const patch = patchOf({ visits: increment(1) });
    expect(textOf(postgresDialect, patch, true)).toMatch(/ RETURNING "id", "visits", "ratio", "big", "email"$/);
    const kept = vi.fn(() => ({}));
    const statements = new StatementSet(new StatementBuilder(sqliteDialect, () => "s"), kept);
    statements.update(query, patch);
    statements.updateReturning(query, patch);
    statements.updateReturning(query, patch);
    expect(kept.mock.calls.map((call: unknown[]) => call[1])).toEqual(["update", "updateReturning"]);
  });
});

describe("upsert", () => {
  it("is ON CONFLICT on the on columns, DO UPDATE SET from excluded, or DO NOTHING; an empty list sets an on column to itself", () => {
    const on = [field("email")];
    const text = (update: PreparedPatch["fields"] | "none") => sqliteDialect.toQuery(conflictClause({ on, update })).sql;
    expect(text([field("visits"), field("ratio")])).toBe(' ON CONFLICT ("email") DO UPDATE SET "visits" = excluded."visits", "ratio" = excluded."ratio"');
    expect(text("none")).toBe(' ON CONFLICT ("email") DO NOTHING');
    expect(text([])).toBe(' ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email"');
  });

  it("has one shape per model, on fields and fields set", () => {
    const shapes = [
      { on: [field("email")], update: [field("visits")] },
      { on: [field("email")], update: [field("ratio")] },
      { on: [field("email")], update: "none" as const },
      { on: [field("email")], update: [] },
      { on: [field("id")], update: [field("visits")] },
    ];
    expect(new Set(shapes.map((conflict) => conflictShape(meta, conflict))).size).toBe(shapes.length);
  });

  it("compiles its statement once per shape on SQLite: a second call of the same shape compiles nothing", async () => {
    const collection = new ModelCollection();
    const Tag = model(z.object({ id: z.number().int().optional(), label: z.string(), uses: z.number().int() }), { name: "Tag", collection, fields: { id: [Key, Auto], label: Unique } });
    const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
    try {
      await db.schema(collection).createModels().raiseOnErrors();
      const compile = vi.spyOn(sqliteDialect, "toQuery");
      await db.upsert(Tag, [{ label: "a", uses: 1 }], { on: Tag.label, update: ["uses"] }).raiseOnErrors();
      const first = compile.mock.calls.length;
      await db.upsert(Tag, [{ label: "a", uses: 2 }, { label: "b", uses: 3 }], { on: Tag.label, update: ["uses"] }).raiseOnErrors();
      await db.find(Tag.label.eq("a")).update({ uses: increment(1) }).raiseOnErrors();
      const second = compile.mock.calls.length;
      await db.find(Tag.label.eq("b")).update({ uses: increment(5) }).raiseOnErrors();
      expect([first, compile.mock.calls.length]).toEqual([1, second]);
      compile.mockRestore();
      expect(await db.find(when(Tag).sort(Tag.label.asc())).all().value).toEqual([{ id: 1, label: "a", uses: 3 }, { id: 2, label: "b", uses: 8 }]);
    } finally {
      await db.close();
    }
  });
});
