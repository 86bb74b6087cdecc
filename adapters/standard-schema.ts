import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationIssue } from "../src/errors.js";
import type { SchemaDescription, Validated } from "../src/model/adapter.js";
import type { SchemaField } from "../src/model/field.js";
import { whenReady } from "./shared/maybe-async.js";
import { asValidated, type Outcome } from "./shared/outcome.js";
import { pickFields } from "./shared/pick-fields.js";
import { validateFields } from "./shared/validate-fields.js";

/** True for any schema that implements the Standard Schema interface (Zod, Valibot, ArkType, ...). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return (typeof value === "object" || typeof value === "function") && value !== null && "~standard" in value;
}

/** Validates through the library's own Standard Schema `validate`: synchronous when the library is. */
function check(schema: StandardSchemaV1, input: unknown): Outcome | Promise<Outcome> {
  return whenReady(schema["~standard"].validate(input), toOutcome);
}

/** Validates a whole value; the library's output (defaults applied, unknown keys dropped) is what gets stored. */
export function validateStandard(schema: StandardSchemaV1, input: unknown): Validated | Promise<Validated> {
  return whenReady(check(schema, input), asValidated);
}

/** Validates each field of an update patch by that field's own schema, so partial values can be checked. */
export function validateFieldsStandard(
  fieldSchemas: ReadonlyMap<string, StandardSchemaV1>,
  patch: Record<string, unknown>,
): Validated | Promise<Validated> {
  return validateFields((name, value) => {
    const schema = fieldSchemas.get(name);
    return schema ? check(schema, value) : { ok: true, value };
  }, patch);
}

/**
 * Describes the object schema of a Standard Schema library: each property read by `readField`,
 * values validated through `~standard`. Of the library's output, only declared fields are kept:
 * a loose object passes unknown keys through, and they must not come back from `add` as if stored.
 */
export function describeStandardObject<F extends StandardSchemaV1>(
  schema: StandardSchemaV1,
  properties: Readonly<Record<string, F>>,
  readField: (fieldName: string, field: F) => SchemaField,
  /** The object lets keys it does not declare through (a loose object); others drop or refuse them. */
  passesUnknownKeys: boolean,
): SchemaDescription {
  const fieldSchemas = new Map(Object.entries(properties));
  const fieldNames = [...fieldSchemas.keys()];
  // Copying every row costs a bulk insert noticeably: only outputs that may carry extra keys get it.
  const declaredOnly = (validated: Validated): Validated => (validated.ok ? { ok: true, value: pickFields(fieldNames, validated.value) } : validated);
  return {
    fields: [...fieldSchemas].map(([fieldName, field]) => readField(fieldName, field)),
    validate: passesUnknownKeys ? (input) => whenReady(validateStandard(schema, input), declaredOnly) : (input) => validateStandard(schema, input),
    validatePatch: (patch) => validateFieldsStandard(fieldSchemas, patch),
  };
}

function toOutcome(result: StandardSchemaV1.Result<unknown>): Outcome {
  if (!result.issues) return { ok: true, value: result.value };
  return { ok: false, issues: result.issues.map(toIssue), libraryIssues: result.issues };
}

function toIssue(issue: StandardSchemaV1.Issue): ValidationIssue {
  const path = (issue.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment));
  return { path, message: issue.message };
}
