import { expect, it } from "vitest";
import { QueryError, when, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { failure } from "../support/results.js";
import { seedCustomers } from "../support/samples.js";

/** Calls an operator that the ref's type does not have, as JavaScript code can. */
function misuse(ref: unknown, operator: string, ...args: unknown[]): Conditional {
  const target = ref as Record<string, (...given: unknown[]) => Conditional>;
  return (target[operator] as (...given: unknown[]) => Conditional).call(target, ...args);
}

/** The `length` ref of any ref, as JavaScript code can ask for it. */
const lengthOf = (ref: unknown): unknown => (ref as { readonly length: unknown }).length;

export const structuredQueryErrors = defineScenario("structured-query-errors", "structured fields: misuse is a QueryError", (context) => {
  it("an operator that does not apply to what a path reaches is a QueryError naming the path, through every operation", async () => {
    const { db, Customer } = await seedCustomers(context());
    const misuses: [string, () => Conditional][] = [
      ["Customer.address", () => misuse(Customer.address, "gt", { city: "Paris", zip: null })],
      ["Customer.address", () => misuse(Customer.address, "in", [{ city: "Paris", zip: null }])],
      ["Customer.address.city", () => misuse(Customer.address.city, "has", "a")],
      ["Customer.address.city", () => misuse(Customer.address.city, "isEmpty")],
      ["Customer.address.floor", () => misuse(Customer.address.floor, "contains", "1")],
      ["Customer.address.floor", () => misuse(Customer.address.floor, "like", "1%")],
      ["Customer.tags", () => misuse(Customer.tags, "contains", "a")],
      ["Customer.tags", () => misuse(Customer.tags, "in", [["a"]])],
      ["Customer.tags", () => misuse(Customer.tags, "lt", ["a"])],
      ["Customer.labels", () => misuse(Customer.labels, "isEmpty")],
      ["Customer.labels", () => misuse(Customer.labels, "has", "gold")],
      ["Customer.meta", () => misuse(Customer.meta, "gt", 1)],
      ["Customer.meta", () => misuse(Customer.meta, "startsWith", "v")],
    ];
    for (const [name, build] of misuses) {
      const find = db.find(Customer, build());
      for (const result of [find.all(), find.count(), find.one(), find.update({ tags: ["changed"] }), find.delete()]) {
        const error = await failure(result);
        expect(error, `${name}: ${error.message}`).toBeInstanceOf(QueryError);
        expect(error.message).toContain(name);
      }
      await expect(find.iterate().next()).rejects.toBeInstanceOf(QueryError);
    }
    expect(await db.find(Customer).count().value).toBe(6);
    expect(await db.find(Customer.tags.has("changed")).count().value).toBe(0);
  });

  it("a value of the wrong type at a path is a QueryError: a Date for a string, text for a number, a bad item or whole value", async () => {
    const { db, Customer } = await seedCustomers(context());
    const wrong: [string, () => Conditional][] = [
      ["Customer.address.city", () => misuse(Customer.address.city, "eq", new Date(0))],
      ["Customer.address.city", () => misuse(Customer.address.city, "in", ["Paris", 1])],
      ["Customer.address.floor", () => misuse(Customer.address.floor, "gt", "3")],
      ["Customer.address.floor", () => Customer.address.floor.eq(1.5)],
      ["Customer.address.geo.lat", () => misuse(Customer.address.geo.lat, "lt", Number.NaN)],
      ["Customer.address.since", () => misuse(Customer.address.since, "gte", "2020-01-01")],
      ["Customer.tags", () => misuse(Customer.tags, "has", 1)],
      ["Customer.tags", () => misuse(Customer.tags, "has", null)],
      ["Customer.tags", () => misuse(Customer.tags, "hasAny", "a")],
      ["Customer.tags", () => misuse(Customer.tags, "hasAll", ["a", 2])],
      ["Customer.tags.length", () => misuse(Customer.tags.length, "gt", "2")],
      ["Customer.scores", () => Customer.scores.has(1.5)],
      ["Customer.lines", () => misuse(Customer.lines, "has", { sku: "x" })],
      ["Customer.address", () => misuse(Customer.address, "eq", { zip: null })],
      ["Customer.address", () => misuse(Customer.address, "eq", "Paris")],
      ["Customer.tags", () => misuse(Customer.tags, "eq", "a")],
      ["Customer.labels", () => misuse(Customer.labels, "eq", { tier: 1 })],
      ["Customer.meta", () => misuse(Customer.meta, "eq", new Date(0))],
      ["Customer.meta", () => misuse(Customer.meta, "eq", { n: Number.POSITIVE_INFINITY })],
      ["Customer.meta", () => misuse(Customer.meta, "eq", new Map())],
      ["Customer.lines[item].qty", () => Customer.lines.some((line) => misuse(line.qty, "eq", "1") as never)],
    ];
    for (const [name, build] of wrong) {
      const error = await failure(db.find(Customer, build()).all());
      expect(error, `${name}: ${error.message}`).toBeInstanceOf(QueryError);
      expect(error.message).toContain(name);
    }
  });

  it("some() on what is not an array, length of what is not an array, and a sort by a structured value are QueryErrors", async () => {
    const { db, Customer } = await seedCustomers(context());
    const outcome = async (build: () => unknown): Promise<unknown> => {
      try {
        return await failure(db.find(build() as never).all());
      } catch (error) {
        return error;
      }
    };
    const notArrays: (() => unknown)[] = [
      () => misuse(Customer.address, "some", (address: unknown) => misuse(address, "isNotNull")),
      () => misuse(Customer.labels, "some", (label: unknown) => misuse(label, "eq", "x")),
      () => misuse(lengthOf(Customer.address.city), "gt", 2),
      () => misuse(lengthOf(Customer.meta), "gt", 0),
      () => when(Customer).sort(misuse(Customer.address, "asc") as never),
      () => when(Customer).sort(misuse(Customer.tags, "desc") as never),
      () => when(Customer).sort(misuse(Customer.meta, "asc") as never),
      () => when(Customer).sort(misuse(Customer.address.geo, "asc") as never),
    ];
    for (const build of notArrays) expect(await outcome(build), String(build)).toBeInstanceOf(QueryError);
  });
});
