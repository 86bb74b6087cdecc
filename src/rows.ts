import type { StoredRow } from "./driver.js";
import type { ModelMeta } from "./model/meta.js";

/** A stored row as the model's library gives it: an instance for class models, the object itself otherwise. */
export function hydrate<R>(model: ModelMeta, row: StoredRow): R {
  return (model.schema.hydrate ? model.schema.hydrate(row) : row) as R;
}

export function hydrateAll<R>(model: ModelMeta, rows: StoredRow[]): R[] {
  const { schema } = model;
  return (schema.hydrate ? rows.map((row) => schema.hydrate?.(row)) : rows) as R[];
}
