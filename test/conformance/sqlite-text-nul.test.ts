import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ModelCollection, Ommi } from "ommi";
import { driversUnderTest } from "../support/drivers.js";
import { seedSamples, textRows } from "../support/samples.js";
import type { Context } from "../support/conformance.js";

/**
 * Text operators on text holding U+0000, on SQLite only: SQLite stores it like any other
 * character, while PostgreSQL's text cannot hold it at all, so there such a value is refused
 * (see nul-text.test.ts) and these comparisons cannot arise. SQLite's GLOB, LIKE, length() and
 * substr() on TEXT stop at the first U+0000: `startsWith("admin\u0000xyz")` used to match
 * "admin", and `contains("a\u0000zzz")` "alpha".
 */
for (const target of driversUnderTest.filter((driver) => driver.name.startsWith("sqlite"))) {
  describe(`text operators and U+0000 [${target.name}]`, () => {
    let context: Context | undefined;
    let dispose: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      const opened = await target.open();
      dispose = () => opened.dispose();
      const collection = new ModelCollection();
      const db = new Ommi(opened.driver);
      context = { db, driver: opened.driver, collection, driverName: target.name, create: () => db.schema(collection).createModels().raiseOnErrors() };
    });
    afterEach(async () => {
      await dispose?.();
      context = undefined;
    });
    const seed = (texts: (string | null)[]) => seedSamples(context as Context, textRows(texts));

    it("a U+0000 in the value is compared, never cut (the issue's cases)", async () => {
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
    });

    it("text after a stored U+0000 is matched too", async () => {
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
    });

    it("like takes every other pattern character literally there too", async () => {
      // Text holding U+0000 is matched by Ommi's own matcher rather than GLOB: the same meaning.
      const { Sample, texts } = await seed(["*?[]%_\\\u0000", "xyz[]%_\\\u0000", "*?[]%_\\", "a\u0000b"]);
      expect(await texts(Sample.text.like("*?[]\\%\\_\\\\_"))).toEqual(["*?[]%_\\\u0000"]);
      expect(await texts(Sample.text.like("%[]\\%\\_\\\\%"))).toEqual(["*?[]%_\\", "*?[]%_\\\u0000", "xyz[]%_\\\u0000"]);
      expect(await texts(Sample.text.like("__[]%"))).toEqual(["*?[]%_\\", "*?[]%_\\\u0000"]);
      expect(await texts(Sample.text.like("___[]%"))).toEqual(["xyz[]%_\\\u0000"]);
      expect(await texts(Sample.text.like("a_b"))).toEqual(["a\u0000b"]);
    });
  });
}
