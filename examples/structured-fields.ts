// Structured fields: an order with a nested address, an array of line items, tags and
// free-form metadata, stored as it is and queried inside. Run: npx tsx examples/structured-fields.ts
import { z } from "zod";
import { Index, Ommi, model, ModelCollection, not, when } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

const collection = new ModelCollection();

const Order = model(
  z.object({
    id: z.number().int().optional(),
    customer: z.object({
      name: z.string(),
      address: z.object({ street: z.string(), city: z.string(), zip: z.string().optional() }).nullable(),
    }),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive(), price: z.number() })),
    tags: z.array(z.string()).default([]),
    metadata: z.record(z.string(), z.unknown()).optional(),
    placedAt: z.date(),
  }),
  // An index on a value inside a field: an expression index on SQLite and PostgreSQL.
  { name: "Order", collection, fields: { "customer.address.city": Index, tags: Index } },
);

const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema(collection).createModels().raiseOnErrors();

await db.add(Order, [
  {
    customer: { name: "Ada", address: { street: "12 St James's Square", city: "London" } },
    lines: [{ sku: "ENGINE-1", quantity: 1, price: 1843.5 }, { sku: "NOTES", quantity: 3, price: 12 }],
    tags: ["priority", "gift"],
    metadata: { channel: "web", campaign: { id: 7, name: "autumn" } },
    placedAt: new Date("2026-10-01T09:30:00Z"),
  },
  {
    customer: { name: "Grace", address: { street: "1 Navy Yard", city: "Washington", zip: "20374" } },
    lines: [{ sku: "COBOL", quantity: 12, price: 9.99 }],
    placedAt: new Date("2026-10-02T14:00:00Z"),
  },
  { customer: { name: "Alan", address: null }, lines: [], tags: ["pickup"], placedAt: new Date("2026-10-03T08:00:00Z") },
]).raiseOnErrors();

// Values come back exactly as they went in: nested Dates are Dates, key order is kept.
const [ada] = await db.find(Order.customer.name.eq("Ada")).all().value;
console.log("Ada's first line:", ada?.lines[0], "metadata:", ada?.metadata);

// A condition on a nested key; a missing address is simply not a match (and not(...) is its complement).
const london = await db.find(Order.customer.address.city.eq("London")).all().value;
console.log("Shipped to London:", london.map((order) => order.customer.name));
const notLondon = await db.find(not(Order.customer.address.city.eq("London"))).all().value;
console.log("Everything else:", notLondon.map((order) => order.customer.name));

// Arrays: membership, emptiness, length, and conditions on an item's fields.
console.log("Tagged gift:", (await db.find(Order.tags.has("gift")).all().value).map((order) => order.customer.name));
console.log("Without lines:", (await db.find(Order.lines.isEmpty()).all().value).map((order) => order.customer.name));
const bulk = await db.find(Order.lines.some((line) => when(line.quantity.gte(10), line.price.lt(20)))).all().value;
console.log("Bulk orders of cheap items:", bulk.map((order) => order.customer.name));
console.log("Orders with two or more lines:", await db.find(Order.lines.length.gte(2)).count().value);

// Sorting by a nested key: nulls first ascending.
const byCity = await db.find(when(Order).sort(Order.customer.address.city.asc())).all().value;
console.log("By city:", byCity.map((order) => order.customer.address?.city ?? "(no address)"));

// Changing one nested value: read, change, write the whole value back, in a transaction.
await db.transaction(async (tx) => {
  const order = await tx.find(Order.customer.name.eq("Grace")).one().value;
  const customer = { ...order.customer, address: order.customer.address && { ...order.customer.address, city: "Arlington" } };
  await tx.find(Order.id.eq(order.id)).update({ customer }).raiseOnErrors();
});
console.log("Grace now in:", (await db.find(Order.customer.name.eq("Grace")).one().value).customer.address?.city);

await db.close();
