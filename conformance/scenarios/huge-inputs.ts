import { expect, it } from "vitest";
import { z } from "zod";
import { ConstraintError, model, QueryError, Unique } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { failure } from "../support/results.js";

export const hugeInputs = defineScenario("huge-inputs", "messages about huge inputs", (context) => {
  // A third test, on a schema library's message (Valibot), is in test/conformance/library-messages.test.ts:
  // the suite needs no schema library but Zod.
  const huge = "a".repeat(1_000_000);

  it("quote a huge query value shortened, with its length", async () => {
    const { db, create, collection } = context();
    const Count = model(z.object({ id: z.number().int(), n: z.number().int() }), { name: "Count", collection });
    await create();
    // @ts-expect-error a string for an integer field: refused before any query runs
    const error = await failure(db.find(Count.n.eq(huge)).all());
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toMatch(/1000000 characters/);
    expect(error.message.length).toBeLessThan(500);
  });

  it("keep a database's message short when it repeats a stored value", async () => {
    const { db, create, collection } = context();
    const Tag = model(z.object({ id: z.number().int(), label: z.string() }), { name: "Tag", collection, fields: { label: Unique } });
    await create();
    // Long enough to dwarf a message, short enough for PostgreSQL's index entries.
    const label = "x".repeat(2000);
    await db.add(Tag, { id: 1, label }).raiseOnErrors();
    const error = await failure(db.add(Tag, { id: 2, label }));
    expect(error).toBeInstanceOf(ConstraintError);
    expect(error.message.length).toBeLessThan(1000);
  });
});
