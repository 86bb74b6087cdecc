import { ModelError } from "../errors.js";
import { defaultCollection, type ModelCollection } from "../model/collection.js";
import type { Marker } from "../model/markers.js";
import { collectMarkers, ModelMeta } from "../model/meta.js";
import type { ModelClass, SchemaInput, SchemaRow } from "../model/schema-types.js";
import { adapterFor } from "./adapters.js";
import { createHandle, type DataKeys, type Model, type ModelHandle } from "./handle.js";
import type { FilledNames, StoredInstance, StoredObject } from "./stored-row.js";

/** Options every adapter accepts. */
export interface ModelOptions<R> {
  /** The model's name, which is also its table or collection name. Defaults to the class name for classes. */
  name?: string;
  /** The collection to register in; the global default when left out. */
  collection?: ModelCollection;
  /**
   * Markers per field: `{ id: [Key, Auto], name: StoreAs("username") }`. A path into a nested
   * object takes `Index` or `Unique`: `{ "address.city": Index }`.
   */
  fields?: { readonly [K in DataKeys<R>]?: Marker | readonly Marker[] } & { readonly [P in `${DataKeys<R>}.${string}`]?: Marker | readonly Marker[] };
}

/** The names `fields` takes for rows `R`: a field, or a path into a nested object. */
type FieldPath<R> = DataKeys<R> | `${DataKeys<R>}.${string}`;

/**
 * Refuses names that are not options, or not fields in `fields`. The options are a type
 * parameter (so that the markers they give type the rows), which TypeScript does not check for
 * unknown properties by itself: a misspelt option would otherwise be ignored without a word.
 */
type KnownOptions<O, R> = { readonly [K in keyof O as Unknown<K, keyof ModelOptions<R>>]: `${K & string} is not an option of model(): name, collection or fields` } & {
  readonly fields?: { readonly [K in keyof FieldsOf<O> as Unknown<K, FieldPath<R>>]: `${K & string} is not a field of the schema` };
};

/** `K` when it is a name outside `Known`; not an index signature (`Record<string, Marker>`), whose names cannot be known. */
type Unknown<K, Known> = K extends Known ? never : Record<never, never> extends Record<K & PropertyKey, unknown> ? never : K;

type FieldsOf<O> = O extends { readonly fields?: infer F } ? NonNullable<F> : unknown;

/**
 * Turns a schema you already have into a model Ommi can store: a Zod, Valibot or TypeBox object
 * schema, or a class decorated with class-validator. Throws `ModelError` for a definition that
 * cannot work, naming the field and what to do.
 *
 * Rows read back or returned by `add` are typed with their key (and `Auto` fields) present, as
 * the database filled them in; `add` takes the schema's input, where they may be left out.
 */
export function model<S extends ModelClass, const O extends ModelOptions<SchemaRow<S>> = Record<never, never>>(
  schema: S,
  options?: O & KnownOptions<O, SchemaRow<S>>,
): Model<StoredInstance<SchemaRow<S>, FilledNames<SchemaRow<S>, O>>, SchemaInput<S>>;
export function model<S, const O extends ModelOptions<SchemaRow<S>> & { name: string }>(
  schema: S,
  options: O & KnownOptions<O, SchemaRow<S>>,
): Model<StoredObject<SchemaRow<S>, FilledNames<SchemaRow<S>, O>>, SchemaInput<S>>;
export function model<S>(schema: S, options: ModelOptions<SchemaRow<S>> = {}): ModelHandle<unknown, unknown> {
  const adapter = adapterFor(schema);
  const description = adapter.describe(schema, options.name);
  const name = options.name ?? description.defaultName;
  if (!name) throw new ModelError(`A ${adapter.library} model needs a name: model(schema, { name: "User" })`);
  const fieldNames = new Set(description.fields.map((field) => field.name));
  const markers = collectMarkers(name, schema, fieldNames, options.fields);
  const collection = options.collection ?? defaultCollection;
  const meta = new ModelMeta(name, adapter.library, description, collection, markers);
  collection.register(meta);
  return createHandle(meta);
}
