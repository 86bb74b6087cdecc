import type { ValueType } from "../../model/field.js";
import type { FieldMeta } from "../../model/meta.js";

/**
 * Where inside a field's value a condition or a sort looks: `User.address.city` is the field
 * `address` with the path `["city"]`. Without a path, a node is about the field's whole value.
 */
export interface ValuePath {
  /** Keys of nested objects, from the field's value (or the current item, see `element`) down. */
  readonly keys: readonly string[];
  /** The keys start at the item of the innermost enclosing `some(...)`, not at the row's field. */
  readonly element: boolean;
  /** The value compared is the length of the array reached, not the array. */
  readonly length: boolean;
  /** The type of the value compared: what is reached (an integer for a length). */
  readonly type: ValueType;
}

export function valuePath(keys: readonly string[], type: ValueType, element = false, length = false): ValuePath {
  return Object.freeze({ keys: Object.freeze([...keys]), element, length, type });
}

/** How messages name what a node compares: `User.address.city`, `Order.lines[item].sku`, `Post.tags.length`. */
export function targetName(field: FieldMeta, path?: ValuePath): string {
  const base = `${field.model.name}.${field.name}${path?.element ? "[item]" : ""}`;
  if (!path) return base;
  return `${base}${path.keys.map((key) => `.${key}`).join("")}${path.length ? ".length" : ""}`;
}

/** A path's part in a statement shape key: equal for equal paths, and unambiguous whatever the keys hold. */
export function pathKey(path: ValuePath | undefined): string {
  if (!path) return "";
  return `${path.element ? "e" : ""}${JSON.stringify(path.keys)}${path.length ? "#" : ""}`;
}
