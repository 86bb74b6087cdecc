import type { Conditional, InputOf } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { addRows } from "./capabilities.js";
import { defineSample } from "./models.js";
import { ascending, fieldOf } from "./results.js";
import { defineCustomer } from "./structured-models.js";

type Sample = ReturnType<typeof defineSample>;

/**
 * Creates the Sample table holding `rows`, and returns what the tests ask of it: the ids (in
 * ascending order) and the texts (in code unit order, nulls first) of the rows a query matches.
 */
export async function seedSamples(context: ConformanceContext, rows: readonly InputOf<Sample>[]) {
  const { db, create, collection } = context;
  const Sample = defineSample(collection);
  await create();
  await addRows(db, Sample, rows);
  return {
    Sample,
    db,
    ids: async (...conditions: Conditional[]) => ascending(await fieldOf(db.find(Sample, ...conditions), "id")),
    texts: async (...conditions: Conditional[]) => (await fieldOf(db.find(Sample, ...conditions), "text")).sort(byText),
  };
}

/** Rows that hold only a text, one per value, with ids from 1. */
export function textRows(texts: readonly (string | null)[]) {
  return texts.map((text, index) => ({ id: index + 1, text }));
}

function byText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Customers whose structured fields hold values, empty values, nulls and nothing, side by side
 * (DESIGN §4, rule 6): row 3 holds null in every field that may be null, row 4 leaves every
 * field out; rows 1 and 5 hold equal values written differently (0 and -0, keys in another order).
 */
export const CUSTOMERS: readonly InputOf<ReturnType<typeof defineCustomer>>[] = [
  {
    id: 1,
    address: { city: "Paris", zip: "75001", floor: 3, geo: { lat: 48.85, lng: 2.35 }, since: new Date("2020-01-01T00:00:00.000Z") },
    tags: ["a", "b", "a"],
    scores: [1, 2, 3],
    ratios: [0.5, -0],
    lines: [{ sku: "x", qty: 1, price: 2.5 }, { sku: "y", qty: 5, marks: ["gift"] }],
    labels: { tier: "gold", region: "eu" },
    meta: { kind: "vip", n: [1, 2] },
  },
  { id: 2, address: { city: "Lyon", zip: null, geo: null }, tags: [], scores: [], ratios: [], lines: [], labels: {}, meta: [] },
  { id: 3, address: null, tags: null, labels: null, meta: null },
  { id: 4 },
  {
    id: 5,
    address: { city: "paris", zip: "75002", floor: 0, geo: { lat: -0, lng: 0 }, since: new Date("2022-06-01T00:00:00.000Z") },
    tags: ["B", "😀", "a"],
    scores: [0],
    ratios: [0],
    lines: [{ sku: "x", qty: 3, price: -0 }, { sku: "z", qty: 1, price: null }],
    labels: { region: "eu", tier: "gold" },
    meta: { n: [1, 2], kind: "vip" },
  },
  { id: 6, address: { city: "Nice", zip: "06000", floor: -2 }, tags: ["b"], scores: [2, 2], lines: [{ sku: "y", qty: 2, marks: [] }], labels: { tier: "silver" }, meta: "vip" },
];

/** Creates the Customer table holding CUSTOMERS (or `rows`), and returns the ids (ascending) of the rows a query matches. */
export async function seedCustomers(context: ConformanceContext, rows: readonly InputOf<ReturnType<typeof defineCustomer>>[] = CUSTOMERS) {
  const { db, create, collection } = context;
  const Customer = defineCustomer(collection);
  await create();
  await addRows(db, Customer, rows);
  const everyId = ascending(rows.map((row) => row.id));
  return {
    Customer,
    db,
    everyId,
    ids: async (...conditions: Conditional[]) => ascending(await fieldOf(db.find(Customer, ...conditions), "id")),
  };
}
