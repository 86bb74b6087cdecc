import { z } from "zod";
import { model, ReferenceTo, type ModelCollection } from "../../src/index.js";

/**
 * Models with structured fields (DESIGN §4, rules 5 and 6), written as real projects write their
 * Zod schemas: a nested object with a nullable object inside, arrays of strings, integers and
 * objects, a record and a JSON value. Every structured field may be left out, so that the tests
 * hold missing values, nulls and values side by side.
 */
export function defineCustomer(collection: ModelCollection) {
  return model(
    z.object({
      id: z.number().int(),
      address: z
        .object({
          city: z.string(),
          zip: z.string().nullable(),
          floor: z.number().int().optional(),
          geo: z.object({ lat: z.number(), lng: z.number() }).nullable().optional(),
          since: z.date().optional(),
        })
        .nullable()
        .optional(),
      tags: z.array(z.string()).nullable().optional(),
      scores: z.array(z.number().int()).optional(),
      ratios: z.array(z.number()).optional(),
      lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), price: z.number().nullable().optional(), marks: z.array(z.string()).optional() })).optional(),
      labels: z.record(z.string(), z.string()).nullable().optional(),
      meta: z.json().optional(),
    }),
    { name: "Customer", collection },
  );
}

export type Customer = ReturnType<typeof defineCustomer>;

/** A payment kept as the schema validates it: a union of objects told apart by `kind`, with a date and a bigint inside. */
export const payment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("card"), last4: z.string(), expires: z.date() }),
  z.object({ kind: z.literal("transfer"), iban: z.string(), amount: z.bigint(), note: z.string().nullable() }),
]);

/**
 * Every kind of value inside structured fields, for exact round trips: dates and bigints at
 * depth, floats (-0), records and JSON values (their key order), empty containers, nulls inside,
 * binary at the top and inside, and a discriminated union.
 */
export function defineVault(collection: ModelCollection) {
  return model(
    z.object({
      id: z.number().int(),
      event: z
        .object({
          at: z.date(),
          amount: z.bigint(),
          ratio: z.number(),
          note: z.string(),
          done: z.boolean(),
          history: z.array(z.object({ at: z.date(), amounts: z.array(z.bigint()) })),
        })
        .optional(),
      dates: z.array(z.date()).optional(),
      ledger: z.array(z.bigint()).optional(),
      balances: z.record(z.string(), z.bigint()).optional(),
      deadlines: z.record(z.string(), z.date()).optional(),
      weights: z.array(z.number()).optional(),
      names: z.record(z.string(), z.string()).optional(),
      maybe: z.array(z.string().nullable()).optional(),
      doc: z.json().optional(),
      blob: z.instanceof(Uint8Array).optional(),
      attachment: z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) }).nullable().optional(),
      chunks: z.array(z.instanceof(Uint8Array)).optional(),
      payment: payment.optional(),
    }),
    { name: "Vault", collection },
  );
}

/** Authors with a structured profile, and books that refer to them (a book may have no author). */
export function defineProfiles(collection: ModelCollection) {
  const Author = model(
    z.object({
      id: z.number().int(),
      name: z.string(),
      profile: z.object({ country: z.string(), languages: z.array(z.string()) }).nullable(),
    }),
    { name: "Author", collection },
  );
  const Book = model(
    z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int().nullable() }),
    { name: "Book", collection, fields: { authorId: ReferenceTo(Author.id) } },
  );
  return { Author, Book };
}

/**
 * A value written out so that two values read the same only when a round trip kept everything:
 * -0 apart from 0, bigints apart from numbers, dates to the millisecond, bytes, the order of
 * items and keys, and a key holding undefined apart from a key left out.
 */
export function exactly(value: unknown): string {
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Date(invalid)" : `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")})`;
  if (Array.isArray(value)) return `[${value.map(exactly).join(", ")}]`;
  const prototype: unknown = Object.getPrototypeOf(value);
  const kind = prototype === Object.prototype || prototype === null ? "" : `${Object.prototype.toString.call(value)} `;
  return `${kind}{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${exactly(item)}`).join(", ")}}`;
}

/** A row written out by exactly(), its fields in name order (a row's own key order is no part of the contract). */
export function exactRow(row: object): string {
  return exactly(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
