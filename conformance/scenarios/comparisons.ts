import { expect, it } from "vitest";
import { defineScenario } from "../scenario.js";
import { seedSamples } from "../support/samples.js";

const day = (iso: string) => new Date(iso);

// Row 4 holds only nulls: no comparison on a value may match it (see null-rules.ts).
export const comparisons = defineScenario("comparisons", "comparison operators", (context) => {
  const seed = () =>
    seedSamples(context(), [
      { id: 1, count: 1, ratio: -1.5, text: "apple", flag: true, at: day("2020-01-01T00:00:00.000Z") },
      { id: 2, count: 2, ratio: 0.25, text: "banana", flag: false, at: day("2021-06-15T12:30:45.123Z") },
      { id: 3, count: 3, ratio: 2.5, text: "cherry", flag: true, at: day("2022-12-31T23:59:59.999Z") },
      { id: 4 },
    ]);

  it("compares integers", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.count.eq(2))).toEqual([2]);
    expect(await ids(Sample.count.ne(2))).toEqual([1, 3]);
    expect(await ids(Sample.count.gt(1))).toEqual([2, 3]);
    expect(await ids(Sample.count.gte(2))).toEqual([2, 3]);
    expect(await ids(Sample.count.lt(2))).toEqual([1]);
    expect(await ids(Sample.count.lte(2))).toEqual([1, 2]);
    expect(await ids(Sample.count.in([1, 3, 99]))).toEqual([1, 3]);
    expect(await ids(Sample.count.notIn([1, 99]))).toEqual([2, 3]);
  });

  it("compares floats, negative ones included", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.ratio.eq(0.25))).toEqual([2]);
    expect(await ids(Sample.ratio.ne(0.25))).toEqual([1, 3]);
    expect(await ids(Sample.ratio.gt(0))).toEqual([2, 3]);
    expect(await ids(Sample.ratio.gte(-1.5))).toEqual([1, 2, 3]);
    expect(await ids(Sample.ratio.lt(0.25))).toEqual([1]);
    expect(await ids(Sample.ratio.lte(0.25))).toEqual([1, 2]);
    expect(await ids(Sample.ratio.in([-1.5, 2.5]))).toEqual([1, 3]);
    expect(await ids(Sample.ratio.notIn([-1.5]))).toEqual([2, 3]);
  });

  it("compares strings", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.text.eq("banana"))).toEqual([2]);
    expect(await ids(Sample.text.ne("banana"))).toEqual([1, 3]);
    expect(await ids(Sample.text.gt("apple"))).toEqual([2, 3]);
    expect(await ids(Sample.text.gte("banana"))).toEqual([2, 3]);
    expect(await ids(Sample.text.lt("banana"))).toEqual([1]);
    expect(await ids(Sample.text.lte("banana"))).toEqual([1, 2]);
    expect(await ids(Sample.text.in(["apple", "cherry", "kiwi"]))).toEqual([1, 3]);
    expect(await ids(Sample.text.notIn(["apple", "kiwi"]))).toEqual([2, 3]);
  });

  it("compares dates to the millisecond", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.at.eq(day("2021-06-15T12:30:45.123Z")))).toEqual([2]);
    expect(await ids(Sample.at.eq(day("2021-06-15T12:30:45.124Z")))).toEqual([]);
    expect(await ids(Sample.at.ne(day("2021-06-15T12:30:45.123Z")))).toEqual([1, 3]);
    expect(await ids(Sample.at.gt(day("2021-06-15T12:30:45.123Z")))).toEqual([3]);
    expect(await ids(Sample.at.gte(day("2021-06-15T12:30:45.123Z")))).toEqual([2, 3]);
    expect(await ids(Sample.at.lt(day("2021-06-15T12:30:45.124Z")))).toEqual([1, 2]);
    expect(await ids(Sample.at.lte(day("2020-01-01T00:00:00.000Z")))).toEqual([1]);
    expect(await ids(Sample.at.in([day("2020-01-01T00:00:00.000Z"), day("2022-12-31T23:59:59.999Z")]))).toEqual([1, 3]);
    expect(await ids(Sample.at.notIn([day("2020-01-01T00:00:00.000Z")]))).toEqual([2, 3]);
  });

  it("compares booleans", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.flag.eq(true))).toEqual([1, 3]);
    expect(await ids(Sample.flag.eq(false))).toEqual([2]);
    expect(await ids(Sample.flag.ne(true))).toEqual([2]);
    expect(await ids(Sample.flag.in([false]))).toEqual([2]);
    expect(await ids(Sample.flag.notIn([false]))).toEqual([1, 3]);
  });

  it("ANDs the conditions given together", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(Sample.count.gte(2), Sample.flag.eq(true))).toEqual([3]);
  });
});
