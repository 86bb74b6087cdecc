import { QueryError } from "../errors.js";
import type { FieldMeta, ModelMeta } from "./meta.js";
import { referencesOf } from "./references.js";

/**
 * One step between two models along a reference (see `referencesOf`): the rows of `to`'s model
 * whose `to` fields equal `from`'s, pairwise; several fields (a composite key) are joined with AND.
 */
export interface Hop {
  readonly from: readonly FieldMeta[];
  readonly to: readonly FieldMeta[];
}

/** The model a hop starts from, and the one it arrives at. */
export function hopEnds(hop: Hop): { readonly from: ModelMeta; readonly to: ModelMeta } {
  return { from: (hop.from[0] as FieldMeta).model, to: (hop.to[0] as FieldMeta).model };
}

const cache = new WeakMap<ModelMeta, Map<ModelMeta, readonly Hop[]>>();

/** Every step from one model to another along a `ReferenceTo`, in either direction. */
function hopsFrom(model: ModelMeta): Hop[] {
  const hops: Hop[] = [];
  for (const other of model.collection.models) {
    for (const reference of referencesOf(other)) {
      if (other === model) hops.push({ from: reference.from, to: reference.to });
      if (reference.target === model) hops.push({ from: reference.to, to: reference.from });
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
      const at = path.length ? hopEnds(path[path.length - 1] as Hop).to : from;
      for (const hop of hopsFrom(at)) {
        if (!seen.has(hopEnds(hop).to)) next.push([...path, hop]);
      }
    }
    const arrived = next.filter((path) => hopEnds(path[path.length - 1] as Hop).to === to);
    if (arrived.length > 1) {
      const routes = arrived.map((path) => path.map(describeHop).join(" → ")).join(" and ");
      throw new QueryError(`${from.name} reaches ${to.name} in more than one way (${routes}); query the model in between explicitly`);
    }
    if (arrived[0]) {
      known.set(to, arrived[0]);
      return arrived[0];
    }
    for (const path of next) seen.add(hopEnds(path[path.length - 1] as Hop).to);
    frontier = next;
  }
  throw new QueryError(`${to.name} is not related to ${from.name} through ReferenceTo, so a condition on ${to.name} cannot filter ${from.name}`);
}

/**
 * The reference a hop follows, named by the fields that hold it (`Book.authorId`, or
 * `Ticket.(seatRow, seatNumber)` for a composite one), whichever way the hop goes.
 */
export function describeHop(hop: Hop): string {
  const holders = hop.from.every((field, index) => field.reference === hop.to[index]) ? hop.from : hop.to;
  const names = holders.map((field) => field.name);
  return `${(holders[0] as FieldMeta).model.name}.${names.length === 1 ? (names[0] as string) : `(${names.join(", ")})`}`;
}
