import { quote } from "../../src/kit/adapter.js";
import type { Fail, FieldReading } from "./field-reading.js";
import { holdsType } from "./field-types.js";

/** A default's value (or a fallback's, or a catch value), or `known: false` when Ommi cannot tell what it gives. */
export type DefaultValue = { readonly known: true; readonly value: unknown } | { readonly known: false };

const UNKNOWN: DefaultValue = { known: false };

/**
 * Reads a default the way its library's own introspection does (Valibot's `getDefault`, Zod's
 * `def.defaultValue`, which `z.toJSONSchema` reads too): a default function is called, once, when
 * the model is defined. A function that throws without the library's arguments, or answers with a
 * promise, gives what Ommi cannot know.
 */
export function readDefault(read: () => unknown): DefaultValue {
  try {
    const value = read();
    return isThenable(value) ? UNKNOWN : { known: true, value };
  } catch {
    return UNKNOWN;
  }
}

/** Whether a default may give `missing` (null or undefined); one Ommi cannot read may give anything. */
export function mayGive(fill: DefaultValue, missing: null | undefined): boolean {
  return !fill.known || fill.value === missing;
}

/**
 * The one rule for a value that a library puts in a field without checking it (Zod's `default` and
 * `catch`, Valibot's `fallback`): the field holds whatever `base` (the rest of the schema) gives,
 * and that value too. Null makes the field nullable and undefined optional (a `v.nullish(..., null)`
 * column must take NULL); any other value must be of the field's type and among its allowed values,
 * or it would be stored as something else.
 */
export function joinUnchecked(base: FieldReading, fill: DefaultValue, what: string, fail: Fail): FieldReading {
  if (!fill.known) return { ...base, optional: true, nullable: true };
  const { value } = fill;
  if (value === undefined) return { ...base, optional: true };
  if (value === null) return { ...base, nullable: true };
  if (!holdsType(base.type, value)) {
    const article = /^[aeiou]/.test(base.type) ? "an" : "a";
    throw fail(`its ${what} ${quote(value)} is not ${article} ${base.type} like its other values, and a column holds one type; give it a ${what} of that type`);
  }
  if (base.values && !base.values.includes(value as string | number | boolean)) {
    throw fail(`its ${what} ${quote(value)} is not one of its allowed values (${base.values.map((allowed) => quote(allowed)).join(", ")})`);
  }
  return base;
}

function isThenable(value: unknown): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
