import type { TLocalizedValidationError } from "typebox/error";
import type { Validator } from "typebox/compile";
import type { ValidationIssue, SchemaDescription } from "../../src/kit/adapter.js";
import { lazyBuild, lazyImport } from "../shared/lazy-import.js";
import { whenReady } from "../shared/maybe-async.js";
import { asValidated, type Outcome } from "../shared/outcome.js";
import { pickFields } from "../shared/pick-fields.js";
import { unknownKeyIssues } from "../shared/unknown-keys.js";
import { validateFields } from "../shared/validate-fields.js";
import type { TypeBoxNode } from "./read-field.js";

const UNKNOWN_KEY_ADVICE =
  "Type.Object lets properties it does not declare through; declare it, leave it out, or give the object { additionalProperties: false } to have TypeBox refuse such properties";

// Loaded on the first validation, so that `ommi` can be imported without TypeBox installed.
const loadCompiler = lazyImport("typebox", () => import("typebox/compile"));

/** TypeBox's compiled validator for a schema, built once, the first time it is needed. */
function compiled(schema: TypeBoxNode): () => Validator | Promise<Validator> {
  return lazyBuild(loadCompiler, ({ Compile }) => Compile(schema));
}

/**
 * Validation through TypeBox's own compiler. TypeBox checks values without changing them (it
 * applies no defaults), so what is stored is the input's declared fields. A `Type.Object` lets
 * properties it does not declare through, as JSON Schema does, and there is no column for them:
 * one that holds a value is refused, never dropped in silence. `dateFields` get a check TypeBox's
 * date recipe (`value instanceof Date`) lacks: an invalid Date has no time to store.
 */
export function typeBoxValidation(
  schema: TypeBoxNode & { readonly additionalProperties?: unknown },
  properties: Readonly<Record<string, TypeBoxNode>>,
  dateFields: ReadonlySet<string>,
): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const fieldNames = Object.keys(properties);
  const whole = compiled(schema);
  const byField = new Map(Object.entries(properties).map(([name, property]) => [name, compiled(property)]));
  // With additionalProperties: false, TypeBox refuses them itself.
  const unknownKeys = schema.additionalProperties === false ? undefined : { fields: new Set(fieldNames), advice: UNKNOWN_KEY_ADVICE };
  return {
    validate: (input) =>
      whenReady(whole(), (validator) => {
        const outcome = check(validator, input);
        if (!outcome.ok) return asValidated(outcome);
        const issues = [...(unknownKeys ? unknownKeyIssues(input as object, unknownKeys) : []), ...invalidDates(input as Record<string, unknown>, dateFields)];
        return issues.length ? { ok: false, issues, libraryIssues: [] } : { ok: true, value: pickFields(fieldNames, input as object) };
      }),
    validatePatch: (patch) =>
      validateFields((name, value) => {
        const field = byField.get(name);
        if (!field) return { ok: true, value };
        return whenReady(field(), (validator) => {
          const outcome = check(validator, value);
          return outcome.ok && dateFields.has(name) && isInvalidDate(value) ? { ok: false, issues: [INVALID_DATE], libraryIssues: [] } : outcome;
        });
      }, patch),
  };
}

const INVALID_DATE: ValidationIssue = { path: [], message: "must be a valid Date: an invalid Date has no time to store" };

function isInvalidDate(value: unknown): boolean {
  return value instanceof Date && Number.isNaN(value.getTime());
}

function invalidDates(row: Readonly<Record<string, unknown>>, dateFields: ReadonlySet<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of dateFields) if (isInvalidDate(row[name])) issues.push({ ...INVALID_DATE, path: [name] });
  return issues;
}

function check(validator: Validator, value: unknown): Outcome {
  if (validator.Check(value)) return { ok: true, value };
  const errors = validator.Errors(value);
  return { ok: false, issues: errors.map(toIssue), libraryIssues: errors };
}

function toIssue(error: TLocalizedValidationError): ValidationIssue {
  return { path: pointerPath(error.instancePath), message: error.message };
}

/** A JSON Pointer (`/address/street`) as path segments, with `~1` and `~0` unescaped. */
function pointerPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}
