/**
 * The marks that make an object a model handle or a field ref, and read the metadata behind it.
 * They live with the metadata, not with the builder that creates handles, so that the model
 * layer can recognise a field (a `ReferenceTo` target) without importing the builder. They are
 * generic in what they carry (ModelMeta, FieldMeta), so that this file depends on nothing.
 */
const MODEL = Symbol("ommi.model");
const FIELD = Symbol("ommi.field");

/** Anything that carries a model's metadata `M`: a model handle (`User`). */
export interface ModelBrand<M = unknown> {
  readonly [MODEL]: M;
}

/** Anything that carries a field's metadata `F`: a field ref (`User.age`). */
export interface FieldBrand<F = unknown> {
  readonly [FIELD]: F;
}

export function isModelHandle(value: unknown): value is ModelBrand {
  return typeof value === "object" && value !== null && MODEL in value;
}

/** The metadata behind a model handle. */
export function metaOf<M>(handle: ModelBrand<M>): M {
  return handle[MODEL];
}

export function isFieldRef(value: unknown): value is FieldBrand {
  return typeof value === "object" && value !== null && FIELD in value;
}

export function fieldOf<F>(ref: FieldBrand<F>): F {
  return ref[FIELD];
}

/** Marks `target` as the handle of `meta`. */
export function brandModel<M>(target: Record<string | symbol, unknown>, meta: M): void {
  target[MODEL] = meta;
}

/** Marks `target` as a ref to `field`. */
export function brandField<F>(target: object, field: F): void {
  Object.defineProperty(target, FIELD, { value: field, enumerable: true });
}
