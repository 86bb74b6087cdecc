import { brandModel, isModelHandle, metaOf, type ModelBrand } from "../model/brands.js";
import type { ModelMeta } from "../model/meta.js";
import { createFieldRef, type FieldRef } from "./field-ref.js";
import type { Lazy } from "./lazy.js";

declare const TYPES: unique symbol;

/** The part of a model handle that is not its fields: symbol-keyed, so it never collides with a field name. */
export interface ModelHandle<R, I> extends ModelBrand<ModelMeta> {
  /** Only for the type checker: the row type and the input type of the model. */
  readonly [TYPES]?: { readonly row: R; readonly input: I };
}

/** The names of a row type's data properties (methods of class-based models and relations are left out). */
export type DataKeys<R> = {
  [K in keyof R]-?: K extends string ? (NonNullable<R[K]> extends ((...args: never[]) => unknown) | Lazy<unknown> ? never : K) : never;
}[keyof R];

/** A model: one field ref per field of the row type (`User.age`), and the model's metadata. */
export type Model<R, I = R> = { readonly [K in DataKeys<R>]: FieldRef<R, R[K]> } & ModelHandle<R, I>;

/**
 * The row type of a model: what `find` and `add` return. A row comes from the database, so its
 * key (and its `Auto` fields) are present, where the schema's output type may leave them optional.
 */
export type RowOf<M> = M extends ModelHandle<infer R, unknown> ? R : never;
/** The input type of a model: what `add` takes (the schema's input: a generated key may be left out). */
export type InputOf<M> = M extends ModelHandle<unknown, infer I> ? I : never;

/** A model handle: what `model()` returns, carrying its ModelMeta. */
export function isHandle(value: unknown): value is ModelHandle<unknown, unknown> {
  return isModelHandle(value);
}

const handlePrototype = Object.freeze(
  Object.create(null, {
    [Symbol.toStringTag]: { get(this: ModelHandle<unknown, unknown>) { return `Model ${metaOf(this).name}`; } },
    [Symbol.for("nodejs.util.inspect.custom")]: {
      value(this: ModelHandle<unknown, unknown>) { return `[Model ${metaOf(this).name}]`; },
    },
  }) as object,
);

/** Builds the frozen handle users hold: field refs as own properties, everything else behind symbols. */
export function createHandle(meta: ModelMeta): ModelHandle<unknown, unknown> {
  const handle = Object.create(handlePrototype) as Record<string | symbol, unknown>;
  brandModel(handle, meta);
  for (const field of meta.fields) handle[field.name] = createFieldRef(field);
  return Object.freeze(handle) as unknown as ModelHandle<unknown, unknown>;
}
