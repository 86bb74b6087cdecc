import { expect, it } from "vitest";
import { defineScenario } from "../scenario.js";
import { seedSamples } from "../support/samples.js";

// Row 1 holds a value in every field, row 2 a null in every field.
export const nullRules = defineScenario("null-rules", "null rules", (context) => {
  const seed = () =>
    seedSamples(context(), [
      { id: 1, text: "A", count: 1, ratio: 0.5, flag: false, at: new Date("2024-05-06T07:08:09.010Z") },
      { id: 2 },
    ]);

  it("isNull and eq(null) match only null values; isNotNull and ne(null) only the others", async () => {
    const { Sample, ids } = await seed();
    for (const field of [Sample.text, Sample.count, Sample.ratio, Sample.flag, Sample.at]) {
      expect(await ids(field.isNull())).toEqual([2]);
      expect(await ids(field.eq(null))).toEqual([2]);
      expect(await ids(field.isNotNull())).toEqual([1]);
      expect(await ids(field.ne(null))).toEqual([1]);
    }
  });

  it("ne and notIn do not match null values", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.text.ne("B"))).toEqual([1]);
    expect(await ids(Sample.text.notIn(["B", "C"]))).toEqual([1]);
    expect(await ids(Sample.count.ne(2))).toEqual([1]);
    expect(await ids(Sample.flag.ne(true))).toEqual([1]);
    expect(await ids(Sample.flag.notIn([true]))).toEqual([1]);
  });

  it("ordering and text comparisons do not match null values", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.count.gt(-1000))).toEqual([1]);
    expect(await ids(Sample.count.lt(1000))).toEqual([1]);
    expect(await ids(Sample.ratio.gte(-1))).toEqual([1]);
    expect(await ids(Sample.at.lte(new Date("2100-01-01T00:00:00.000Z")))).toEqual([1]);
    expect(await ids(Sample.text.contains(""))).toEqual([1]);
    expect(await ids(Sample.text.like("%"))).toEqual([1]);
    expect(await ids(Sample.text.ilike("%"))).toEqual([1]);
    expect(await ids(Sample.text.regex(""))).toEqual([1]);
  });

  it("in([]) matches nothing and notIn([]) every row that has a value", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.text.in([]))).toEqual([]);
    expect(await ids(Sample.text.notIn([]))).toEqual([1]);
    expect(await ids(Sample.count.in([]))).toEqual([]);
    expect(await ids(Sample.count.notIn([]))).toEqual([1]);
  });
});
