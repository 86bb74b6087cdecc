import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Index, metaOf, model, ModelCollection, Unique } from "ommi";
import { utf8Length } from "ommi/driver";
import { checkDerivedNames, nestedIndexName } from "../../drivers/sql/ddl.js";

// Names of indexes on values inside structured fields (`"address.city": Index`) fit the portable
// limit and stay apart after shortening, as every name Ommi derives (drivers/sql/names.ts).

describe("names of nested indexes", () => {
  it("fit 63 bytes and stay apart when two long paths begin alike", () => {
    const collection = new ModelCollection();
    const long = "a_rather_long_key_name_that_goes_on_and_on";
    const Shipment = model(z.object({ id: z.number().int(), destination: z.object({ [`${long}_first`]: z.string(), [`${long}_second`]: z.string() }) }), {
      name: "ShipmentWithALongName",
      collection,
      fields: { [`destination.${long}_first`]: Index, [`destination.${long}_second`]: Unique },
    });
    const names = metaOf(Shipment).nestedIndexes.map(nestedIndexName);
    expect(names).toHaveLength(2);
    for (const name of names) expect(utf8Length(name)).toBeLessThanOrEqual(63);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(2);
    expect(() => checkDerivedNames([metaOf(Shipment)])).not.toThrow();
  });

  it("a nested index whose name another index takes is a ModelError before anything is created", () => {
    const collection = new ModelCollection();
    // "address.city" names both the field of that name and city inside address: two indexes, one name.
    const Place = model(z.object({ id: z.number().int(), "address.city": z.string(), address: z.object({ city: z.string() }) }), {
      name: "Place",
      collection,
      fields: { "address.city": Index },
    });
    expect(() => checkDerivedNames([metaOf(Place)])).toThrow(
      'the index of Place.address.city and the index on city inside Place.address would both be named "Place_address.city_idx" in the database',
    );
  });
});
