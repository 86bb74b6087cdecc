import { Ommi, placeholder, when } from "ommi";
import { FILTERS } from "../data.js";
import type { BenchLibrary, LibraryFactory } from "../library.js";
import { Author, Book, connectOmmi, ommi, ommiLibrary, User } from "./ommi.js";

/**
 * Ommi with its queries prepared (`find(...).prepare()`), as Drizzle (prepared) prepares its
 * statements: each built once with placeholders, its values given per call. Inserts, clearing and
 * the stream are Ommi's own calls, as in the Ommi column.
 */
export function ommiPreparedLibrary(db: Ommi): BenchLibrary {
  const fetch = db.find(User.age.lt(placeholder("age"))).prepare<{ age: number }>();
  const lookup = db.find(User.id.eq(placeholder("id"))).prepare<{ id: number }>();
  const count = db.find(when(User.age.gte(placeholder("age")), User.active.eq(true))).prepare<{ age: number }>();
  const update = db.find(User.age.lt(placeholder("age"))).prepare<{ age: number }>();
  const cross = db.find(Book, Author.country.eq(placeholder("country"))).prepare<{ country: string }>();
  return {
    ...ommiLibrary(db),
    fetchFiltered: async () => (await fetch.all({ age: FILTERS.fetchBelowAge }).value).length,
    // The row or undefined, as the raw driver's `get` gives it (the Ommi column reads the DBResult's `ok`).
    lookup: async (id) => (await lookup.one({ id }).valueOr(undefined)) !== undefined,
    count: () => count.count({ age: FILTERS.countFromAge }).value,
    update: (score) => update.update({ age: FILTERS.updateBelowAge }, { score }).value,
    crossModel: async () => (await cross.all({ country: FILTERS.authorCountry }).value).length,
  };
}

export const ommiPrepared: LibraryFactory = {
  name: "Ommi (prepared)",
  unavailable: (target) => ommi.unavailable?.(target) ?? Promise.resolve(undefined),
  open: async (target) => ommiPreparedLibrary(new Ommi(await connectOmmi(target))),
};
