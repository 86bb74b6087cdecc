import postgres from "postgres";
import { z } from "zod";
import { Index, model, ModelCollection, Ommi } from "ommi";
import type { LibraryFactory, Target } from "../library.js";
import { connectOmmi, ommi } from "../libraries/ommi.js";
import { urlWithSchema } from "../postgres.js";
import { customers, STRUCTURED_FILTERS } from "./data.js";
import type { StructuredLibrary } from "./library.js";
import { VACUUM } from "./raw.js";

/** The customer schema as an application would have it: a nested object and an array of strings. */
const customerSchema = z.object({
  id: z.number().int().optional(),
  name: z.string(),
  age: z.number().int(),
  address: z.object({ street: z.string(), city: z.string(), zip: z.string() }),
  tags: z.array(z.string()),
});

const collection = new ModelCollection();
export const Customer = model(customerSchema, { name: "Customer", collection });
export const CustomerInsert = model(customerSchema, { name: "CustomerInsert", collection });
/** PostgreSQL only: `Index` on an array field is a GIN index for has/hasAll. */
const tagged = new ModelCollection();
export const CustomerTagged = model(customerSchema, { name: "CustomerTagged", collection: tagged, fields: { tags: Index } });

/** Ommi has no VACUUM: on PostgreSQL it runs on a connection of its own (see VACUUM). */
async function vacuum(target: Target): Promise<void> {
  if (target.kind !== "postgres") return;
  const admin = postgres(urlWithSchema(target.url, target.schema), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(VACUUM);
  } finally {
    await admin.end();
  }
}

function ommiStructured(db: Ommi, target: Target): StructuredLibrary {
  const onPostgres = target.kind === "postgres";
  const collections = onPostgres ? [collection, tagged] : [collection];
  return {
    async setup() {
      for (const each of collections) await db.schema(each).createModels().raiseOnErrors();
      await db.add(Customer, customers()).raiseOnErrors();
      if (onPostgres) await db.add(CustomerTagged, customers()).raiseOnErrors();
      await vacuum(target);
    },
    insert: (rows) => db.add(CustomerInsert, rows).raiseOnErrors(),
    clearInserted: () => db.find(CustomerInsert).delete().raiseOnErrors(),
    fetch: async () => (await db.find(Customer.age.lt(STRUCTURED_FILTERS.fetchBelowAge)).all().value).length,
    byCity: async () => (await db.find(Customer.address.city.eq(STRUCTURED_FILTERS.city)).all().value).length,
    withTag: async () => (await db.find(Customer.tags.has(STRUCTURED_FILTERS.tag)).all().value).length,
    ...(onPostgres ? { withTagIndexed: async () => (await db.find(CustomerTagged.tags.has(STRUCTURED_FILTERS.tag)).all().value).length } : {}),
    async teardown() {
      for (const each of collections) await db.schema(each).deleteModels().raiseOnErrors();
      await db.close();
    },
  };
}

export const ommiStructuredFactory: LibraryFactory<StructuredLibrary> = {
  name: "Ommi",
  unavailable: (target) => ommi.unavailable?.(target) ?? Promise.resolve(undefined),
  open: async (target) => ommiStructured(new Ommi(await connectOmmi(target)), target),
};
