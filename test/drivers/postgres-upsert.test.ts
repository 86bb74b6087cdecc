import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Auto, Key, model, Unique } from "ommi";
import { postgresOnly } from "../support/postgres-suite.js";

// PostgreSQL upserts 10,000 rows per statement (drivers/postgres/upsert.ts): a call of more runs
// several statements in one transaction, and each row still comes back at its own position.

const postgres = postgresOnly();

async function open() {
  const { db, collection, create } = await postgres.open();
  const Tag = model(z.object({ id: z.number().int().optional(), label: z.string(), code: z.string().nullable(), uses: z.number().int() }), {
    name: "Tag", collection, fields: { id: [Key, Auto], label: Unique },
  });
  await create();
  return { db, Tag };
}

describe("PostgreSQL upserts past one statement's rows", () => {
  it("keeps every row at its position across statements, generated keys included", async () => {
    const { db, Tag } = await open();
    await db.add(Tag, Array.from({ length: 5000 }, (_, index) => ({ label: `t${index * 5}`, code: null, uses: 0 }))).raiseOnErrors();
    const count = 25_001;
    const rows = await db.upsert(Tag, Array.from({ length: count }, (_, index) => ({ label: `t${index}`, code: `c${index}`, uses: index })), { on: Tag.label, update: ["uses"] }).value;
    expect(rows).toHaveLength(count);
    // Labels t0, t5, ..., t24995 were stored: those rows keep their code (update names uses only).
    const matched = (index: number) => index % 5 === 0 && index < 25_000;
    const wrong = rows.filter((row, index) => !(row.label === `t${index}` && row.uses === index && row.code === (matched(index) ? null : `c${index}`)));
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(count);
    expect(await db.find(Tag).count().value).toBe(count);
  });

  it("fails all the statements of a call together when one row breaks a constraint", async () => {
    const { db, Tag } = await open();
    const rows = Array.from({ length: 10_005 }, (_, index) => ({ id: index + 1, label: `t${index}`, code: null, uses: 0 }));
    // The last row's key is another row's: a unique violation in the second statement.
    rows[10_004] = { id: 1, label: "last", code: null, uses: 0 };
    const result = await db.upsert(Tag, rows, { on: Tag.label, update: "all" });
    expect(result.ok).toBe(false);
    expect(await db.find(Tag).count().value).toBe(0);
  });
});
