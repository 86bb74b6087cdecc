/** The kinds of value a field can hold as a column of its own type. */
export type ScalarType = "string" | "integer" | "float" | "boolean" | "date" | "bigint";

/** Kinds whose values have parts: stored as JSON by SQL databases, as sub-documents and arrays by MongoDB. */
export type StructuredType = "object" | "array" | "record" | "json" | "union";

/**
 * The value types Ommi can store. Adapters map each schema library's types onto these:
 * - a scalar (`ScalarType`);
 * - `binary`: bytes (`Uint8Array`, and Node's `Buffer`, a subclass of it);
 * - `object`: known keys, each with its own type and optionality (`fields`);
 * - `array`: items of one type (`of`); a tuple is an array of its items' common type;
 * - `record`: any string keys, each value of one type (`of`);
 * - `json`: anything JSON can hold (null, booleans, finite numbers, strings, arrays, plain objects);
 * - `union`: one of several object types (`options`), told apart by `discriminator` when the
 *   schema names one.
 */
export type FieldType = ScalarType | "binary" | StructuredType;

export const SCALAR_TYPES: readonly ScalarType[] = ["string", "integer", "float", "boolean", "date", "bigint"];
export const STRUCTURED_TYPES: readonly StructuredType[] = ["object", "array", "record", "json", "union"];
export const FIELD_TYPES: readonly FieldType[] = [...SCALAR_TYPES, "binary", ...STRUCTURED_TYPES];

/** A literal a scalar is limited to, for enums and literals (stored as its base type). */
export type Literal = string | number | boolean;

/**
 * The type of a value: a tree whose leaves are scalars, binary and JSON values. Which properties
 * are present depends on `type` (see FieldType); the helpers below read them.
 */
export interface ValueType {
  readonly type: FieldType;
  /** The value may be `null`. */
  readonly nullable: boolean;
  /** Allowed values of a scalar, for enums and literals. */
  readonly values?: readonly Literal[];
  /** The keys of an `object`, in the schema's order. */
  readonly fields?: readonly SchemaField[];
  /** The type of an `array`'s items, or of a `record`'s values. */
  readonly of?: ValueType;
  /** The object types of a `union`. */
  readonly options?: readonly ValueType[];
  /** The key of a `union`'s objects whose literal value says which option an object is. */
  readonly discriminator?: string;
}

/** One field (or one key of a nested object) as an adapter reads it from a schema, before Ommi's markers are applied. */
export interface SchemaField extends ValueType {
  readonly name: string;
  /** The field may be left out of an input value. */
  readonly optional: boolean;
  /**
   * Set when the adapter could not read what the field holds (a refinement-only custom schema)
   * or knows no way to store it: what is wrong and what to do. The model is refused unless a
   * `Stored.<type>` marker names the stored type. `type` is then only a placeholder.
   */
  readonly problem?: string;
}

export function isScalar(type: ValueType): boolean {
  return (SCALAR_TYPES as readonly string[]).includes(type.type);
}

export function isStructured(type: ValueType): boolean {
  return (STRUCTURED_TYPES as readonly string[]).includes(type.type);
}

/** The nested key `name` of an object type, or undefined. */
export function nestedField(type: ValueType, name: string): SchemaField | undefined {
  return type.fields?.find((field) => field.name === name);
}

/** How a type reads in messages: `string`, `array of string`, `object { city: string, zip?: string }`. */
export function typeName(type: ValueType): string {
  switch (type.type) {
    case "array":
    case "record":
      return `${type.type} of ${type.of ? typeName(type.of) : "?"}`;
    case "object":
      return `object { ${(type.fields ?? []).map((field) => `${field.name}${field.optional ? "?" : ""}: ${typeName(field)}`).join(", ")} }`;
    case "union":
      return (type.options ?? []).map(typeName).join(" | ");
    default:
      return type.type;
  }
}
