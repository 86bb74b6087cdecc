import { z } from "zod";
import { Auto, Key, model, ReferenceTo, type ModelCollection } from "../../src/index.js";

/** The Sample's fields (below), for a model that needs them and more. */
export const SAMPLE_FIELDS = {
  id: z.number().int(),
  text: z.string().nullable().default(null),
  count: z.number().int().nullable().default(null),
  ratio: z.number().nullable().default(null),
  flag: z.boolean().nullable().default(null),
  at: z.date().nullable().default(null),
};

/**
 * One nullable field of each comparable type, for the operator, null and sorting tests. Rows
 * are added with explicit ids and only the fields a test is about (the others default to null).
 */
export function defineSample(collection: ModelCollection) {
  return model(z.object(SAMPLE_FIELDS), { name: "Sample", collection });
}

/** A person with a generated integer key. */
export function definePerson(collection: ModelCollection) {
  return model(
    z.object({ id: z.number().int().optional(), name: z.string(), age: z.number().int().nullable().default(null) }),
    { name: "Person", collection, fields: { id: [Key, Auto] } },
  );
}

/** Authors and the books that refer to them (a book may have no author). */
export function defineLibrary(collection: ModelCollection) {
  const Author = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Author", collection });
  const Book = model(
    z.object({ id: z.number().int(), title: z.string(), authorId: z.number().int().nullable() }),
    { name: "Book", collection, fields: { authorId: ReferenceTo(Author.id) } },
  );
  return { Author, Book };
}
