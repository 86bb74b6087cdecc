import { expect, it } from "vitest";
import { z } from "zod";
import { model, placeholder, QueryError, ValidationError, when, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, has, needing } from "../support/capabilities.js";
import { storesDates } from "../support/probes.js";
import { ascending, fieldOf } from "../support/results.js";
import { seedSamples, textRows } from "../support/samples.js";

export const roundTrip = defineScenario("round-trip", "values round-trip exactly", (context) => {
  it("strings: any Unicode, combining marks unnormalised, the empty string", async () => {
    const texts = ["", "日本語のテキスト", "中文", "Кириллица", "emoji 😀👍🏽👨‍👩‍👧", "e\u0301", "é", "a\u030A\u0323", "tab\tnew\nline", "'quote\" back\\slash", " spaced "];
    const { db, Sample } = await seedSamples(context(), textRows(texts));
    expect(await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "text")).toEqual(texts);
    expect(await fieldOf(db.find(Sample.text.eq("e\u0301")), "text")).toEqual(["e\u0301"]);
    expect(await fieldOf(db.find(Sample.text.eq("")), "id")).toEqual([1]);
  });

  it("floats: fractions, tiny, huge and negative values", async () => {
    const ratios = [0.1 + 0.2, 0, 1e-300, 5e-324, 1.7976931348623157e308, -123456.789, 2 ** 53 + 2, 3];
    const { db, Sample } = await seedSamples(context(), ratios.map((ratio, index) => ({ id: index, ratio })));
    const stored = await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "ratio");
    // String() of a number is its shortest exact spelling.
    expect(stored.map(String)).toEqual(ratios.map(String));
    expect(await fieldOf(db.find(Sample.ratio.eq(0.1 + 0.2)), "id")).toEqual([0]);
    expect(await fieldOf(db.find(Sample.ratio.eq(0.3)), "id")).toEqual([]);
  });

  it("floats: -0 keeps its sign, or is refused by name with nothing written (MySQL stores it as 0)", async () => {
    const { db, Sample, ids } = await seedSamples(context(), [{ id: 1, ratio: 1 }]);
    const added = await db.add(Sample, { id: 3, ratio: -0 });
    const updated = await db.find(Sample.id.eq(1)).update({ ratio: -0 });
    const ratios = await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "ratio");
    if (added.ok) {
      expect(updated.ok).toBe(true);
      expect(ratios.map((ratio) => Object.is(ratio, -0))).toEqual([true, true]);
    } else {
      for (const outcome of [added, updated]) {
        const error = (outcome as { error: Error }).error;
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["ratio"]]);
        expect(error.message).toMatch(/-0/);
      }
      expect(ratios).toEqual([1]);
    }
    // A condition compares -0 equal to 0, as JavaScript does.
    expect(await ids(Sample.ratio.eq(-0))).toEqual(added.ok ? [1, 3] : []);
  });

  it("booleans come back as true and false, never 1 and 0", async () => {
    const { db, Sample } = await seedSamples(context(), [{ id: 1, flag: true }, { id: 2, flag: false }, { id: 3 }]);
    const flags = await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "flag");
    expect(flags).toStrictEqual([true, false, null]);
  });

  it("dates to the millisecond, before 1970 too", async () => {
    const dates = [new Date("2024-02-29T23:59:59.999Z"), new Date("1969-07-20T20:17:40.001Z"), new Date(0), new Date("2038-01-19T03:14:08.000Z")];
    const { db, Sample } = await seedSamples(context(), dates.map((at, index) => ({ id: index, at })));
    const stored = await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "at");
    expect(stored.every((value) => value instanceof Date)).toBe(true);
    expect(stored.map((value) => value?.toISOString())).toEqual(dates.map((date) => date.toISOString()));
  });

  it("dates far from today (year -1000, year 20000) are stored exactly, or refused by name with nothing written (MySQL's DATETIME)", needing(context, ["batches"], async () => {
    const early = new Date(Date.UTC(-1000, 0, 1, 12, 0, 0, 1));
    const late = new Date(Date.UTC(20_000, 11, 31, 23, 59, 59, 999));
    const { db } = context();
    const stores = await storesDates(db, [early, late]);
    const { Sample } = await seedSamples(context(), [{ id: 1, at: new Date(0) }]);
    const added = await db.add(Sample, [{ id: 2, at: new Date(1) }, { id: 3, at: early }, { id: 4, at: late }]);
    const updated = await db.find(Sample.id.eq(1)).update({ at: late });
    const upserted = has(db, "upsert") ? await db.upsert(Sample, [{ id: 5, at: new Date(2) }, { id: 6, at: early }], { update: "all" }) : undefined;
    const stored = await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "at");
    const iso = (dates: readonly (Date | null | undefined)[]) => dates.map((date) => date?.toISOString());
    const compared = async (condition: Conditional, name: string, found: number[]) => {
      const outcome = await db.find(Sample, condition).all();
      if (outcome.ok) return expect(ascending(outcome.value.map((row) => row.id)), name).toEqual(found);
      expect(stores, `${name}: ${outcome.error.message}`).toBe(false);
      expect(outcome.error, name).toBeInstanceOf(QueryError);
      expect(outcome.error.message).toContain(`${name}: `);
      expect(outcome.error.message).toMatch(/1000-01-01.*9999-12-31/);
    };
    const later = db.find(Sample.at.gt(placeholder("from"))).prepare<{ from: Date }>();
    if (stores) {
      for (const outcome of [added, updated, ...(upserted ? [upserted] : [])]) expect(outcome.ok).toBe(true);
      expect(iso(stored)).toEqual(iso([late, new Date(1), early, late, ...(upserted ? [new Date(2), early] : [])]));
      await compared(Sample.at.eq(early), "Sample.at.eq()", upserted ? [3, 6] : [3]);
      await compared(Sample.at.in([new Date(1), late]), "Sample.at.in()", [1, 2, 4]);
      await compared(Sample.at.lt(new Date(0)), "Sample.at.lt()", upserted ? [3, 6] : [3]);
      expect(ascending((await later.all({ from: new Date(Date.UTC(9999, 0, 1)) }).value).map((row) => row.id))).toEqual([1, 4]);
      return;
    }
    for (const outcome of [added, updated, ...(upserted ? [upserted] : [])]) {
      const error = (outcome as { error: Error }).error;
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).model).toBe("Sample");
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([["at"]]);
      expect(error.message).toMatch(/1000-01-01.*9999-12-31/);
    }
    // The first row outside the range is named, and none of the call's rows is written.
    expect(((added as { error: Error }).error as ValidationError).index).toBe(1);
    expect(iso(stored)).toEqual(iso([new Date(0)]));
    // A comparison with such a date is answered as stored rows say, or refused by naming it; a placeholder's too.
    await compared(Sample.at.eq(early), "Sample.at.eq()", []);
    await compared(Sample.at.in([new Date(0), late]), "Sample.at.in()", [1]);
    await compared(Sample.at.gt(early), "Sample.at.gt()", [1]);
    const placed = await later.all({ from: late });
    if (!placed.ok) {
      expect(placed.error).toBeInstanceOf(QueryError);
      expect(placed.error.message).toContain("Sample.at.gt(): ");
    } else expect(placed.value).toEqual([]);
    expect(iso(await fieldOf(db.find(when(Sample).sort(Sample.id.asc())), "at"))).toEqual(iso([new Date(0)]));
  }));

  it("integers up to the largest safe integer, and bigints beyond it", async () => {
    const { db, create, collection } = context();
    const Ledger = model(z.object({ id: z.number().int(), small: z.number().int(), big: z.bigint() }), { name: "Ledger", collection });
    await create();
    const rows = [
      { id: 1, small: Number.MAX_SAFE_INTEGER, big: 2n ** 63n - 1n },
      { id: 2, small: Number.MIN_SAFE_INTEGER, big: -(2n ** 63n) },
      { id: 3, small: 0, big: 2n ** 53n + 1n },
    ];
    await addRows(db, Ledger, rows);
    expect(await db.find(when(Ledger).sort(Ledger.id.asc())).all().value).toStrictEqual(rows);
    expect(await fieldOf(db.find(Ledger.big.eq(2n ** 53n + 1n)), "id")).toEqual([3]);
    expect(await fieldOf(db.find(when(Ledger.big.gt(2n ** 53n)).sort(Ledger.big.asc())), "id")).toEqual([3, 1]);
  });
});
