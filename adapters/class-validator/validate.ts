import type { ValidationError as ClassValidatorError, ValidatorOptions } from "class-validator";
import type { ValidationIssue } from "../../src/errors.js";
import type { SchemaDescription, Validated } from "../../src/model/adapter.js";
import type { SchemaField } from "../../src/model/field.js";
import type { ModelClass } from "../../src/model/schema-types.js";
import { lazyImport } from "../shared/lazy-import.js";
import { pickFields } from "../shared/pick-fields.js";
import { designTypeIssues } from "./design-type.js";
import { toInstance } from "./instance.js";

// Loaded on the first validation, so that `ommi` can be imported without class-validator installed.
const loadClassValidator = lazyImport("class-validator", () => import("class-validator"));

// A class whose fields carry only Ommi markers has no class-validator metadata, which is not an error here.
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false };

/**
 * Validation through class-validator's `validate`. Input may be a plain object or an instance of
 * the class; what is stored is a plain record of the declared fields, null or missing ones left out.
 * `designTyped` are the fields whose type no decorator checks: Ommi checks it.
 */
export function classValidation(
  cls: ModelClass,
  fieldNames: readonly string[],
  designTyped: readonly SchemaField[],
): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const isStored = (value: unknown) => value !== undefined && value !== null;
  return {
    validate(input) {
      if (typeof input !== "object" || input === null) {
        return { ok: false, issues: [{ path: [], message: `expected an object or an instance of ${cls.name}` }], libraryIssues: [] };
      }
      const instance = input instanceof cls ? input : toInstance(cls, pickFields(fieldNames, input));
      return validateInstance(instance).then((errors) => outcome(errors, pickFields(fieldNames, instance, isStored), designTyped));
    },
    // The patch's fields are set on an otherwise empty instance; the rules of the fields it leaves out
    // are not its business. (`skipMissingProperties` would also skip a null that a field must reject.)
    validatePatch(patch) {
      return validateInstance(toInstance(cls, patch)).then((errors) => outcome(errors.filter((error) => error.property in patch), patch, designTyped));
    },
  };
}

async function validateInstance(instance: object): Promise<ClassValidatorError[]> {
  const { validate } = await loadClassValidator();
  return validate(instance, OPTIONS);
}

function outcome(errors: readonly ClassValidatorError[], value: Record<string, unknown>, designTyped: readonly SchemaField[]): Validated {
  const issues = [...errors.flatMap((error) => toIssues(error, [])), ...designTypeIssues(designTyped, value)];
  return issues.length ? { ok: false, issues, libraryIssues: errors } : { ok: true, value };
}

/** One issue per failed constraint, with class-validator's own message. */
function toIssues(error: ClassValidatorError, parentPath: readonly PropertyKey[]): ValidationIssue[] {
  const path = [...parentPath, error.property];
  const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => toIssues(child, path))];
}
