import { expect, it } from "vitest";
import { when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { fieldOf } from "../support/results.js";
import { seedSamples, textRows } from "../support/samples.js";

export const sorting = defineScenario("sorting", "sorting and paging", (context) => {
  it("puts nulls first ascending and last descending", async () => {
    const { db, Sample } = await seedSamples(context(), [
      { id: 1, count: 2 }, { id: 2 }, { id: 3, count: -1 }, { id: 4, count: 10 }, { id: 5 },
    ]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.asc())), "count")).toEqual([null, null, -1, 2, 10]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.desc())), "count")).toEqual([10, 2, -1, null, null]);
  });

  it("orders strings by code point", async () => {
    // UTF-16 order would put 😀 (a surrogate pair) before ｚ (U+FF5A); code point order does not.
    const { db, Sample } = await seedSamples(context(), textRows(["😀", "a", "中", "Z", "ｚ", "é", "", "B", "e\u0301"]));
    const expected = ["", "B", "Z", "a", "e\u0301", "é", "中", "ｚ", "😀"];
    expect(await fieldOf(db.find(when(Sample).sort(Sample.text.asc())), "text")).toEqual(expected);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.text.desc())), "text")).toEqual([...expected].reverse());
    expect(await fieldOf(db.find(when(Sample.text.gt("ｚ")).sort(Sample.text.asc())), "text")).toEqual(["😀"]);
  });

  it("orders numbers, dates and booleans by value", async () => {
    const { db, Sample } = await seedSamples(context(), [
      { id: 1, ratio: 2.5, at: new Date("2001-01-01T00:00:00.001Z"), flag: true },
      { id: 2, ratio: -0.5, at: new Date("1969-12-31T23:59:59.999Z"), flag: false },
      { id: 3, ratio: 10, at: new Date("2001-01-01T00:00:00.000Z"), flag: true },
    ]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.ratio.asc())), "id")).toEqual([2, 1, 3]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.at.asc())), "id")).toEqual([2, 3, 1]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.flag.asc(), Sample.id.desc())), "id")).toEqual([2, 3, 1]);
  });

  it("breaks ties by the next sort field, each in its own direction", async () => {
    const { db, Sample } = await seedSamples(context(), [
      { id: 1, text: "b", count: 1 }, { id: 2, text: "a", count: 2 }, { id: 3, text: "b", count: 3 },
      { id: 4, text: "a", count: 1 }, { id: 5, text: null, count: 5 }, { id: 6, text: "b", count: null },
    ]);
    const textThenCountDown = when(Sample).sort(Sample.text.asc(), Sample.count.desc());
    expect(await fieldOf(db.find(textThenCountDown), "id")).toEqual([5, 2, 4, 3, 1, 6]);
    const textDownThenCount = when(Sample).sort(Sample.text.desc()).sort(Sample.count.asc());
    expect(await fieldOf(db.find(textDownThenCount), "id")).toEqual([6, 1, 3, 4, 2, 5]);
  });

  it("pages through a sorted query with limit and offset, without overlap or gaps", async () => {
    // Many ties in `count`, broken by `id`; ids are not in count order.
    const rows = Array.from({ length: 23 }, (_, index) => ({ id: (index * 7) % 23, count: index % 4 === 0 ? null : index % 3 }));
    const { db, Sample } = await seedSamples(context(), rows);
    const sorted = when(Sample).sort(Sample.count.asc(), Sample.id.asc());
    const pages: number[] = [];
    for (let offset = 0; offset < 30; offset += 5) pages.push(...(await fieldOf(db.find(sorted.limit(5, offset)), "id")));
    const expected = [...rows]
      .sort((a, b) => (a.count ?? -Infinity) - (b.count ?? -Infinity) || a.id - b.id)
      .map((row) => row.id);
    expect(pages).toEqual(expected);
  });

  it("limits after sorting, and counts within the limit", async () => {
    const { db, Sample } = await seedSamples(context(), [{ id: 1, count: 3 }, { id: 2, count: 1 }, { id: 3, count: 2 }, { id: 4, count: 4 }]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.desc()).limit(2)), "count")).toEqual([4, 3]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.asc()).limit(2, 1)), "count")).toEqual([2, 3]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.asc()).limit(10, 3)), "count")).toEqual([4]);
    expect(await fieldOf(db.find(when(Sample).sort(Sample.count.asc()).limit(10, 4)), "count")).toEqual([]);
    expect(await db.find(when(Sample).limit(3, 2)).count().value).toBe(2);
    expect(await db.find(when(Sample.count.gt(1)).sort(Sample.count.asc())).one().value).toMatchObject({ count: 2 });
  });
});
