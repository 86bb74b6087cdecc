import type { ValidationError as ClassValidatorError, ValidatorOptions } from "class-validator";
import type { SchemaDescription, Validated, ValidationIssue } from "../../src/kit/adapter.js";
import { lazyImport } from "../shared/lazy-import.js";
import { pickFields } from "../shared/pick-fields.js";
import { unknownKeyIssues } from "../shared/unknown-keys.js";
import type { ClassShape } from "./class-shape.js";
import { toInstance } from "./instance.js";
import { isStored, nestInstances, pathKey, storedRecord, storedValue, topTypeIssues } from "./nested-values.js";

// Loaded on the first validation, so that `ommi` can be imported without class-validator installed.
const loadClassValidator = lazyImport("class-validator", () => import("class-validator"));

// A class whose fields carry only Ommi markers has no class-validator metadata, which is not an error here.
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false };

const UNKNOWN_KEY_ADVICE = "give it a class-validator decorator (@IsString(), @IsInt(), ...) to store it, or leave it out";

/**
 * Validation through class-validator's `validate`. Input may be a plain object or an instance of
 * the class; class-validator checks an instance Ommi builds of its declared fields, with each
 * `@ValidateNested()` value an instance of its class too (see nestInstances). What is stored is a
 * plain record of the declared fields, null or missing ones left out, nested values plain objects.
 * Ommi checks the top of each value class-validator lets through unchecked (see PropertyShape.check).
 * Any other property of the input that holds a value is refused, never dropped: an undecorated
 * property is invisible to Ommi (and to class-validator unless `whitelist` is on), so its value
 * would be lost. Only properties `@Exclude()`d from input (not data by their author's word) are left out.
 */
export function classValidation(shape: ClassShape): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const { cls, fieldNames, notData } = shape;
  const unknownKeys = { fields: new Set(fieldNames), advice: UNKNOWN_KEY_ADVICE, holdsValue: isStored, notData };
  return {
    validate(input) {
      if (typeof input !== "object" || input === null) {
        return { ok: false, issues: [{ path: [], message: `expected an object or an instance of ${cls.name}` }], libraryIssues: [] };
      }
      // class-validator's own whitelist would flag fields that carry only Ommi markers, and seeing the
      // input's other keys it would need them copied onto an instance (a getter there throws): Ommi checks them itself.
      const strays = unknownKeyIssues(input, unknownKeys);
      const instance = toInstance(cls, pickFields(fieldNames, input)) as Record<string, unknown>;
      nestInstances(shape, instance, [], strays, new Set([input]));
      return validateInstance(instance).then((errors) => outcome(errors, shape, instance, storedRecord(shape, instance), strays));
    },
    // The patch's fields are set on an otherwise empty instance; the rules of the fields it leaves out
    // are not its business. (`skipMissingProperties` would also skip a null that a field must reject.)
    validatePatch(patch) {
      const strays: ValidationIssue[] = [];
      const instance = toInstance(cls, { ...patch }) as Record<string, unknown>;
      nestInstances(shape, instance, [], strays, new Set([patch]));
      const value = Object.fromEntries(Object.keys(patch).map((name) => [name, storedValue(shape.properties.get(name)?.nested?.(), instance[name])]));
      return validateInstance(instance).then((errors) => outcome(errors.filter((error) => error.property in patch), shape, instance, value, strays, Object.keys(patch)));
    },
  };
}

async function validateInstance(instance: object): Promise<ClassValidatorError[]> {
  const { validate } = await loadClassValidator();
  return validate(instance, OPTIONS);
}

function outcome(
  errors: readonly ClassValidatorError[],
  shape: ClassShape,
  instance: Record<string, unknown>,
  value: Record<string, unknown>,
  strays: readonly ValidationIssue[],
  names?: readonly string[],
): Validated {
  const reported = errors.flatMap((error) => toIssues(error, [], false));
  const reportedPaths = new Set(reported.map((issue) => pathKey(issue.path)).concat(errors.flatMap((error) => errorPaths(error, [], false))));
  const issues = [...reported, ...topTypeIssues(shape, instance, [], reportedPaths, names), ...strays];
  return issues.length ? { ok: false, issues, libraryIssues: errors } : { ok: true, value };
}

/** A property's place in a path: a position in an array is a number, as other libraries report it. */
function segment(error: ClassValidatorError, inArray: boolean): PropertyKey {
  return inArray ? Number(error.property) : error.property;
}

/** One issue per failed constraint, with class-validator's own message, at the property's whole path. */
function toIssues(error: ClassValidatorError, parentPath: readonly PropertyKey[], inArray: boolean): ValidationIssue[] {
  const path = [...parentPath, segment(error, inArray)];
  const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => toIssues(child, path, Array.isArray(error.value)))];
}

/** The path of each property class-validator reported on, or inside of. */
function errorPaths(error: ClassValidatorError, parentPath: readonly PropertyKey[], inArray: boolean): string[] {
  const path = [...parentPath, segment(error, inArray)];
  return [pathKey(path), ...(error.children ?? []).flatMap((child) => errorPaths(child, path, Array.isArray(error.value)))];
}
