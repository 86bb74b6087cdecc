import type { FieldMeta } from "../../model/meta.js";
import type { ConditionNode } from "./condition.js";
import type { ValuePath } from "./path.js";

/**
 * Some item of an array matches `where`: `Order.lines.some((line) => line.qty.gt(2))`. Inside
 * `where`, paths marked `element` start at the item. A null or missing array has no items, so
 * nothing matches (DESIGN.md §4, rule 6).
 */
export interface SomeNode {
  readonly kind: "some";
  readonly field: FieldMeta;
  /** Where the array is inside the field's value; absent when the field is the array. */
  readonly path?: ValuePath;
  readonly where: ConditionNode;
}

export function some(field: FieldMeta, path: ValuePath | undefined, where: ConditionNode): SomeNode {
  return Object.freeze(path ? { kind: "some", field, path, where } : { kind: "some", field, where });
}
