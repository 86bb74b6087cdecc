import type { FieldMeta, ModelMeta } from "../model/meta.js";
import type { PreparedQuery } from "./prepare.js";

/**
 * Some of a model's fields, in model order: what a find with `select`/`omit` reads. One shared,
 * frozen object per model and set of fields, so that drivers can key what they build for it (a
 * row mapper, a projection document) by identity, and so that `key` is spelled once.
 */
export interface Projection {
  readonly fields: readonly FieldMeta[];
  /** Appended to a prepared query's shape key: statements are cached per projection too. */
  readonly key: string;
}

const interned = new WeakMap<ModelMeta, Map<string, Projection>>();

/**
 * The projection of `wanted` (fields of `model`), or undefined when it is every field: a query
 * that reads every field is the same shape as one without a projection, and shares its statements.
 */
export function projectionOf(model: ModelMeta, wanted: ReadonlySet<FieldMeta>): Projection | undefined {
  const fields = model.fields.filter((field) => wanted.has(field));
  if (fields.length === model.fields.length) return undefined;
  const key = `|P${fields.map((field) => field.index).join(",")}`;
  let byKey = interned.get(model);
  if (!byKey) interned.set(model, (byKey = new Map<string, Projection>()));
  let projection = byKey.get(key);
  if (!projection) byKey.set(key, (projection = Object.freeze({ fields: Object.freeze(fields), key })));
  return projection;
}

/** `prepared` reading only the projection's fields (all of them when there is none). */
export function withProjection(prepared: PreparedQuery, projection: Projection | undefined): PreparedQuery {
  return projection ? { ...prepared, fields: projection.fields, key: prepared.key + projection.key } : prepared;
}
