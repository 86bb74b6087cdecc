import { expect, it } from "vitest";
import { z } from "zod";
import { model, not, when, type Conditional } from "../../src/index.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { ascending, fieldOf } from "../support/results.js";
import { seedCustomers } from "../support/samples.js";
import { defineProfiles } from "../support/structured-models.js";

// CUSTOMERS: 1 Paris, 2 Lyon (zip and geo null), 3 address null, 4 nothing, 5 paris (lat -0), 6 Nice (no geo).
export const structuredQueries = defineScenario("structured-queries", "structured fields: conditions on nested values", (context) => {
  it("compares a nested value with every operator of its type", async () => {
    const { Customer, ids } = await seedCustomers(context());
    const { address } = Customer;
    expect(await ids(address.city.eq("Paris"))).toEqual([1]);
    expect(await ids(address.city.gt("Nice"))).toEqual([1, 5]);
    expect(await ids(address.city.in(["Paris", "Nice", "Rome"]))).toEqual([1, 6]);
    expect(await ids(address.city.startsWith("P"))).toEqual([1]);
    expect(await ids(address.city.endsWith("is"))).toEqual([1, 5]);
    expect(await ids(address.city.contains("y"))).toEqual([2]);
    expect(await ids(address.city.like("_i%"))).toEqual([6]);
    expect(await ids(address.city.ilike("PARIS"))).toEqual([1, 5]);
    expect(await ids(address.city.regex("^[A-Z][a-z]{3}$"))).toEqual([2, 6]);
    expect(await ids(address.floor.gte(0))).toEqual([1, 5]);
    expect(await ids(address.floor.lt(1))).toEqual([5, 6]);
    expect(await ids(address.since.lt(new Date("2021-01-01T00:00:00.000Z")))).toEqual([1]);
    expect(await ids(address.geo.lat.gt(40))).toEqual([1]);
  });

  it("a nested value of -0 equals 0, as a top-level one does", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.address.geo.lat.eq(0))).toEqual([5]);
    expect(await ids(Customer.address.geo.lat.eq(-0))).toEqual([5]);
    expect(await ids(Customer.address.geo.lat.gte(0))).toEqual([1, 5]);
    expect(await ids(Customer.address.geo.lng.in([-0]))).toEqual([5]);
  });

  it("a condition on a.b is false when a is null or missing, or b is: ne and notIn too", async () => {
    const { Customer, ids } = await seedCustomers(context());
    const { address } = Customer;
    expect(await ids(address.city.ne("Paris"))).toEqual([2, 5, 6]);
    expect(await ids(address.city.notIn(["Paris"]))).toEqual([2, 5, 6]);
    expect(await ids(address.zip.ne("75001"))).toEqual([5, 6]);
    expect(await ids(address.zip.notIn([]))).toEqual([1, 5, 6]);
    expect(await ids(address.floor.ne(3))).toEqual([5, 6]);
    expect(await ids(address.geo.lat.lt(1000))).toEqual([1, 5]);
    expect(await ids(address.city.like("%"))).toEqual([1, 2, 5, 6]);
  });

  it("isNull on a nested value is true when it, or a value on the way to it, is null or missing; isNotNull is the rest", async () => {
    const { Customer, ids } = await seedCustomers(context());
    const { address } = Customer;
    expect(await ids(address.isNull())).toEqual([3, 4]);
    expect(await ids(address.eq(null))).toEqual([3, 4]);
    expect(await ids(address.isNotNull())).toEqual([1, 2, 5, 6]);
    expect(await ids(address.zip.isNull())).toEqual([2, 3, 4]);
    expect(await ids(address.zip.eq(null))).toEqual([2, 3, 4]);
    expect(await ids(address.zip.isNotNull())).toEqual([1, 5, 6]);
    expect(await ids(address.zip.ne(null))).toEqual([1, 5, 6]);
    expect(await ids(address.floor.isNull())).toEqual([2, 3, 4]);
    expect(await ids(address.geo.isNull())).toEqual([2, 3, 4, 6]);
    expect(await ids(address.geo.lat.isNull())).toEqual([2, 3, 4, 6]);
    expect(await ids(address.geo.lat.isNotNull())).toEqual([1, 5]);
    expect(await ids(Customer.labels.isNull())).toEqual([3, 4]);
    expect(await ids(Customer.meta.isNull())).toEqual([3, 4]);
    expect(await ids(Customer.meta.isNotNull())).toEqual([1, 2, 5, 6]);
  });

  it("not() matches exactly the rows its condition does not, nulls and missing values included", async () => {
    const { Customer, ids, everyId } = await seedCustomers(context());
    const { address } = Customer;
    const conditions: Conditional[] = [
      address.city.eq("Paris"),
      address.city.ne("Paris"),
      address.zip.isNull(),
      address.geo.lat.eq(0),
      address.floor.gt(-5),
      address.city.notIn(["Lyon"]),
      address.eq({ city: "Lyon", zip: null, geo: null }),
      Customer.labels.ne({ tier: "gold", region: "eu" }),
      Customer.meta.eq("vip"),
      when(address.city.startsWith("P")).or(address.zip.isNull()),
    ];
    for (const condition of conditions) {
      const matched = await ids(condition);
      expect(await ids(not(condition))).toEqual(everyId.filter((id) => !matched.includes(id)));
    }
  });

  it("eq of a whole object, record or JSON value: the same keys in the same order, equal values (-0 equals 0)", async () => {
    const { Customer, ids } = await seedCustomers(context());
    expect(await ids(Customer.address.eq({ city: "Lyon", zip: null, geo: null }))).toEqual([2]);
    // An object of known keys is stored, and compared, in its schema's order, whatever the order written.
    expect(await ids(Customer.address.eq({ geo: null, zip: null, city: "Lyon" }))).toEqual([2]);
    expect(await ids(Customer.lines.has({ marks: [], qty: 2, sku: "y" }))).toEqual([6]);
    // A key left out is not a key holding null.
    expect(await ids(Customer.address.eq({ city: "Lyon", zip: null }))).toEqual([]);
    expect(await ids(Customer.address.ne({ city: "Lyon", zip: null, geo: null }))).toEqual([1, 5, 6]);
    expect(await ids(Customer.address.geo.eq({ lat: 0, lng: -0 }))).toEqual([5]);
    expect(await ids(Customer.labels.eq({ tier: "gold", region: "eu" }))).toEqual([1]);
    expect(await ids(Customer.labels.eq({ region: "eu", tier: "gold" }))).toEqual([5]);
    expect(await ids(Customer.labels.eq({}))).toEqual([2]);
    expect(await ids(Customer.meta.eq({ kind: "vip", n: [1, 2] }))).toEqual([1]);
    expect(await ids(Customer.meta.eq({ kind: "vip", n: [2, 1] }))).toEqual([]);
    expect(await ids(Customer.meta.eq("vip"))).toEqual([6]);
    expect(await ids(Customer.meta.eq([]))).toEqual([2]);
    expect(await ids(Customer.meta.ne("vip"))).toEqual([1, 2, 5]);
    expect(await ids(Customer.tags.eq(["a", "b", "a"]))).toEqual([1]);
    expect(await ids(Customer.tags.eq(["a", "b"]))).toEqual([]);
    expect(await ids(Customer.tags.eq([]))).toEqual([2]);
    expect(await ids(Customer.lines.eq([{ sku: "y", qty: 2, marks: [] }]))).toEqual([6]);
    expect(await ids(Customer.ratios.eq([0.5, 0]))).toEqual([1]);
  });

  it("keys named like operators are reached with nested(key)", async () => {
    const { db, create, collection } = context();
    const Box = model(
      z.object({ id: z.number().int(), dims: z.object({ length: z.number(), desc: z.string(), eq: z.string().nullable(), nested: z.number().int() }).nullable() }),
      { name: "Box", collection },
    );
    await create();
    await addRows(db, Box, [
      { id: 1, dims: { length: 2.5, desc: "small", eq: null, nested: 1 } },
      { id: 2, dims: { length: 10, desc: "large", eq: "x", nested: 2 } },
      { id: 3, dims: null },
    ]);
    const ids = async (condition: Conditional) => ascending(await fieldOf(db.find(Box, condition), "id"));
    expect(await ids(Box.dims.nested("length").gt(3))).toEqual([2]);
    expect(await ids(Box.dims.nested("desc").eq("small"))).toEqual([1]);
    expect(await ids(Box.dims.nested("eq").isNull())).toEqual([1, 3]);
    expect(await ids(Box.dims.nested("nested").in([1, 2]))).toEqual([1, 2]);
    expect(await fieldOf(db.find(when(Box).sort(Box.dims.nested("desc").desc())), "id")).toEqual([1, 2, 3]);
  });

  it("filters rows by a nested value of another model, through ReferenceTo: when(Book, Author.profile.country.eq(...))", async () => {
    const { db, create, collection } = context();
    const { Author, Book } = defineProfiles(collection);
    await create();
    await addRows(db, Author, [
      { id: 1, name: "Ana", profile: { country: "FR", languages: ["fr", "en"] } },
      { id: 2, name: "Ben", profile: { country: "DE", languages: ["de"] } },
      { id: 3, name: "Cy", profile: null },
    ]);
    await addRows(db, Book, [
      { id: 10, title: "Un", authorId: 1 }, { id: 11, title: "Deux", authorId: 1 },
      { id: 20, title: "Eins", authorId: 2 }, { id: 30, title: "Anon", authorId: 3 }, { id: 40, title: "Orphan", authorId: null },
    ]);
    const books = async (...conditions: Conditional[]) => ascending(await fieldOf(db.find(when(Book, ...conditions)), "id"));
    expect(await books(Author.profile.country.eq("FR"))).toEqual([10, 11]);
    expect(await books(Author.profile.languages.has("de"))).toEqual([20]);
    expect(await books(Author.profile.languages.some((language) => language.startsWith("e")))).toEqual([10, 11]);
    expect(await books(Author.profile.isNull())).toEqual([30]);
    // Books whose author is not from France: those without an author, or with one without a profile, included.
    expect(await books(not(Author.profile.country.eq("FR")))).toEqual([20, 30, 40]);
    expect(await books(Author.profile.country.ne("FR"), Book.title.startsWith("E"))).toEqual([20]);
    const authors = async (condition: Conditional) => ascending(await fieldOf(db.find(when(Author, condition)), "id"));
    expect(await authors(when(Author.profile.country.eq("DE")).or(Book.title.eq("Un")))).toEqual([1, 2]);
  });
});
