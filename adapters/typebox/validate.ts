import type { TLocalizedValidationError } from "typebox/error";
import type { Validator } from "typebox/compile";
import type { ValidationIssue } from "../../src/errors.js";
import type { SchemaDescription } from "../../src/model/adapter.js";
import { lazyBuild, lazyImport } from "../shared/lazy-import.js";
import { whenReady } from "../shared/maybe-async.js";
import { asValidated, type Outcome } from "../shared/outcome.js";
import { pickFields } from "../shared/pick-fields.js";
import { validateFields } from "../shared/validate-fields.js";
import type { TypeBoxNode } from "./read-field.js";

// Loaded on the first validation, so that `ommi` can be imported without TypeBox installed.
const loadCompiler = lazyImport("typebox", () => import("typebox/compile"));

/** TypeBox's compiled validator for a schema, built once, the first time it is needed. */
function compiled(schema: TypeBoxNode): () => Validator | Promise<Validator> {
  return lazyBuild(loadCompiler, ({ Compile }) => Compile(schema));
}

/**
 * Validation through TypeBox's own compiler. TypeBox checks values without changing them, so what
 * is stored is the input's declared fields; properties TypeBox lets through are not stored.
 */
export function typeBoxValidation(
  schema: TypeBoxNode,
  properties: Readonly<Record<string, TypeBoxNode>>,
): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const fieldNames = Object.keys(properties);
  const whole = compiled(schema);
  const byField = new Map(Object.entries(properties).map(([name, property]) => [name, compiled(property)]));
  return {
    validate: (input) =>
      whenReady(whole(), (validator) => {
        const outcome = check(validator, input);
        return asValidated(outcome.ok ? { ok: true, value: pickFields(fieldNames, input as object) } : outcome);
      }),
    validatePatch: (patch) =>
      validateFields((name, value) => {
        const field = byField.get(name);
        return field ? whenReady(field(), (validator) => check(validator, value)) : { ok: true, value };
      }, patch),
  };
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
