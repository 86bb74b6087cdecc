import type { FieldMeta } from "./field.js";
import type { ModelMeta } from "./meta.js";

/**
 * The marks that make an object a model handle or a field ref, and read the metadata behind it.
 * They live with the metadata, not with the builder that creates handles, so that the model
 * layer can recognise a field (a `ReferenceTo` target) without importing the builder.
 */
const MODEL = Symbol("ommi.model");
const FIELD = Symbol("ommi.field");

/** Anything that carries a model's metadata: a model handle (`User`). */
export interface ModelBrand {
  readonly [MODEL]: ModelMeta;
}

/** Anything that carries a field's metadata: a field ref (`User.age`). */
export interface FieldBrand {
  readonly [FIELD]: FieldMeta;
}

export function isModelHandle(value: unknown): value is ModelBrand {
  return typeof value === "object" && value !== null && MODEL in value;
}

export function metaOf(handle: ModelBrand): ModelMeta {
  return handle[MODEL];
}

export function isFieldRef(value: unknown): value is FieldBrand {
  return typeof value === "object" && value !== null && FIELD in value;
}

export function fieldOf(ref: FieldBrand): FieldMeta {
  return ref[FIELD];
}

/** Marks `target` as the handle of `meta`. */
export function brandModel(target: Record<string | symbol, unknown>, meta: ModelMeta): void {
  target[MODEL] = meta;
}

/** Marks `target` as a ref to `field`. */
export function brandField(target: object, field: FieldMeta): void {
  Object.defineProperty(target, FIELD, { value: field, enumerable: true });
}
