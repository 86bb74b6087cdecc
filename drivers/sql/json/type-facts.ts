import { isStructured, type SchemaField, type ValueType } from "../../../src/kit/driver.js";
import { encodingNull } from "../compiled.js";
import type { Encode } from "../dialect.js";

// Facts about a type's tree that decide how its values are written, read back and compared.

const arrayTypes = new WeakMap<ValueType, ValueType>();

/**
 * Whether a field stores its null as the JSON text `null`: a structured field that may be both
 * left out and null. Its column is then NULL only where the value was left out, so that it reads
 * back left out, as the schema library gave it (a scalar column has one NULL for both).
 */
export function storesNullAsJson(field: SchemaField): boolean {
  return isStructured(field) && field.optional && field.nullable;
}

/** The encoder of such a field's values, null included (as the JSON text `null`). */
export function withJsonNull(encode: Encode): Encode {
  return encodingNull((value) => (value === null ? "null" : encode(value)));
}

/** Whether a value of `type` may hold a number, so that its stored text may hold -0 (a Date's milliseconds never are -0). */
export function holdsNumbers(type: ValueType): boolean {
  return reaches(type, (each) => each.type === "integer" || each.type === "float" || each.type === "json");
}

/** The type of an array of `item`s, one object per item type (so that its encoder is made once too): for lists of items. */
export function arrayOf(item: ValueType): ValueType {
  let type = arrayTypes.get(item);
  if (!type) arrayTypes.set(item, (type = Object.freeze({ type: "array", nullable: false, of: item })));
  return type;
}

/** Whether any position of `type` holds a Date, a bigint or binary data: what JSON.parse alone does not give back. */
export function holdsConverted(type: ValueType): boolean {
  return reaches(type, (each) => each.type === "date" || each.type === "bigint" || each.type === "binary");
}

/** Whether some type in `type`'s tree (itself, its keys, items, values and options, however deep) is one `is` accepts. */
export function reaches(type: ValueType, is: (type: ValueType) => boolean): boolean {
  const seen = new Set<ValueType>();
  const visit = (each: ValueType): boolean => {
    if (seen.has(each)) return false;
    seen.add(each);
    if (is(each)) return true;
    switch (each.type) {
      case "object":
        return (each.fields ?? []).some(visit);
      case "array":
      case "record":
        return each.of ? visit(each.of) : false;
      case "union":
        return (each.options ?? []).some(visit);
      default:
        return false;
    }
  };
  return visit(type);
}

/** Item types whose arrays and records JSON.stringify writes exactly as Ommi does: it cannot tell -0, Dates or bigints from other values. */
export function stringifiesExactly(type: ValueType): boolean {
  return type.type === "string" || type.type === "boolean";
}
