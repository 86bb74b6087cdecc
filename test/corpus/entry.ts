import type { ModelOptions, SchemaInput, SchemaRow } from "ommi";

/** The schema libraries of the corpus. */
export type Library = "zod" | "valibot" | "typebox" | "class-validator";

export const LIBRARIES: readonly Library[] = ["zod", "valibot", "typebox", "class-validator"];

/**
 * One entity schema of the corpus, as a project would have written it for its own data, with
 * the markers its author would add for Ommi and a few realistic inputs (nasty but valid ones
 * among them). The corpus test models it, stores the samples and compares what comes back with
 * what the schema library itself makes of each sample.
 */
export interface CorpusEntry {
  readonly library: Library;
  /** The model's name (a class-validator class's own name). */
  readonly name: string;
  readonly schema: unknown;
  readonly fields: ModelOptions<unknown>["fields"] | undefined;
  /** Fresh inputs on every call (Ommi may write generated keys into them). */
  readonly samples: () => unknown[];
}

interface Definition<S> {
  readonly name: string;
  readonly schema: S;
  readonly fields?: ModelOptions<SchemaRow<S>>["fields"];
  readonly samples: () => SchemaInput<S>[];
}

/** An entry whose options and samples are checked against the schema's own types. */
export function corpusEntry<S>(library: Library, definition: Definition<S>): CorpusEntry {
  return {
    library,
    name: definition.name,
    schema: definition.schema,
    fields: definition.fields,
    samples: definition.samples,
  };
}
