/** The value types Ommi can store. Adapters map each schema library's types onto these. */
export type FieldType = "string" | "integer" | "float" | "boolean" | "date" | "bigint";

export const FIELD_TYPES: readonly FieldType[] = ["string", "integer", "float", "boolean", "date", "bigint"];

/** One field as an adapter reads it from a schema, before Ommi's markers are applied. */
export interface SchemaField {
  readonly name: string;
  readonly type: FieldType;
  /** The field may be left out of an input value. */
  readonly optional: boolean;
  /** The field may hold `null`. */
  readonly nullable: boolean;
  /** Allowed values, for enums and literals (stored as their base type). */
  readonly values?: readonly (string | number | boolean)[];
}
