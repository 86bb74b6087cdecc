import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationIssue } from "../src/errors.js";
import type { Validated } from "../src/model/adapter.js";

/** True for any schema that implements the Standard Schema interface (Zod, Valibot, ArkType, ...). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return (typeof value === "object" || typeof value === "function") && value !== null && "~standard" in value;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly ValidationIssue[]; readonly libraryIssues: readonly unknown[] };

/** Validates through the library's own Standard Schema `validate`: synchronous when the library is. */
function check(schema: StandardSchemaV1, input: unknown): Outcome | Promise<Outcome> {
  const result = schema["~standard"].validate(input);
  return result instanceof Promise ? result.then(toOutcome) : toOutcome(result);
}

/** Validates a whole value; the library's output (defaults applied, unknown keys dropped) is what gets stored. */
export function validateStandard(schema: StandardSchemaV1, input: unknown): Validated | Promise<Validated> {
  const outcome = check(schema, input);
  return outcome instanceof Promise ? outcome.then(asValidated) : asValidated(outcome);
}

/** Validates each field of an update patch by that field's own schema, so partial values can be checked. */
export function validateFieldsStandard(
  fieldSchemas: ReadonlyMap<string, StandardSchemaV1>,
  patch: Record<string, unknown>,
): Validated | Promise<Validated> {
  const names = Object.keys(patch);
  const outcomes = names.map((name) => {
    const schema = fieldSchemas.get(name);
    return schema ? check(schema, patch[name]) : { ok: true as const, value: patch[name] };
  });
  const combine = (settled: readonly Outcome[]): Validated => {
    const issues: ValidationIssue[] = [];
    const libraryIssues: unknown[] = [];
    const value: Record<string, unknown> = {};
    settled.forEach((outcome, index) => {
      const name = names[index] as string;
      if (outcome.ok) value[name] = outcome.value;
      else {
        issues.push(...outcome.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })));
        libraryIssues.push(...outcome.libraryIssues);
      }
    });
    return issues.length ? { ok: false, issues, libraryIssues } : { ok: true, value };
  };
  return outcomes.some((outcome) => outcome instanceof Promise) ? Promise.all(outcomes).then(combine) : combine(outcomes as Outcome[]);
}

function asValidated(outcome: Outcome): Validated {
  return outcome.ok ? { ok: true, value: outcome.value as Record<string, unknown> } : outcome;
}

function toOutcome(result: StandardSchemaV1.Result<unknown>): Outcome {
  if (!result.issues) return { ok: true, value: result.value };
  return { ok: false, issues: result.issues.map(toIssue), libraryIssues: result.issues };
}

function toIssue(issue: StandardSchemaV1.Issue): ValidationIssue {
  const path = (issue.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment));
  return { path, message: issue.message };
}
