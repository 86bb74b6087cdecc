import { validate as classValidate } from "class-validator";
import type { TSchema } from "typebox";
import { Value } from "typebox/value";
import * as v from "valibot";
import { z } from "zod";
import { withoutUndefined } from "./compare.js";
import type { CorpusEntry } from "./entry.js";

export type Output = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * What the schema library itself makes of a value, validated the way its users validate: Zod's
 * and Valibot's parse output, and for TypeBox and class-validator (which check without changing)
 * the value itself once it passes (class-validator with its default options).
 */
export async function libraryOutput(entry: CorpusEntry, value: unknown): Promise<Output> {
  switch (entry.library) {
    case "zod": {
      const result = await (entry.schema as z.ZodType).safeParseAsync(value);
      return result.success ? { ok: true, value: result.data } : { ok: false, message: z.prettifyError(result.error) };
    }
    case "valibot": {
      const result = await v.safeParseAsync(entry.schema as v.GenericSchema, value);
      return result.success ? { ok: true, value: result.output } : { ok: false, message: v.summarize(result.issues) };
    }
    case "typebox": {
      const schema = entry.schema as TSchema;
      if (Value.Check(schema, value)) return { ok: true, value };
      const errors = Value.Errors(schema, value).slice(0, 5);
      return { ok: false, message: errors.map((error) => `${error.instancePath || "/"}: ${error.message}`).join("; ") };
    }
    case "class-validator": {
      if (typeof value !== "object" || value === null) return { ok: false, message: "not an object" };
      const errors = await classValidate(value);
      return errors.length ? { ok: false, message: errors.map((error) => error.toString(false)).join("").trim() } : { ok: true, value };
    }
  }
}

/**
 * The row Ommi should give back for an input whose generated keys are `keys`: the library's own
 * output for the input with those keys. For TypeBox (which returns its input) the keys go where
 * the schema declares them; a class-validator class's fields are already in place (class fields
 * are defined by the constructor), and its nulls and undefineds read back absent (README: class-
 * validator fields are optional, not nullable).
 */
export async function expectedRow(entry: CorpusEntry, input: unknown, keys: Record<string, unknown>): Promise<Output> {
  switch (entry.library) {
    case "zod":
    case "valibot":
      return libraryOutput(entry, { ...(input as object), ...keys });
    case "typebox": {
      const declared = Object.keys((entry.schema as { properties: object }).properties);
      const given = { ...(input as Record<string, unknown>), ...keys };
      const ordered: Record<string, unknown> = {};
      for (const name of [...declared, ...Object.keys(given)]) if (Object.hasOwn(given, name) && !Object.hasOwn(ordered, name)) ordered[name] = given[name];
      return libraryOutput(entry, ordered);
    }
    case "class-validator": {
      const instance = Object.assign(input as object, keys);
      const checked = await libraryOutput(entry, instance);
      if (!checked.ok) return checked;
      const row = withoutUndefined(checked.value) as Record<string, unknown>;
      for (const [name, value] of Object.entries(row)) if (value === null) delete row[name];
      return { ok: true, value: row };
    }
  }
}

/** The row read back, as the class-validator comparison sees it (own undefined properties are absent). */
export function normalisedRow(entry: CorpusEntry, row: unknown): unknown {
  return entry.library === "class-validator" ? withoutUndefined(row) : row;
}
