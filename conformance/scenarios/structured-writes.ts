import { expect, it } from "vitest";
import { ValidationError, when } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows, needing } from "../support/capabilities.js";
import { failure } from "../support/results.js";
import { defineCustomer, exactRow } from "../support/structured-models.js";

const paris = { city: "Paris", zip: "75001", floor: 3, geo: { lat: 48.8566, lng: 2.3522 }, since: new Date("2020-02-02T02:02:02.002Z") };
const lyon = { city: "Lyon", zip: null, geo: null };

const first = {
  id: 1,
  address: paris,
  tags: ["a", "b", "a"],
  scores: [3, 1],
  lines: [{ sku: "x", qty: 1, price: 2.5, marks: ["new"] }, { sku: "y", qty: 2 }],
  labels: { tier: "gold", "😀": "yes" },
  meta: { source: "import", n: [1, 2, { deep: null }] },
};
const second = { id: 2, address: lyon, tags: [], scores: [], lines: [], labels: {}, meta: [] };

export const structuredWrites = defineScenario("structured-writes", "writing structured values", (context) => {
  async function setup() {
    const { db, create, collection } = context();
    const Customer = defineCustomer(collection);
    await create();
    const rows = async () => (await db.find(when(Customer).sort(Customer.id.asc())).all().value).map(exactRow);
    return { db, Customer, rows };
  }

  it("add stores whole structured values, and gives them back as stored", async () => {
    const { db, Customer, rows } = await setup();
    const added = await db.add(Customer, first).value;
    expect(added.map(exactRow)).toEqual([exactRow(first)]);
    await db.add(Customer, second).raiseOnErrors();
    expect(await rows()).toEqual([exactRow(first), exactRow(second)]);
  });

  it("one add of several rows stores each row's structured values", needing(context, ["batches"], async () => {
    const { db, Customer, rows } = await setup();
    await db.add(Customer, [first, second, { id: 3 }]).raiseOnErrors();
    // Fields that may be left out and null come back as they were given: left out.
    expect(await rows()).toEqual([exactRow(first), exactRow(second), exactRow({ id: 3 })]);
  }));

  it("update replaces whole structured values, sets them empty or null, and changes nothing else", async () => {
    const { db, Customer, rows } = await setup();
    await addRows(db, Customer, [first, second]);
    const changed = {
      address: { city: "Nice", zip: "06000", geo: { lat: -0, lng: 7.26 } },
      tags: [],
      lines: [{ sku: "z", qty: 9, price: null }],
      labels: null,
      meta: { replaced: true },
    };
    expect(await db.find(Customer.id.eq(1)).update(changed).value).toBe(1);
    expect(await rows()).toEqual([exactRow({ ...first, ...changed }), exactRow(second)]);
    await db.find(Customer.id.eq(2)).update({ address: null, tags: null, meta: null }).raiseOnErrors();
    expect(await rows()).toEqual([exactRow({ ...first, ...changed }), exactRow({ ...second, address: null, tags: null, meta: null })]);
  });

  it("an update with a bad nested value is a ValidationError naming the path inside the field, and nothing is written", async () => {
    const { db, Customer, rows } = await setup();
    await addRows(db, Customer, [first, second]);
    const before = await rows();
    const cases: [Record<string, unknown>, readonly (string | number)[]][] = [
      [{ address: { city: 5, zip: null } }, ["address", "city"]],
      [{ address: { ...paris, geo: { lat: 1 } } }, ["address", "geo", "lng"]],
      [{ lines: [{ sku: "a", qty: 1 }, { sku: "b", qty: 1.5 }] }, ["lines", 1, "qty"]],
      [{ tags: ["a", 7] }, ["tags", 1]],
      [{ labels: { a: 1 } }, ["labels", "a"]],
    ];
    for (const [patch, path] of cases) {
      const error = await failure(db.find(Customer).update(patch));
      expect(error, JSON.stringify(patch)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toContainEqual(path);
      expect(error.message).toContain(path.join("."));
      expect(await rows()).toEqual(before);
    }
  });

  it("text no database may hold, at any depth (values and keys), is a ValidationError naming the field, and nothing is written", async () => {
    const { db, Customer, rows } = await setup();
    await addRows(db, Customer, [first]);
    const before = await rows();
    const cases: [Record<string, unknown>, string][] = [
      [{ address: { city: "x\uD800y", zip: null } }, "address"],
      [{ lines: [{ sku: "ok", qty: 1, marks: ["\uDC00"] }] }, "lines"],
      [{ labels: { "bad\uD83D": "key" } }, "labels"],
      [{ meta: { list: ["a", "\uDBFF"] } }, "meta"],
    ];
    for (const [patch, field] of cases) {
      const error = await failure(db.find(Customer).update(patch));
      expect(error, JSON.stringify(patch)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path[0]).toBe(field);
      expect(await rows()).toEqual(before);
    }
    expect(await failure(db.add(Customer, { id: 2, meta: { a: [1, undefined] } } as never))).toBeInstanceOf(ValidationError);
    expect(await failure(db.add(Customer, { id: 2, meta: { at: new Date(0) } } as never))).toBeInstanceOf(ValidationError);
    expect(await failure(db.add(Customer, { id: 2, ratios: [Number.NaN] }))).toBeInstanceOf(ValidationError);
    expect(await rows()).toEqual(before);
  });

  it("an add of several rows with one bad nested value names that row and the path, and writes none of them", needing(context, ["batches"], async () => {
    const { db, Customer } = await setup();
    const error = await failure(db.add(Customer, [first, { ...second, lines: [{ sku: "b", qty: "two" }] } as never, { id: 3 }]));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).index).toBe(1);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContainEqual(["lines", 0, "qty"]);
    expect(await db.find(Customer).count().value).toBe(0);
  }));

  it("one nested field changes by reading the value, changing it and writing it back, in a transaction", needing(context, ["transactions"], async () => {
    const { db, Customer, rows } = await setup();
    await addRows(db, Customer, [first, second]);
    await db.transaction(async (tx) => {
      const customer = await tx.find(Customer.id.eq(1)).one().value;
      if (!customer.address) throw new Error("the address was not stored");
      await tx.find(Customer.id.eq(1)).update({ address: { ...customer.address, city: "Nice" } }).raiseOnErrors();
    });
    expect(await rows()).toEqual([exactRow({ ...first, address: { ...paris, city: "Nice" } }), exactRow(second)]);
  }));
});
