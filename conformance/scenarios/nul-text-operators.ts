import { expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { defineScenario } from "../scenario.js";
import { seedSamples, textRows } from "../support/samples.js";
import { storesTextWithNul } from "../support/probes.js";

/**
 * Text operators on text holding U+0000, where the database stores it (SQLite does; MongoDB
 * will). SQLite's GLOB, LIKE, length() and substr() on TEXT stop at the first U+0000:
 * `startsWith("admin\u0000xyz")` used to match "admin", and `contains("a\u0000zzz")` "alpha".
 * Where the database cannot hold it (PostgreSQL's text), such a value is refused (see nul-text.ts)
 * and these comparisons cannot arise: each test then checks that refusal instead.
 */
export const nulTextOperators = defineScenario("nul-text-operators", "text operators and U+0000", (context) => {
  const seed = (texts: (string | null)[]) => seedSamples(context(), textRows(texts));

  it("a U+0000 in the value is compared, never cut (the issue's cases)", whereNulIsStored(context, async () => {
    const { Sample, texts } = await seed(["admin", "alpha", "admin\u0000xyz", "a\u0000zzz!", null]);
    expect(await texts(Sample.text.startsWith("admin\u0000xyz"))).toEqual(["admin\u0000xyz"]);
    expect(await texts(Sample.text.contains("a\u0000zzz"))).toEqual(["a\u0000zzz!"]);
    expect(await texts(Sample.text.startsWith("admin\u0000"))).toEqual(["admin\u0000xyz"]);
    expect(await texts(Sample.text.endsWith("\u0000xyz"))).toEqual(["admin\u0000xyz"]);
    expect(await texts(Sample.text.endsWith("n\u0000"))).toEqual([]);
    expect(await texts(Sample.text.like("admin\u0000%"))).toEqual(["admin\u0000xyz"]);
    expect(await texts(Sample.text.ilike("ADMIN\u0000XYZ"))).toEqual(["admin\u0000xyz"]);
    expect(await texts(Sample.text.regex("^a\\u0000"))).toEqual(["a\u0000zzz!"]);
    expect(await texts(Sample.text.regex("\u0000"))).toEqual(["a\u0000zzz!", "admin\u0000xyz"]);
  }));

  it("text after a stored U+0000 is matched too", whereNulIsStored(context, async () => {
    const { Sample, texts } = await seed(["ab\u0000cd", "ab", "\u0000", ""]);
    expect(await texts(Sample.text.contains("cd"))).toEqual(["ab\u0000cd"]);
    expect(await texts(Sample.text.endsWith("d"))).toEqual(["ab\u0000cd"]);
    expect(await texts(Sample.text.endsWith("b"))).toEqual(["ab"]);
    expect(await texts(Sample.text.like("ab_cd"))).toEqual(["ab\u0000cd"]);
    expect(await texts(Sample.text.like("ab"))).toEqual(["ab"]);
    expect(await texts(Sample.text.like("_"))).toEqual(["\u0000"]);
    expect(await texts(Sample.text.ilike("%CD"))).toEqual(["ab\u0000cd"]);
    expect(await texts(Sample.text.regex("^ab.cd$"))).toEqual(["ab\u0000cd"]);
    expect(await texts(Sample.text.regex("b$"))).toEqual(["ab"]);
    expect(await texts(Sample.text.startsWith(""))).toEqual(["", "\u0000", "ab", "ab\u0000cd"]);
    expect(await texts(Sample.text.endsWith(""))).toEqual(["", "\u0000", "ab", "ab\u0000cd"]);
  }));

  it("like takes every other pattern character literally there too", whereNulIsStored(context, async () => {
    // Text holding U+0000 is matched by Ommi's own matcher rather than GLOB: the same meaning.
    const { Sample, texts } = await seed(["*?[]%_\\\u0000", "xyz[]%_\\\u0000", "*?[]%_\\", "a\u0000b"]);
    expect(await texts(Sample.text.like("*?[]\\%\\_\\\\_"))).toEqual(["*?[]%_\\\u0000"]);
    expect(await texts(Sample.text.like("%[]\\%\\_\\\\%"))).toEqual(["*?[]%_\\", "*?[]%_\\\u0000", "xyz[]%_\\\u0000"]);
    expect(await texts(Sample.text.like("__[]%"))).toEqual(["*?[]%_\\", "*?[]%_\\\u0000"]);
    expect(await texts(Sample.text.like("___[]%"))).toEqual(["xyz[]%_\\\u0000"]);
    expect(await texts(Sample.text.like("a_b"))).toEqual(["a\u0000b"]);
  }));
});

/** Runs `body` where the database stores text holding U+0000; elsewhere checks that the rows it would seed are refused. */
function whereNulIsStored(context: () => ConformanceContext, body: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (await storesTextWithNul(context().db)) return body();
    await expect(seedSamples(context(), textRows(["admin", "admin\u0000xyz"]))).rejects.toBeInstanceOf(ValidationError);
  };
}
