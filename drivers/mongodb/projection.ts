import type { Document } from "mongodb";
import type { FieldMeta } from "../../src/kit/driver.js";
import { storedPath } from "./documents.js";

const projections = new WeakMap<readonly FieldMeta[], Document>();

/**
 * The projection that reads only `fields` (a PreparedQuery's, one shared array per set of fields,
 * so each is built once): each field's stored property, and `_id` only when a field is stored there.
 */
export function projectionOf(fields: readonly FieldMeta[]): Document {
  let projection = projections.get(fields);
  if (!projection) {
    const paths = fields.map(storedPath);
    projection = Object.fromEntries(paths.map((path) => [path, 1]));
    if (!paths.includes("_id")) projection._id = 0;
    projections.set(fields, projection);
  }
  return projection;
}
