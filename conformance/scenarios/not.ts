import { expect, it } from "vitest";
import { not, when, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { seedSamples } from "../support/samples.js";

export const notOperator = defineScenario("not", "not()", (context) => {
  const seed = () =>
    seedSamples(context(), [
      { id: 1, text: "apple", count: 1 },
      { id: 2, text: "banana", count: 2 },
      { id: 3, text: null, count: 3 },
      { id: 4, text: "cherry", count: null },
    ]);

  it("matches the rows the comparison does not, the null rows included", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(not(Sample.text.eq("apple")))).toEqual([2, 3, 4]);
    expect(await ids(not(Sample.text.notIn(["apple"])))).toEqual([1, 3]);
    expect(await ids(not(Sample.count.gt(1)))).toEqual([1, 4]);
    expect(await ids(not(Sample.text.startsWith("b")))).toEqual([1, 3, 4]);
  });

  it("of in([]) matches every row, of notIn([]) only the null rows", async () => {
    const { Sample, ids } = await seed();
    expect(await ids(not(Sample.text.in([])))).toEqual([1, 2, 3, 4]);
    expect(await ids(not(Sample.text.notIn([])))).toEqual([3]);
  });

  it("of an and/or matches the rows for which a null left it not true", async () => {
    const { Sample, ids } = await seed();
    // Row 3 has no text and row 4 no count: for them the inner condition is unknown, so not() matches.
    expect(await ids(not(when(Sample.text.ne("zzz"), Sample.count.gt(1))))).toEqual([1, 3, 4]);
    expect(await ids(not(when(Sample.text.eq("apple")).or(Sample.count.eq(3))))).toEqual([2, 4]);
  });

  it("matches exactly the rows the condition does not, for every kind of condition", async () => {
    const { Sample, ids } = await seed();
    const all = [1, 2, 3, 4];
    const conditions: Conditional[] = [
      Sample.text.eq("banana"), Sample.text.ne("banana"), Sample.count.lte(2), Sample.count.in([1, 3]),
      Sample.text.notIn(["cherry"]), Sample.text.contains("an"), Sample.text.like("_pple"), Sample.text.ilike("B%"),
      Sample.text.regex("^c"), Sample.text.isNull(), Sample.count.isNotNull(), not(Sample.count.eq(2)),
    ];
    for (const condition of conditions) {
      const matched = await ids(condition);
      const complement = await ids(not(condition));
      expect([...matched, ...complement].sort()).toEqual(all);
    }
  });
});
