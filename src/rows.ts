import type { StoredRow } from "./driver.js";
import type { ModelMeta } from "./model/meta.js";

/** Stored rows as the model's library gives them: instances for class models, the objects themselves otherwise. */
export function hydrateAll<R>(model: ModelMeta, rows: StoredRow[]): R[] {
  const { schema } = model;
  return (schema.hydrate ? rows.map((row) => schema.hydrate?.(row)) : rows) as R[];
}
