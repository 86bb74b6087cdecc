import { expect, it } from "vitest";
import { not, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { seedSamples } from "../support/samples.js";

export const andOr = defineScenario("and-or", "and / or", (context) => {
  const seed = () =>
    seedSamples(context(), [
      { id: 1, text: "apple", count: 1, flag: true },
      { id: 2, text: "banana", count: 2, flag: false },
      { id: 3, text: "cherry", count: 3, flag: true },
      { id: 4, text: "date", count: 4, flag: false },
      { id: 5 },
    ]);

  it("when(...) and .and(...) match the rows that meet every condition", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(when(Sample.count.gte(2), Sample.count.lte(3)))).toEqual([2, 3]);
    expect(await ids(when(Sample.count.gte(2)).and(Sample.flag.eq(true)))).toEqual([3]);
  });

  it(".or(...) matches the rows that meet the query's conditions or all of the ones given", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(when(Sample.count.eq(1)).or(Sample.count.eq(4)))).toEqual([1, 4]);
    // count = 1 OR (flag AND count > 1)
    expect(await ids(when(Sample.count.eq(1)).or(Sample.flag.eq(true), Sample.count.gt(1)))).toEqual([1, 3]);
  });

  it("nests: an and of ors, an or of ands, and not() inside either", async () => {
    const { Sample, ids } = await seed();
    const smallOrLarge = when(Sample.count.eq(1)).or(Sample.count.eq(4));
    expect(await ids(when(Sample.flag.eq(false)).and(smallOrLarge))).toEqual([4]);
    expect(await ids(when(Sample.flag.eq(true), Sample.count.gt(1)).or(Sample.flag.eq(false), Sample.count.lt(3)))).toEqual([2, 3]);
    expect(await ids(when(not(smallOrLarge)).and(Sample.text.isNotNull()))).toEqual([2, 3]);
    expect(await ids(when(Sample.text.eq("apple")).or(not(Sample.flag.eq(true))))).toEqual([1, 2, 4, 5]);
  });

  it("treats a query without conditions as matching every row", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(when(Sample).or(Sample.count.eq(1)))).toEqual([1, 2, 3, 4, 5]);
    expect(await ids(when(Sample.count.eq(1)).or(when(Sample)))).toEqual([1, 2, 3, 4, 5]);
    expect(await ids(when(Sample.count.eq(1)).and(when(Sample)))).toEqual([1]);
    expect(await ids(when(Sample))).toEqual([1, 2, 3, 4, 5]);
  });
});
