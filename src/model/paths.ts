import { QueryError } from "../errors.js";
import type { ModelMeta } from "./meta.js";
import type { FieldMeta } from "./meta.js";

/** One step between two models along a `ReferenceTo`: rows where `from` equals `to`. */
export interface Hop {
  readonly from: FieldMeta;
  readonly to: FieldMeta;
}

const cache = new WeakMap<ModelMeta, Map<ModelMeta, readonly Hop[]>>();

/** Every step from one model to another along a `ReferenceTo`, in either direction. */
function hopsFrom(model: ModelMeta): Hop[] {
  const hops: Hop[] = [];
  for (const other of model.collection.models) {
    for (const field of other.fields) {
      const target = field.reference;
      if (!target) continue;
      if (other === model) hops.push({ from: field, to: target });
      if (target.model === model) hops.push({ from: target, to: field });
    }
  }
  return hops;
}

/**
 * The shortest chain of references from `from` to `to`. Two chains of the same length would
 * make a condition ambiguous (which author: the writer or the editor?), so that is an error.
 */
export function pathBetween(from: ModelMeta, to: ModelMeta): readonly Hop[] {
  let known = cache.get(from);
  if (!known) cache.set(from, (known = new Map<ModelMeta, readonly Hop[]>()));
  const cached = known.get(to);
  if (cached) return cached;

  let frontier: Hop[][] = [[]];
  const seen = new Set<ModelMeta>([from]);
  while (frontier.length > 0) {
    const next: Hop[][] = [];
    for (const path of frontier) {
      const at = path.length ? (path[path.length - 1] as Hop).to.model : from;
      for (const hop of hopsFrom(at)) {
        if (!seen.has(hop.to.model)) next.push([...path, hop]);
      }
    }
    const arrived = next.filter((path) => (path[path.length - 1] as Hop).to.model === to);
    if (arrived.length > 1) {
      const routes = arrived.map((path) => path.map((hop) => `${hop.from.model.name}.${hop.from.name}`).join(" → ")).join(" and ");
      throw new QueryError(`${from.name} reaches ${to.name} in more than one way (${routes}); query the model in between explicitly`);
    }
    if (arrived[0]) {
      known.set(to, arrived[0]);
      return arrived[0];
    }
    for (const path of next) seen.add((path[path.length - 1] as Hop).to.model);
    frontier = next;
  }
  throw new QueryError(`${to.name} is not related to ${from.name} through ReferenceTo, so a condition on ${to.name} cannot filter ${from.name}`);
}
