import { expect, it } from "vitest";
import { when, type InputOf, type Query, type RowOf } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { fieldOf } from "../support/results.js";
import { seedCustomers } from "../support/samples.js";
import type { Customer } from "../support/structured-models.js";

const ROWS = 2_000;
const CITIES = ["Zürich", "Paris", "paris", "Ålesund", "Lyon", "", "😀 City", "Nice", "東京"];

/**
 * Customers whose nested sort values have many ties, nulls at every level (the address left out,
 * null, or without the key) and both zeros; ids are not in any sort order.
 */
const customers: InputOf<Customer>[] = Array.from({ length: ROWS }, (_, index) => {
  const id = (index * 7919) % ROWS;
  if (index % 11 === 0) return { id };
  if (index % 13 === 0) return { id, address: null };
  return {
    id,
    address: {
      city: CITIES[index % CITIES.length] as string,
      zip: index % 3 === 0 ? null : `z${index % 4}`,
      ...(index % 5 === 0 ? {} : { floor: ((index * 37) % 9) - 4 }),
      geo: index % 2 === 0 ? null : { lat: index % 4 === 1 ? -0 : (index % 6) - 3, lng: 0 },
    },
  };
});

type Row = InputOf<Customer>;

/** Strings by code point, the rest by value; null (and missing) first. -0 and 0 tie. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "string") return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** The ids in the order a sort by `value` (then by id ascending) gives, nulls first ascending and last descending. */
function expectedIds(rows: readonly Row[], value: (row: Row) => unknown, direction: "asc" | "desc"): number[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(value(a) ?? null, value(b) ?? null) || a.id - b.id).map((row) => row.id);
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const row of rows) seen.push(row);
  return seen;
}

export const structuredSorting = defineScenario("structured-sorting", "structured fields: sorting and streaming by a nested value", (context) => {
  it("sorts by a nested value, nulls (the value or a part on the way missing or null) first ascending and last descending", async () => {
    // CUSTOMERS' cities: 1 Paris, 2 Lyon, 3 address null, 4 nothing, 5 paris, 6 Nice.
    const { db, Customer } = await seedCustomers(context());
    const ids = (query: Query<RowOf<Customer>>) => fieldOf(db.find(query), "id");
    expect(await ids(when(Customer).sort(Customer.address.city.asc(), Customer.id.asc()))).toEqual([3, 4, 2, 6, 1, 5]);
    expect(await ids(when(Customer).sort(Customer.address.city.desc(), Customer.id.asc()))).toEqual([5, 1, 6, 2, 3, 4]);
    // Floors: 1 is 3, 5 is 0, 6 is -2; row 2 has none.
    expect(await ids(when(Customer).sort(Customer.address.floor.asc(), Customer.id.desc()))).toEqual([4, 3, 2, 6, 5, 1]);
    expect(await ids(when(Customer).sort(Customer.address.geo.lat.desc(), Customer.id.asc()))).toEqual([1, 5, 2, 3, 4, 6]);
    expect(await ids(when(Customer).sort(Customer.address.since.asc(), Customer.id.asc()))).toEqual([2, 3, 4, 6, 1, 5]);
    // The number of tags: 1 and 5 have 3, 6 has 1, 2 has none; 3 and 4 have no array.
    expect(await ids(when(Customer).sort(Customer.tags.length.desc(), Customer.id.asc()))).toEqual([1, 5, 6, 2, 3, 4]);
    expect(await ids(when(Customer.address.isNotNull()).sort(Customer.address.zip.asc(), Customer.address.city.desc()))).toEqual([2, 6, 1, 5]);
  });

  it("limits and offsets after sorting by a nested value", async () => {
    const { db, Customer } = await seedCustomers(context());
    const sorted = when(Customer).sort(Customer.address.city.asc(), Customer.id.asc());
    expect(await fieldOf(db.find(sorted.limit(2, 1)), "id")).toEqual([4, 2]);
    expect(await fieldOf(db.find(sorted.limit(3, 4)), "id")).toEqual([1, 5]);
    expect(await db.find(when(Customer.address.city.isNotNull()).sort(Customer.address.city.desc())).one().value).toMatchObject({ id: 5 });
  });

  it("for await streams every row once, in the order of a nested sort, across batches", async () => {
    const { db, Customer } = await seedCustomers(context(), customers);
    const city = (row: Row) => row.address?.city;
    const floor = (row: Row) => row.address?.floor;
    const lat = (row: Row) => row.address?.geo?.lat;
    const cases = [
      { name: "city", sort: Customer.address.city.asc(), value: city, direction: "asc", batchSize: 97 },
      { name: "city", sort: Customer.address.city.desc(), value: city, direction: "desc", batchSize: 250 },
      { name: "floor", sort: Customer.address.floor.asc(), value: floor, direction: "asc", batchSize: 333 },
      { name: "floor", sort: Customer.address.floor.desc(), value: floor, direction: "desc", batchSize: 1 + (ROWS >> 2) },
      // -0 and 0 tie: paging must neither skip nor repeat the rows around them.
      { name: "geo.lat", sort: Customer.address.geo.lat.asc(), value: lat, direction: "asc", batchSize: 101 },
      { name: "geo.lat", sort: Customer.address.geo.lat.desc(), value: lat, direction: "desc", batchSize: 64 },
    ] as const;
    for (const { name, sort, value, direction, batchSize } of cases) {
      const rows = await collect(db.find(when(Customer).sort(sort, Customer.id.asc())).iterate({ batchSize }));
      expect(rows.map((row) => row.id), `${direction} by address.${name}, batches of ${batchSize}`).toEqual(expectedIds(customers, value, direction));
    }
  });

  it("streams without losing or repeating a row when only a nested value is sorted by (the key breaks ties)", async () => {
    const { db, Customer } = await seedCustomers(context(), customers);
    for (const sort of [Customer.address.city.asc(), Customer.address.geo.lat.desc(), Customer.address.zip.asc()]) {
      const rows = await collect(db.find(when(Customer).sort(sort)).iterate({ batchSize: 89 }));
      expect(rows).toHaveLength(ROWS);
      expect(new Set(rows.map((row) => row.id)).size).toBe(ROWS);
    }
    const window = await collect(db.find(when(Customer.address.floor.isNotNull()).sort(Customer.address.floor.desc(), Customer.id.asc()).limit(700, 123)).iterate({ batchSize: 50 }));
    const withFloor = customers.filter((row) => row.address?.floor !== undefined);
    expect(window.map((row) => row.id)).toEqual(expectedIds(withFloor, (row) => row.address?.floor, "desc").slice(123, 823));
  });
});
