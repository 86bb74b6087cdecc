import { ModelError } from "../errors.js";
import { defaultCollection, type ModelCollection } from "../model/collection.js";
import type { Marker } from "../model/markers.js";
import { collectMarkers, ModelMeta } from "../model/meta.js";
import type { ModelClass, SchemaInput, SchemaRow } from "../model/schema-types.js";
import { adapterFor } from "./adapters.js";
import { createHandle, type DataKeys, type Model } from "./handle.js";

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

/**
 * Turns a schema you already have into a model Ommi can store: a Zod, Valibot or TypeBox object
 * schema, or a class decorated with class-validator. Throws `ModelError` for a definition that
 * cannot work, naming the field and what to do.
 */
export function model<S extends ModelClass>(schema: S, options?: ModelOptions<SchemaRow<S>>): Model<SchemaRow<S>, SchemaInput<S>>;
export function model<S>(schema: S, options: ModelOptions<SchemaRow<S>> & { name: string }): Model<SchemaRow<S>, SchemaInput<S>>;
export function model<S>(schema: S, options: ModelOptions<SchemaRow<S>> = {}): Model<SchemaRow<S>, SchemaInput<S>> {
  const adapter = adapterFor(schema);
  const description = adapter.describe(schema, options.name);
  const name = options.name ?? description.defaultName;
  if (!name) throw new ModelError(`A ${adapter.library} model needs a name: model(schema, { name: "User" })`);
  const fieldNames = new Set(description.fields.map((field) => field.name));
  const markers = collectMarkers(name, schema, fieldNames, options.fields);
  const collection = options.collection ?? defaultCollection;
  const meta = new ModelMeta(name, adapter.library, description, collection, markers);
  collection.register(meta);
  return createHandle(meta) as Model<SchemaRow<S>, SchemaInput<S>>;
}
