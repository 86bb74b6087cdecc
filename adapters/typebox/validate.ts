import type { TLocalizedValidationError } from "typebox/error";
import type { Validator } from "typebox/compile";
import type { ValidationIssue, SchemaDescription } from "../../src/kit/adapter.js";
import { lazyBuild, lazyImport } from "../shared/lazy-import.js";
import { whenAllReady } from "../shared/maybe-async.js";
import { asValidated, type Outcome } from "../shared/outcome.js";
import { unknownKeyIssues } from "../shared/unknown-keys.js";
import { validateFields } from "../shared/validate-fields.js";
import { holdsThis, type TypeBoxNode } from "./schema-node.js";
import { storedValue, type Check } from "./stored-value.js";

const UNKNOWN_KEY_ADVICE =
  "Type.Object lets properties it does not declare through; declare it, leave it out, or give the object { additionalProperties: false } to have TypeBox refuse such properties";

// Loaded on the first validation, so that `ommi` can be imported without TypeBox installed.
const loadCompiler = lazyImport("typebox", () => import("typebox/compile"));

/** TypeBox's compiled validator for a schema, built once, the first time it is needed. */
function compiled(schema: TypeBoxNode): () => Validator | Promise<Validator> {
  return lazyBuild(loadCompiler, ({ Compile }) => Compile(schema));
}

/**
 * The validator for one property of `model` on its own, for update patches. `Type.This()` is the
 * whole schema being checked: inside a property compiled alone it would be that property, so a
 * property that holds it is checked where it stands, through a reference into the whole model.
 */
function compiledProperty(model: TypeBoxNode, name: string, property: TypeBoxNode): () => Validator | Promise<Validator> {
  if (!holdsThis(property)) return compiled(property);
  const id = typeof model.$id === "string" ? model.$id : "ommi:model";
  const pointer = `${id}#/properties/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
  return compiled({ $defs: { model: { ...model, $id: id } }, $ref: pointer } as TypeBoxNode);
}

/** Checks a value against any part of a schema, compiling each part once; TypeBox's compiler is loaded by then. */
function checker({ Compile }: { Compile: (schema: TypeBoxNode) => Validator }): Check {
  const validators = new WeakMap<TypeBoxNode, Validator>();
  return (schema, value) => {
    let validator = validators.get(schema);
    if (!validator) validators.set(schema, (validator = Compile(schema)));
    return validator.Check(value);
  };
}

/**
 * Validation through TypeBox's own compiler. TypeBox checks values without changing them (it
 * applies no defaults), so what is stored is the input's declared fields, each a plain copy of
 * what TypeBox accepted (see storedValue). A `Type.Object` lets properties it does not declare
 * through, as JSON Schema does, and there is no column for them: one that holds a value is
 * refused, never dropped in silence; so is one inside a field's value.
 */
export function typeBoxValidation(
  schema: TypeBoxNode,
  properties: Readonly<Record<string, TypeBoxNode>>,
): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const fieldNames = Object.keys(properties);
  const whole = compiled(schema);
  const byField = new Map(Object.entries(properties).map(([name, property]) => [name, compiledProperty(schema, name, property)]));
  const check = lazyBuild(loadCompiler, checker);
  // With additionalProperties: false, TypeBox refuses them itself.
  const unknownKeys = schema.additionalProperties === false ? undefined : { fields: new Set(fieldNames), advice: UNKNOWN_KEY_ADVICE };
  return {
    validate: (input) =>
      whenAllReady([whole(), check()] as const, ([validator, checkPart]) => {
        const outcome = validate(validator as Validator, input);
        if (!outcome.ok) return asValidated(outcome);
        const issues = unknownKeys ? unknownKeyIssues(input as object, unknownKeys) : [];
        const row = input as Record<string, unknown>;
        const value: Record<string, unknown> = {};
        for (const name of fieldNames) {
          const field = row[name];
          if (field !== undefined) value[name] = storedValue(properties[name] as TypeBoxNode, field, [name], issues, checkPart as Check);
        }
        return issues.length ? { ok: false, issues, libraryIssues: [] } : { ok: true, value };
      }),
    validatePatch: (patch) =>
      validateFields((name, value) => {
        const field = byField.get(name);
        if (!field) return { ok: true, value };
        return whenAllReady([field(), check()] as const, ([validator, checkPart]) => {
          const outcome = validate(validator as Validator, value);
          if (!outcome.ok) return outcome;
          const issues: ValidationIssue[] = [];
          const stored = storedValue(properties[name] as TypeBoxNode, value, [], issues, checkPart as Check);
          return issues.length ? { ok: false, issues, libraryIssues: [] } : { ok: true, value: stored };
        });
      }, patch),
  };
}

function validate(validator: Validator, value: unknown): Outcome {
  if (validator.Check(value)) return { ok: true, value };
  const errors = validator.Errors(value);
  return { ok: false, issues: errors.map((error) => toIssue(error, value)), libraryIssues: errors };
}

function toIssue(error: TLocalizedValidationError, value: unknown): ValidationIssue {
  return { path: pointerPath(error.instancePath, value), message: error.message };
}

/**
 * A JSON Pointer (`/address/street`) as path segments, with `~1` and `~0` unescaped; a position
 * in an array of `value` is a number, as other libraries report it.
 */
function pointerPath(pointer: string, value: unknown): PropertyKey[] {
  if (pointer === "") return [];
  let at = value;
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => {
      const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
      const inArray = Array.isArray(at);
      at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
      return inArray ? Number(key) : key;
    });
}
