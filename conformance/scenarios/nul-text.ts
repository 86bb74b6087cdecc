import { expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError, ValidationError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { failure, fieldOf } from "../support/results.js";
import { storesTextWithNul } from "../support/probes.js";

/**
 * U+0000 inside text: SQLite stores it like any other character; PostgreSQL's text cannot hold
 * it at all, so there it is refused, never cut or changed. Which of the two a database does is
 * asked of it (see storesTextWithNul); either way, the rest of the rule is held to.
 */
export const nulText = defineScenario("nul-text", "text containing NUL (U+0000)", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Line = model(z.object({ id: z.number().int(), text: z.string() }), { name: "Line", collection });
    await create();
    await addRows(db, Line, [{ id: 1, text: "admin" }, { id: 2, text: "alpha" }]);
    return { db, Line, storesNul: await storesTextWithNul(db) };
  }

  it("is stored exactly where the database can hold it, and refused by name where it cannot", needing(context, ["batches"], async () => {
    const { db, Line, storesNul } = await setup();
    const outcome = await db.add(Line, [{ id: 3, text: "fine" }, { id: 4, text: "a\u0000b" }]);
    if (storesNul) {
      expect(outcome.ok).toBe(true);
      expect(await fieldOf(db.find(Line.id.eq(4)), "text")).toEqual(["a\u0000b"]);
      expect(await fieldOf(db.find(Line.text.eq("a\u0000b")), "id")).toEqual([4]);
      expect(await fieldOf(db.find(Line.text.eq("a")), "id")).toEqual([]);
    } else {
      expect(outcome.ok).toBe(false);
      const error = await failure(db.add(Line, [{ id: 3, text: "fine" }, { id: 4, text: "a\u0000b" }]));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["text"]]);
      expect((error as ValidationError).index).toBe(1);
      expect(error.message).toMatch(/NUL/);
      expect(await fieldOf(db.find(when(Line).sort(Line.id.asc())), "id")).toEqual([1, 2]);
    }
  }));

  it("in an update: stored, or refused with the row unchanged", async () => {
    const { db, Line, storesNul } = await setup();
    const outcome = await db.find(Line.id.eq(1)).update({ text: "ad\u0000min" });
    expect(outcome.ok).toBe(storesNul);
    expect(await fieldOf(db.find(Line.id.eq(1)), "text")).toEqual([storesNul ? "ad\u0000min" : "admin"]);
  });

  it("as a query value: compared exactly (never cut at the NUL), or refused by name", async () => {
    const { db, Line, storesNul } = await setup();
    const conditions = [Line.text.eq("admin\u0000"), Line.text.startsWith("admin\u0000xyz"), Line.text.contains("a\u0000zzz"), Line.text.in(["x", "alpha\u0000"])];
    for (const condition of conditions) {
      const outcome = await db.find(condition).all();
      if (storesNul) expect(outcome).toEqual({ ok: true, value: [] });
      else {
        expect(outcome.ok).toBe(false);
        const error = (outcome as { error: Error }).error;
        expect(error).toBeInstanceOf(QueryError);
        expect(error.message).toMatch(/Line\.text/);
      }
    }
  });
});
