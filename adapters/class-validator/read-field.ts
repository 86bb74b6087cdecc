import type { FieldType, SchemaField, ModelClass } from "../../src/kit/adapter.js";
import { readField, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { isGetterOnly } from "./class-chain.js";
import type { ValidationRule } from "./rules.js";
import { typeEvidence, type TypeEvidence } from "./type-evidence.js";

export const TEXT = "@IsString()";
export const TYPE_DECORATORS = "@IsString(), @IsInt(), @IsNumber(), @IsBoolean(), @IsDate(), @IsEnum(...) or @IsIn([...])";
// What the `design:type` metadata TypeScript emits (with emitDecoratorMetadata) says, when decorators say nothing.
const DESIGN_TYPES = new Map<unknown, FieldType>([[String, "string"], [Number, "float"], [Boolean, "boolean"], [Date, "date"], [BigInt, "bigint"]]);

/**
 * Reads one property of a class from its class-validator decorators, falling back to `design:type`
 * (which esbuild-based tools such as vitest and tsx do not emit).
 */
export function readClassField(modelName: string, cls: ModelClass, name: string, rules: readonly ValidationRule[]): SchemaField {
  return readField(modelName, name, (fail) => {
    if (isGetterOnly(cls, name)) {
      throw fail("a getter without a setter cannot be stored: each row read back is set on an instance of the class; give it a setter, or make it a plain property");
    }
    const evidence = rules.map((rule) => storableEvidence(rule, fail));
    const reading = readingFromRules(rules, evidence, fail) ?? readingFromDesignType(cls, name, fail);
    // IsOptional and ValidateIf let a missing or a null value through, and Ommi stores both as absent: the
    // field is optional, never nullable, like a `field?: T` property, and an optional key can still be Auto.
    return { ...reading, optional: rules.some((rule) => rule.type === "conditionalValidation") };
  });
}

/** Whether class-validator checks the property's type: some decorator says what it is (else the type came from `design:type`). */
export function typedByDecorators(rules: readonly ValidationRule[]): boolean {
  return rules.some((rule) => typeEvidence(rule.name ?? "") !== undefined || allowedValues(rule) !== undefined);
}

type StorableEvidence = Exclude<TypeEvidence, "array" | "object">;

/** What one rule says about the stored type; a rule for values no column can hold is a `ModelError`. */
function storableEvidence(rule: ValidationRule, fail: Fail): StorableEvidence | undefined {
  const evidence = typeEvidence(rule.name ?? "");
  if (rule.type === "nestedValidation" || evidence === "object") throw fail(problems.nestedObject(TEXT));
  if (rule.each || evidence === "array") throw fail(problems.collection("array", TEXT));
  if (rule.type === "promiseValidation") throw fail("a promise cannot be stored; await it before storing the value");
  return evidence;
}

/** The type the decorators agree on, with the allowed values of IsEnum, IsIn and Equals; `undefined` when they say nothing. */
function readingFromRules(rules: readonly ValidationRule[], evidence: readonly (StorableEvidence | undefined)[], fail: Fail): FieldReading | undefined {
  const valueLists = rules.map(allowedValues).filter((values) => values !== undefined);
  const values = valueLists.length ? valueLists.reduce((kept, list) => kept.filter((value) => list.includes(value))) : undefined;
  const fromValues = values ? readLiterals(values, fail) : undefined;
  const types = new Set([...evidence, fromValues?.type].filter((type) => type !== undefined));
  const type = agreedType(types, fail);
  if (!type) return undefined;
  return fromValues ? { ...fromValues, type } : scalar(type);
}

function allowedValues(rule: ValidationRule): unknown[] | undefined {
  const constraints = rule.constraints ?? [];
  // IsEnum keeps the enum object, then its values without a numeric enum's reverse mappings.
  if (rule.name === "isEnum") return constraints[1] as unknown[];
  if (rule.name === "isIn") return [...(constraints[0] as unknown[])];
  if (rule.name === "equals") return [constraints[0]];
  return undefined;
}

/** One type from what several decorators say: IsInt makes a number an integer; a string and a number are a contradiction. */
function agreedType(evidence: ReadonlySet<StorableEvidence>, fail: Fail): FieldType | undefined {
  const types = new Set(evidence);
  if (types.has("integer")) types.delete("float");
  if (types.has("integer") || types.has("float")) types.delete("number");
  if (types.size > 1) throw fail(`its decorators disagree about its type (${[...types].join(", ")}); keep the ones for one type`);
  const [type] = types;
  return type === "number" ? "float" : type;
}

function readingFromDesignType(cls: ModelClass, name: string, fail: Fail): FieldReading {
  const designType = designTypeOf(cls, name);
  const type = DESIGN_TYPES.get(designType);
  if (type) return scalar(type);
  if (designType === Array) throw fail(problems.collection("array", TEXT));
  if (typeof designType === "function" && designType !== Object) throw fail(problems.nestedObject(TEXT));
  throw fail(`no decorator says what type it holds; add one of ${TYPE_DECORATORS}`);
}

/** TypeScript's `design:type` metadata, read through reflect-metadata when the application has loaded it. */
function designTypeOf(cls: ModelClass, name: string): unknown {
  const reflect = Reflect as unknown as { getMetadata?: (key: string, target: object, property: string) => unknown };
  return reflect.getMetadata?.("design:type", cls.prototype as object, name);
}
