import { ModelError } from "../errors.js";
import type { FieldMeta, ModelMeta } from "./meta.js";

/**
 * One reference from a model to another: the fields of `model` that hold the value of `target`'s
 * fields, pairwise (`from[i]` holds `to[i]`). A reference to a composite key has several fields,
 * joined with AND; one to a lone key or a `Unique` field has one.
 */
export interface Reference {
  readonly model: ModelMeta;
  readonly target: ModelMeta;
  readonly from: readonly FieldMeta[];
  readonly to: readonly FieldMeta[];
}

const cache = new WeakMap<ModelMeta, readonly Reference[]>();

/**
 * The references a model holds, from its `ReferenceTo` fields. Fields that refer to the parts of
 * a composite key form one reference, in field order: a field naming a key part the reference
 * already has starts the next one (`fromRegion, fromCode, toRegion, toCode` are two). Throws a
 * `ModelError` for a reference that is neither a whole key nor a `Unique` field, since a row
 * could then refer to several rows, and no database can enforce it as a foreign key.
 */
export function referencesOf(model: ModelMeta): readonly Reference[] {
  const known = cache.get(model);
  if (known) return known;
  const references: Reference[] = [];
  const byTarget = new Map<ModelMeta, FieldMeta[]>();
  for (const field of model.fields) {
    const target = field.reference;
    if (!target) continue;
    if (isWholeKey([target]) || target.unique) {
      references.push(reference(model, [field]));
      continue;
    }
    const group = byTarget.get(target.model) ?? [];
    if (group.some((held) => held.reference === target)) {
      references.push(compositeReference(model, group));
      group.length = 0;
    }
    group.push(field);
    byTarget.set(target.model, group);
  }
  for (const group of byTarget.values()) if (group.length > 0) references.push(compositeReference(model, group));
  const result = Object.freeze(references);
  cache.set(model, result);
  return result;
}

/** The references held by the fields `fields` name, when they are exactly one reference's fields. */
export function referenceHeldBy(fields: readonly FieldMeta[]): Reference | undefined {
  const [first] = fields;
  if (!first) return undefined;
  return referencesOf(first.model).find((candidate) => candidate.from.length === fields.length && fields.every((field) => candidate.from.includes(field)));
}

function reference(model: ModelMeta, from: readonly FieldMeta[]): Reference {
  const to = from.map((field) => field.reference as FieldMeta);
  return Object.freeze({ model, target: (to[0] as FieldMeta).model, from: Object.freeze([...from]), to: Object.freeze(to) });
}

function compositeReference(model: ModelMeta, group: readonly FieldMeta[]): Reference {
  const built = reference(model, group);
  if (isWholeKey(built.to)) return built;
  const { target } = built;
  const held = group.map((field) => `${model.name}.${field.name} → ${target.name}.${(field.reference as FieldMeta).name}`).join(", ");
  const keys = target.keys.map((key) => key.name).join(", ");
  throw new ModelError(
    `${model.name} refers to ${target.name} by ${held}, which is not ${target.name}'s whole key (${keys}) nor a Unique field: ` +
      `refer to every key field, each from a field of ${model.name}, or mark the field Unique`,
  );
}

function isWholeKey(fields: readonly FieldMeta[]): boolean {
  const [first] = fields;
  if (!first) return false;
  const { keys } = first.model;
  return keys.length === fields.length && keys.every((key) => fields.includes(key));
}
