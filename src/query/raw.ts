import { QueryError } from "../errors.js";
import { fieldOf, isFieldRef, isModelHandle, metaOf } from "../model/brands.js";
import type { FieldMeta, ModelMeta } from "../model/meta.js";
import { quote } from "../util/quote.js";

/**
 * What stands between two pieces of a raw statement's text: a model's table (schema-qualified and
 * quoted by the driver), a field's column (quoted), or a value (always a bound parameter).
 */
export type RawToken =
  | { readonly kind: "table"; readonly model: ModelMeta }
  | { readonly kind: "column"; readonly field: FieldMeta }
  | { readonly kind: "value"; readonly value: RawValue };

/** The values a raw statement binds: scalars and binary data, as every SQL database binds them. */
export type RawValue = string | number | boolean | bigint | Date | Uint8Array | null;

/**
 * `db.sql` as the driver gets it: the template's text pieces, written by the programmer, and the
 * tokens between them (`strings.length === tokens.length + 1`). `strings` is the array of a
 * tagged template, the same object on every call of one template: drivers may key caches by it.
 */
export interface RawStatement {
  readonly strings: readonly string[];
  readonly tokens: readonly RawToken[];
}

/** A statement from a tagged template's arguments; a value no SQL database binds as it is is a QueryError naming it. */
export function rawStatement(strings: unknown, values: readonly unknown[], doing: string): RawStatement {
  if (!Array.isArray(strings) || strings.length !== values.length + 1 || !strings.every((piece) => typeof piece === "string")) {
    throw new QueryError(`${doing} is a tagged template: write it as ${doing}\`SELECT ...\``);
  }
  const tokens = values.map((value, index): RawToken => {
    if (isModelHandle(value)) return { kind: "table", model: metaOf(value) as ModelMeta };
    if (isFieldRef(value)) return { kind: "column", field: fieldOf(value) as FieldMeta };
    const problem = valueProblem(value);
    if (problem) throw new QueryError(`${doing}: the value at \${…} number ${index + 1} ${problem}`);
    return { kind: "value", value: value as RawValue };
  });
  return Object.freeze({ strings, tokens: Object.freeze(tokens) });
}

/** Why a value cannot be bound as one parameter of a raw statement, or undefined. */
function valueProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `is ${String(value)}, which SQL databases do not store as a number`;
    case "undefined":
      return "is undefined: bind null for SQL NULL";
    case "object":
      if (value === null || value instanceof Uint8Array) return undefined;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "is an invalid Date" : undefined;
      return Array.isArray(value)
        ? `is an array (${quote(value)}): each \${…} binds one value; write one per item, or use find() with in()`
        : `is an object (${quote(value)}): bind strings, numbers, booleans, bigints, dates, binary data or null; write a structured value as JSON text yourself`;
    default:
      return `is a ${typeof value}, which SQL does not bind`;
  }
}
