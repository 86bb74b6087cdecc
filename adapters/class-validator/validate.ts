import type { ValidationError as ClassValidatorError, ValidatorOptions } from "class-validator";
import type {
  ModelClass, SchemaDescription, SchemaField, Validated, ValidationIssue,
} from "../../src/kit/adapter.js";
import { lazyImport } from "../shared/lazy-import.js";
import { pickFields } from "../shared/pick-fields.js";
import { unknownKeyIssues } from "../shared/unknown-keys.js";
import { designTypeIssues } from "./design-type.js";
import { toInstance } from "./instance.js";

// Loaded on the first validation, so that `ommi` can be imported without class-validator installed.
const loadClassValidator = lazyImport("class-validator", () => import("class-validator"));

// A class whose fields carry only Ommi markers has no class-validator metadata, which is not an error here.
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false };

const UNKNOWN_KEY_ADVICE = "give it a class-validator decorator (@IsString(), @IsInt(), ...) to store it, or leave it out";

/**
 * Validation through class-validator's `validate`. Input may be a plain object or an instance of
 * the class; what is stored is a plain record of the declared fields, null or missing ones left out.
 * `designTyped` are the fields whose type no decorator checks: Ommi checks it. Any other property
 * of the input that holds a value is refused, never dropped: an undecorated property is invisible
 * to Ommi (and to class-validator unless `whitelist` is on), so its value would be lost. Only
 * `notData` (properties `@Exclude()`d from input, not data by their author's word) are left out.
 */
export function classValidation(
  cls: ModelClass,
  fieldNames: readonly string[],
  designTyped: readonly SchemaField[],
  notData: ReadonlySet<string>,
): Pick<SchemaDescription, "validate" | "validatePatch"> {
  const isStored = (value: unknown) => value !== undefined && value !== null;
  const unknownKeys = { fields: new Set(fieldNames), advice: UNKNOWN_KEY_ADVICE, holdsValue: isStored, notData };
  return {
    validate(input) {
      if (typeof input !== "object" || input === null) {
        return { ok: false, issues: [{ path: [], message: `expected an object or an instance of ${cls.name}` }], libraryIssues: [] };
      }
      // class-validator's own whitelist would flag fields that carry only Ommi markers, and seeing the
      // input's other keys it would need them copied onto an instance (a getter there throws): Ommi checks them itself.
      const strays = unknownKeyIssues(input, unknownKeys);
      const instance = input instanceof cls ? input : toInstance(cls, pickFields(fieldNames, input));
      return validateInstance(instance).then((errors) => outcome(errors, pickFields(fieldNames, instance, isStored), designTyped, strays));
    },
    // The patch's fields are set on an otherwise empty instance; the rules of the fields it leaves out
    // are not its business. (`skipMissingProperties` would also skip a null that a field must reject.)
    validatePatch(patch) {
      return validateInstance(toInstance(cls, patch)).then((errors) => outcome(errors.filter((error) => error.property in patch), patch, designTyped, []));
    },
  };
}

async function validateInstance(instance: object): Promise<ClassValidatorError[]> {
  const { validate } = await loadClassValidator();
  return validate(instance, OPTIONS);
}

function outcome(
  errors: readonly ClassValidatorError[],
  value: Record<string, unknown>,
  designTyped: readonly SchemaField[],
  strays: readonly ValidationIssue[],
): Validated {
  const issues = [...errors.flatMap((error) => toIssues(error, [])), ...designTypeIssues(designTyped, value), ...strays];
  return issues.length ? { ok: false, issues, libraryIssues: errors } : { ok: true, value };
}

/** One issue per failed constraint, with class-validator's own message. */
function toIssues(error: ClassValidatorError, parentPath: readonly PropertyKey[]): ValidationIssue[] {
  const path = [...parentPath, error.property];
  const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => toIssues(child, path))];
}
