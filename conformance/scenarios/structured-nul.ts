import { expect, it } from "vitest";
import { QueryError, ValidationError, when, type Conditional, type InputOf } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { seedCustomers } from "../support/samples.js";
import { exactRow, type Customer } from "../support/structured-models.js";

/**
 * U+0000 inside structured values (in text and in keys): a database that can hold it stores and
 * compares it exactly, never cut at the NUL; one that cannot (PostgreSQL's jsonb) refuses it by
 * name, with nothing written. Which one a database does may differ from its top-level text, so
 * each case is asked of it.
 */
export const structuredNul = defineScenario("structured-nul", "structured fields: text containing NUL (U+0000)", (context) => {
  it("inside a value or a key, is stored exactly, or refused with a ValidationError naming the field and nothing written", async () => {
    const { db, Customer } = await seedCustomers(context(), []);
    const rows: InputOf<Customer>[] = [
      { id: 1, address: { city: "a\u0000b", zip: null } },
      { id: 2, labels: { "k\u0000": "v", k: "w" } },
      { id: 3, meta: { x: ["\u0000", "a\u0000"], "\u0000": null } },
      { id: 4, tags: ["\u0000", "a"] },
      { id: 5, lines: [{ sku: "x\u0000y", qty: 1, marks: ["\u0000"] }] },
    ];
    const stored: InputOf<Customer>[] = [];
    for (const row of rows) {
      const outcome = await db.add(Customer, row);
      if (outcome.ok) stored.push(row);
      else {
        expect(outcome.error, JSON.stringify(row)).toBeInstanceOf(ValidationError);
        expect((outcome.error as ValidationError).issues[0]?.path[0]).toBe(Object.keys(row)[1]);
      }
      const back = await db.find(when(Customer).sort(Customer.id.asc())).all().value;
      expect(back.map(exactRow)).toEqual(stored.map((each) => exactRow(each)));
    }
    if (stored.some((row) => row.id === 4)) {
      expect((await db.find(Customer.tags.has("\u0000")).all().value).map((row) => row.id)).toEqual([4]);
      expect(await db.find(Customer.tags.has("")).count().value).toBe(0);
    }
    if (stored.some((row) => row.id === 1)) {
      expect(await db.find(Customer.address.city.eq("a")).count().value).toBe(0);
      expect(await db.find(Customer.address.city.startsWith("a\u0000")).count().value).toBe(1);
    }
  });

  it("in a value a structured condition compares with: compared exactly (never cut at the NUL), or refused with a QueryError naming the path", async () => {
    const { db, Customer } = await seedCustomers(context());
    const conditions: [string, Conditional][] = [
      ["Customer.address.city", Customer.address.city.eq("Paris\u0000")],
      ["Customer.address.city", Customer.address.city.startsWith("Pa\u0000")],
      ["Customer.address.city", Customer.address.city.in(["Lyon\u0000x"])],
      ["Customer.tags", Customer.tags.has("a\u0000")],
      ["Customer.tags", Customer.tags.hasAny(["\u0000"])],
      ["Customer.lines[item].sku", Customer.lines.some((line) => line.sku.eq("x\u0000"))],
      ["Customer.labels", Customer.labels.eq({ "tier\u0000": "gold", region: "eu" })],
      ["Customer.meta", Customer.meta.eq("vip\u0000")],
      ["Customer.address", Customer.address.eq({ city: "Lyon\u0000", zip: null, geo: null })],
    ];
    for (const [name, condition] of conditions) {
      const outcome = await db.find(Customer, condition).all();
      if (outcome.ok) expect(outcome.value, name).toEqual([]);
      else {
        expect(outcome.error, name).toBeInstanceOf(QueryError);
        expect(outcome.error.message).toContain(name);
      }
    }
  });
});
