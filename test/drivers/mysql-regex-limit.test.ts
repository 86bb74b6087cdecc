import { describe, expect, it } from "vitest";
import { z } from "zod";
import { model, QueryError, when } from "ommi";
import { mysqlOnly } from "../support/mysql-suite.js";

// MariaDB's REGEXP runs on PCRE2, a backtracking engine: a pattern that backtracks past its match
// limit is only a warning there in a SELECT, with "no match" for the row. Ommi checks a read's
// warnings, so the answer is an error, never a wrong one; in writes strict mode makes it an error.

const mysql = mysqlOnly();

// On "aaaa…!b", `(a|aa)+$` tries every split of the a's before giving up; the text does contain a "b".
const text = `${"a".repeat(40)}!b`;
const pattern = "(a|aa)+$|b";

async function open() {
  const { db, collection, create } = await mysql.open();
  const Line = model(z.object({ id: z.number().int(), text: z.string() }), { name: "Line", collection });
  await create();
  await db.add(Line, [{ id: 1, text }, { id: 2, text: "b" }, { id: 3, text: "x" }]).raiseOnErrors();
  return { db, Line };
}

describe("MySQL regex past the engine's limit", () => {
  it("the same pattern on short text is answered (the limit is what fails, not the pattern)", async () => {
    const { db, Line } = await open();
    expect(await db.find(Line.text.regex(pattern), Line.id.gt(1)).count().value).toBe(1);
  });

  it("a read is a QueryError naming the engine's limit, in find, count and iteration", async () => {
    const { db, Line } = await open();
    for (const outcome of [await db.find(Line.text.regex(pattern)).all(), await db.find(Line.text.regex(pattern)).count()]) {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: Error }).error;
      expect(error).toBeInstanceOf(QueryError);
      expect(error.message).toMatch(/match limit/);
      expect(error.message).toMatch(/nested or overlapping repeats/);
    }
    await expect(async () => {
      for await (const row of db.find(Line.text.regex(pattern))) void row;
    }).rejects.toThrow(QueryError);
  });

  it("in a transaction too, where the warning is the transaction connection's", async () => {
    const { db, Line } = await open();
    const outcome = await db.transaction(async (tx) => tx.find(Line.text.regex(pattern)).all().raiseOnErrors()).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(QueryError);
  });

  it("an update or delete fails whole, changing nothing", async () => {
    const { db, Line } = await open();
    expect((await db.find(Line.text.regex(pattern)).update({ text: "changed" })).ok).toBe(false);
    expect((await db.find(Line.text.regex(pattern)).delete()).ok).toBe(false);
    const rows = await db.find(when(Line).sort(Line.id.asc())).all().value;
    expect(rows.map((row) => row.text)).toEqual([text, "b", "x"]);
  });
});
