import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { SchemaDescription, SchemaField, Validated, ValidationIssue } from "../../src/kit/adapter.js";
import { whenReady } from "./maybe-async.js";
import { asValidated, type Outcome } from "./outcome.js";
import { pickFields } from "./pick-fields.js";
import { unknownKeyIssues } from "./unknown-keys.js";
import { validateFields } from "./validate-fields.js";

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
 * values validated through `~standard`. An object that drops keys it does not declare (`z.object`,
 * `v.object`) or refuses them (`z.strictObject`) has the library's output stored as it is. A loose
 * object lets them through, and there is no column for them: a key of the output that holds a
 * value but is not a field is refused (never dropped in silence), and `looseAdvice` says what to do.
 */
export function describeStandardObject<F extends StandardSchemaV1>(
  schema: StandardSchemaV1,
  properties: Readonly<Record<string, F>>,
  readField: (fieldName: string, field: F) => SchemaField,
  /** Set when the object lets keys it does not declare through (a loose object): how to drop or refuse them. */
  looseAdvice: string | undefined,
): SchemaDescription {
  const fieldSchemas = new Map(Object.entries(properties));
  const fieldNames = [...fieldSchemas.keys()];
  const unknownKeys = { fields: new Set(fieldNames), advice: looseAdvice ?? "" };
  // Copying every row costs a bulk insert noticeably: only outputs that may carry extra keys get it.
  const declaredOnly = (validated: Validated): Validated => {
    if (!validated.ok) return validated;
    const issues = unknownKeyIssues(validated.value, unknownKeys);
    return issues.length ? { ok: false, issues, libraryIssues: [] } : { ok: true, value: pickFields(fieldNames, validated.value) };
  };
  return {
    fields: [...fieldSchemas].map(([fieldName, field]) => readField(fieldName, field)),
    validate: looseAdvice === undefined ? (input) => validateStandard(schema, input) : (input) => whenReady(validateStandard(schema, input), declaredOnly),
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
