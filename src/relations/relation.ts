import type { ModelMeta } from "../model/meta.js";
import type { Hop } from "../model/paths.js";

/** A declared relation, resolved: how a row of `model` reaches its related rows of `target`. */
export interface Relation {
  readonly name: string;
  readonly kind: "one" | "many";
  readonly model: ModelMeta;
  readonly target: ModelMeta;
  /** One hop for a direct relation, two through an association model. */
  readonly path: readonly Hop[];
  /**
   * A to-one held by the row's own required fields: a related row always exists (a foreign key
   * keeps it), so a missing one is an error rather than `null`.
   */
  readonly required: boolean;
}

const declared = new WeakMap<ModelMeta, Map<string, Relation>>();

/** The relations declared for a model, by name (empty when it has none). */
export function relationsOf(model: ModelMeta): ReadonlyMap<string, Relation> {
  return declared.get(model) ?? NONE;
}

const NONE: ReadonlyMap<string, Relation> = new Map();

/** Records relations; `relations()` has checked them all before it calls this. */
export function register(relations: readonly Relation[]): void {
  for (const relation of relations) {
    let byName = declared.get(relation.model);
    if (!byName) declared.set(relation.model, (byName = new Map<string, Relation>()));
    byName.set(relation.name, relation);
  }
}

/**
 * `input` without the relations a row read with `include` carries as own properties: relations
 * are never validated or written, so a row read back can be stored again as it is.
 */
export function withoutRelations(model: ModelMeta, input: unknown): unknown {
  const relations = declared.get(model);
  if (!relations || typeof input !== "object" || input === null) return input;
  let copy: Record<string, unknown> | undefined;
  for (const name of relations.keys()) {
    if (!Object.hasOwn(input, name)) continue;
    copy ??= Object.assign(Object.create(Object.getPrototypeOf(input) as object | null) as object, input) as Record<string, unknown>;
    delete copy[name];
  }
  return copy ?? input;
}
