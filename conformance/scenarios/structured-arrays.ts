import { expect, it } from "vitest";
import { not, when, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { seedCustomers } from "../support/samples.js";

// CUSTOMERS' arrays. tags: 1 [a, b, a], 2 [], 3 null, 4 missing, 5 [B, 😀, a], 6 [b].
// scores: 1 [1, 2, 3], 2 [], 5 [0], 6 [2, 2]. ratios: 1 [0.5, -0], 2 [], 5 [0].
// lines: 1 [x qty 1 price 2.5, y qty 5 (no price) marks [gift]], 2 [], 5 [x qty 3 price -0, z qty 1 price null], 6 [y qty 2 marks []].
export const structuredArrays = defineScenario("structured-arrays", "structured fields: array operators and some()", (context) => {
  it("has: some item equals the value (exact text; -0 equals 0)", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.tags.has("a"))).toEqual([1, 5]);
    expect(await ids(Customer.tags.has("A"))).toEqual([]);
    expect(await ids(Customer.tags.has("😀"))).toEqual([5]);
    expect(await ids(Customer.scores.has(2))).toEqual([1, 6]);
    expect(await ids(Customer.scores.has(0))).toEqual([5]);
    expect(await ids(Customer.ratios.has(0))).toEqual([1, 5]);
    expect(await ids(Customer.ratios.has(-0))).toEqual([1, 5]);
    expect(await ids(Customer.lines.has({ sku: "y", qty: 2, marks: [] }))).toEqual([6]);
    expect(await ids(Customer.lines.has({ sku: "y", qty: 2 }))).toEqual([]);
  });

  it("hasAny: some item equals one of the values, never for an empty list; hasAll: every value is an item, always for an empty list", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.tags.hasAny(["b", "zz"]))).toEqual([1, 6]);
    expect(await ids(Customer.tags.hasAny([]))).toEqual([]);
    expect(await ids(Customer.tags.hasAll(["a", "b"]))).toEqual([1]);
    expect(await ids(Customer.tags.hasAll(["a", "a"]))).toEqual([1, 5]);
    expect(await ids(Customer.tags.hasAll([]))).toEqual([1, 2, 5, 6]);
    expect(await ids(Customer.scores.hasAll([2, 2]))).toEqual([1, 6]);
    expect(await ids(Customer.scores.hasAny([3, 0]))).toEqual([1, 5]);
  });

  it("isEmpty and length: an array that is there, counted; a null or missing array has no length", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.tags.isEmpty())).toEqual([2]);
    expect(await ids(Customer.scores.isEmpty())).toEqual([2]);
    expect(await ids(Customer.tags.length.eq(3))).toEqual([1, 5]);
    expect(await ids(Customer.tags.length.gt(0))).toEqual([1, 5, 6]);
    expect(await ids(Customer.tags.length.lte(1))).toEqual([2, 6]);
    expect(await ids(Customer.tags.length.in([0, 1]))).toEqual([2, 6]);
    expect(await ids(Customer.tags.length.ne(3))).toEqual([2, 6]);
    expect(await ids(Customer.lines.length.gte(2))).toEqual([1, 5]);
  });

  it("array operators never match a null or missing array, and not() is their exact complement", async () => {
    const { Customer, ids, everyId } = await seedCustomers(context());
    const conditions: Conditional[] = [
      Customer.tags.has("a"),
      Customer.tags.hasAny(["b"]),
      Customer.tags.hasAll([]),
      Customer.tags.isEmpty(),
      Customer.tags.length.gt(0),
      Customer.tags.length.lt(100),
      Customer.scores.hasAll([]),
      Customer.lines.some((line) => line.qty.gt(0)),
      Customer.lines.some((line) => line.price.isNull()),
    ];
    for (const condition of conditions) {
      const matched = await ids(condition);
      expect(matched.filter((id) => id === 3 || id === 4)).toEqual([]);
      expect(await ids(not(condition))).toEqual(everyId.filter((id) => !matched.includes(id)));
    }
    expect(await ids(not(Customer.tags.length.gt(0)))).toEqual([2, 3, 4]);
  });

  it("some(item => ...): some item of an array of objects matches a condition on its keys", async () => {
    const { Customer, ids } = await seedCustomers(context());
    const { lines } = Customer;
    expect(await ids(lines.some((line) => line.qty.gt(2)))).toEqual([1, 5]);
    expect(await ids(lines.some((line) => line.sku.eq("x")))).toEqual([1, 5]);
    // A key left out, or null, inside an item is null.
    expect(await ids(lines.some((line) => line.price.isNull()))).toEqual([1, 5, 6]);
    expect(await ids(lines.some((line) => line.price.eq(0)))).toEqual([5]);
    expect(await ids(lines.some((line) => not(line.price.gt(0))))).toEqual([1, 5, 6]);
    expect(await ids(not(lines.some((line) => line.qty.gt(2))))).toEqual([2, 3, 4, 6]);
    // An array inside the item.
    expect(await ids(lines.some((line) => line.marks.has("gift")))).toEqual([1]);
    expect(await ids(lines.some((line) => line.marks.isEmpty()))).toEqual([6]);
    expect(await ids(lines.some((line) => line.marks.length.gte(0)))).toEqual([1, 6]);
    expect(await ids(lines.some((line) => line.marks.some((mark) => mark.startsWith("g"))))).toEqual([1]);
  });

  it("some(item => ...) over strings and numbers, the item itself compared", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.tags.some((tag) => tag.startsWith("a")))).toEqual([1, 5]);
    expect(await ids(Customer.tags.some((tag) => tag.ilike("b")))).toEqual([1, 5, 6]);
    expect(await ids(Customer.scores.some((score) => score.gte(3)))).toEqual([1]);
    expect(await ids(Customer.scores.some((score) => score.in([0, 2])))).toEqual([1, 5, 6]);
  });

  it("one item must match every part of the condition inside some(...), not one item each part", async () => {
    const { Customer, ids } = await seedCustomers(context());
    // Row 1 has a line x and a line with qty 5, but no line x with qty > 2; row 5's line x has qty 3.
    expect(await ids(Customer.lines.some((line) => when(line.sku.eq("x"), line.qty.gt(2))))).toEqual([5]);
    expect(await ids(when(Customer.lines.some((line) => line.sku.eq("x")), Customer.lines.some((line) => line.qty.gt(2))))).toEqual([1, 5]);
    expect(await ids(Customer.lines.some((line) => when(line.sku.eq("z")).or(line.qty.eq(5))))).toEqual([1, 5]);
  });
});
