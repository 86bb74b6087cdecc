import { ModelError } from "../errors.js";
import { fieldOf, isFieldRef, metaOf } from "../model/brands.js";
import { describe } from "../model/describe.js";
import type { FieldMeta, ModelMeta } from "../model/meta.js";
import { describeHop, type Hop } from "../model/paths.js";
import { referenceHeldBy, referencesOf, type Reference } from "../model/references.js";
import type { ReferenceFields, RelationDeclaration, ThroughOptions } from "./declaration.js";

/** How a declared relation joins: the hops from a row to its related rows. */
export interface Join {
  readonly path: readonly Hop[];
  /** Held by the row's own required fields (see Relation.required). */
  readonly required: boolean;
}

/**
 * Resolves the join of relation `name` of `model`, from `ReferenceTo`: the reference that `by`
 * names, or else the one reference between the two models. Throws a `ModelError` naming both
 * models when there is none, or more than one and no choice was made.
 */
export function resolveJoin(model: ModelMeta, name: string, declaration: RelationDeclaration): Join {
  const target = metaOf(declaration.target);
  const where = `${model.name}.${name} (${declaration.kind} ${target.name})`;
  if (declaration.through) {
    if (declaration.kind === "one") throw new ModelError(`${where}: a relation through an association model is many(...), not one(...)`);
    return { path: throughPath(model, target, declaration.through, where), required: false };
  }
  const reference = declaration.by === undefined ? inferred(model, target, declaration.kind, where) : named(model, target, declaration, where);
  const forward = reference.model === model && (reference.target !== model || declaration.kind === "one");
  if (forward && declaration.kind === "many" && model !== target) {
    throw new ModelError(`${where}: ${describeHop(reference)} refers to one ${target.name}, so ${name} is one(${target.name}), not many`);
  }
  const hop: Hop = forward ? { from: reference.from, to: reference.to } : { from: reference.to, to: reference.from };
  const required = forward && declaration.kind === "one" && reference.from.every((field) => !field.optional && !field.nullable);
  return { path: [hop], required };
}

/** The one reference between the two models; for `many`, only those by which the target refers to this model. */
function inferred(model: ModelMeta, target: ModelMeta, kind: "one" | "many", where: string): Reference {
  if (model === target) {
    const own = referencesOf(model).filter((reference) => reference.target === model);
    const example = own[0] ? `{ by: ${describeHop(own[0])} }` : "";
    throw new ModelError(
      own.length === 0
        ? `${where}: ${model.name} has no ReferenceTo to itself, so nothing joins its rows`
        : `${where}: a reference of ${model.name} to itself can be followed both ways; name it, e.g. ${kind}(${model.name}, ${example}): one(...) follows it forward (a parent), many(...) back (the children)`,
    );
  }
  const forward = referencesOf(model).filter((reference) => reference.target === target);
  const backward = referencesOf(target).filter((reference) => reference.target === model);
  const candidates = kind === "one" ? [...forward, ...backward] : backward;
  if (candidates.length === 1) return candidates[0] as Reference;
  if (candidates.length === 0) {
    if (kind === "many" && forward.length > 0) {
      throw new ModelError(`${where}: ${describeHop(forward[0] as Reference)} refers to one ${target.name}, and no field of ${target.name} refers to ${model.name}; declare one(${target.name})`);
    }
    throw new ModelError(`${where}: no ReferenceTo joins ${model.name} and ${target.name}; mark the field that holds the other's key with ReferenceTo`);
  }
  const listed = candidates.map(describeHop).join(", ");
  throw new ModelError(`${where}: ${model.name} and ${target.name} are joined by more than one reference (${listed}); name one with { by: ... }`);
}

/** The reference `by` names: held by fields of this model (forward) or of the target (backward). */
function named(model: ModelMeta, target: ModelMeta, declaration: RelationDeclaration, where: string): Reference {
  const fields = fieldsOf(declaration.by as ReferenceFields, where, "by");
  const holder = (fields[0] as FieldMeta).model;
  if (holder !== model && holder !== target) {
    throw new ModelError(`${where}: by names ${describeFields(fields)}, a field of ${holder.name}; name fields of ${model.name} or ${target.name}`);
  }
  const reference = referenceHeldBy(fields);
  const expected = holder === model ? target : model;
  if (!reference || reference.target !== expected) {
    throw new ModelError(`${where}: by names ${describeFields(fields)}, which ${reference ? `refers to ${reference.target.name}` : "is not a whole ReferenceTo"}; name the field(s) by which ${holder.name} refers to ${expected.name}`);
  }
  return reference;
}

/** Two hops: from a row to the association rows that refer to it, then to the rows they refer to. */
function throughPath(model: ModelMeta, target: ModelMeta, options: ThroughOptions, where: string): Hop[] {
  const association = metaOf(options.through);
  const held = referencesOf(association);
  const toModel = options.from === undefined ? undefined : associationReference(association, options.from, model, where, "from");
  const toTarget = options.to === undefined ? undefined : associationReference(association, options.to, target, where, "to");
  const pick = (chosen: Reference | undefined, other: Reference | undefined, end: ModelMeta, option: string): Reference => {
    if (chosen) return chosen;
    const candidates = held.filter((reference) => reference.target === end && reference !== other);
    if (candidates.length === 1) return candidates[0] as Reference;
    if (candidates.length === 0) throw new ModelError(`${where}: no field of ${association.name} refers to ${end.name} through ReferenceTo`);
    throw new ModelError(`${where}: ${association.name} refers to ${end.name} more than once (${candidates.map(describeHop).join(", ")}); name one with { ${option}: ... }`);
  };
  const first = pick(toModel, toTarget, model, "from");
  const second = pick(toTarget, first, target, "to");
  if (first === second) throw new ModelError(`${where}: from and to name the same reference of ${association.name}`);
  return [{ from: first.to, to: first.from }, { from: second.from, to: second.to }];
}

function associationReference(association: ModelMeta, given: ReferenceFields, end: ModelMeta, where: string, option: string): Reference {
  const fields = fieldsOf(given, where, option);
  const reference = (fields[0] as FieldMeta).model === association ? referenceHeldBy(fields) : undefined;
  if (!reference || reference.target !== end) {
    throw new ModelError(`${where}: ${option} names ${describeFields(fields)}; name the field(s) by which ${association.name} refers to ${end.name}`);
  }
  return reference;
}

function fieldsOf(given: ReferenceFields, where: string, option: string): FieldMeta[] {
  const refs: readonly unknown[] = Array.isArray(given) ? given : [given];
  if (refs.length === 0) throw new ModelError(`${where}: ${option} names no field`);
  const fields = refs.map((ref) => {
    if (!isFieldRef(ref)) throw new ModelError(`${where}: ${option} takes field refs such as Post.authorId, got ${describe(ref)}`);
    return fieldOf(ref) as FieldMeta;
  });
  const model = (fields[0] as FieldMeta).model;
  if (fields.some((field) => field.model !== model)) throw new ModelError(`${where}: ${option} names fields of different models (${describeFields(fields)})`);
  return fields;
}

function describeFields(fields: readonly FieldMeta[]): string {
  return fields.map((field) => `${field.model.name}.${field.name}`).join(", ");
}
