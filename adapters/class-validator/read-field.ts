import { ModelError, type FieldType, type ModelClass, type ScalarType, type SchemaField } from "../../src/kit/adapter.js";
import { collectionOf, objectOf, readField, readNestedFields, scalar, type Fail, type FieldReading } from "../shared/field-reading.js";
import { readLiterals } from "../shared/literals.js";
import { problems } from "../shared/problems.js";
import { ARRAY_DECORATORS, STRUCTURED_DECORATORS, TYPE_DECORATORS } from "./advice.js";
import { isGetterOnly } from "./class-chain.js";
import { ClassPath } from "./class-path.js";
import { validationRules, type ValidationRule } from "./rules.js";
import { transformerProperties } from "./transformer-metadata.js";
import { transformerOnlyProblems } from "./transformer-only.js";
import { typeEvidence, type TypeEvidence } from "./type-evidence.js";


const NESTED = "nestedValidation";
const CONDITIONAL = "conditionalValidation";

const BufferClass = (globalThis as { Buffer?: unknown }).Buffer;
// What the `design:type` metadata TypeScript emits (with emitDecoratorMetadata) says, when decorators say nothing.
const DESIGN_TYPES = new Map<unknown, FieldType>([[String, "string"], [Number, "float"], [Boolean, "boolean"], [Date, "date"], [BigInt, "bigint"], [Uint8Array, "binary"], [BufferClass, "binary"]]);
// What `@IsInstance(X)` says, for the classes Ommi stores.
const INSTANCE_TYPES = new Map<unknown, ScalarType | "binary">([[Date, "date"], [Uint8Array, "binary"], [BufferClass, "binary"]]);

/** Any JSON value, null included: what `@IsArray()` takes for items and `@IsObject()` for values, when nothing says more. */
const ANY_JSON: FieldReading = { ...scalar("json"), nullable: true };

/** What one decorator says about a value: what a type decorator says, with `@IsInstance` of a stored class read as that type. */
type Evidence = TypeEvidence | "binary";

/**
 * Reads one property of a class from its class-validator decorators (and class-transformer's
 * `@Type` for nested classes), falling back to `design:type` (which esbuild-based tools such as
 * vitest and tsx do not emit).
 */
export function readClassField(modelName: string, cls: ModelClass, name: string, rules: readonly ValidationRule[]): SchemaField {
  return readField(modelName, name, (fail) => readProperty(cls, name, rules, new ClassPath(name), fail));
}

/** A property that only class-transformer describes: a field that is refused with `problem`, unless a Stored marker names its type. */
export function refusedField(modelName: string, name: string, problem: string): SchemaField {
  return readField(modelName, name, (fail) => {
    throw fail(problem);
  });
}

/** What a property holds at its top, without reading nested classes; undefined when it cannot be read. */
export function topTypeOf(cls: ModelClass, name: string, rules: readonly ValidationRule[]): FieldType | undefined {
  try {
    return readProperty(cls, name, rules, new ClassPath(name, true), (problem) => new ModelError(problem)).type;
  } catch (error) {
    if (error instanceof ModelError) return undefined;
    throw error;
  }
}

/** Whether class-validator checks the property's type: some decorator says what it is (else the type came from `design:type`). */
export function typedByDecorators(rules: readonly ValidationRule[]): boolean {
  return rules.some((rule) => (!rule.each && ruleEvidence(rule) !== undefined) || (!rule.each && allowedValues(rule) !== undefined));
}

/**
 * The class whose instances a `@ValidateNested()` property holds: class-transformer's `@Type`
 * says it (and makes class-transformer build it from plain input), else `@IsInstance(X)`, else
 * TypeScript's `design:type`.
 */
export function heldClass(cls: ModelClass, name: string, rules: readonly ValidationRule[]): unknown {
  const typed = transformerProperties(cls).get(name)?.heldType;
  if (isUserClass(typed)) return typed;
  const instance = rules.find((rule) => rule.name === "isInstance")?.constraints?.[0];
  if (isUserClass(instance)) return instance;
  const design = designTypeOf(cls, name);
  return isUserClass(design) ? design : undefined;
}

/** A class of the user's own, not one of JavaScript's (`Object`, `Array`, `Date`, ...). */
function isUserClass(value: unknown): value is ModelClass {
  return typeof value === "function" && !DESIGN_TYPES.has(value) && ![Object, Array, Set, Map, Promise, Function].includes(value as never);
}

/** Whether the property holds a class's instances that class-validator checks, one or an array of them. */
export function isNested(rules: readonly ValidationRule[]): boolean {
  return rules.some((rule) => rule.type === NESTED);
}

function readProperty(owner: ModelClass, name: string, rules: readonly ValidationRule[], path: ClassPath, fail: Fail): FieldReading {
  if (isGetterOnly(owner, name)) {
    throw fail("a getter without a setter cannot be stored: each row read back is set on an instance of the class; give it a setter, or make it a plain property");
  }
  // IsOptional and ValidateIf let a missing or a null value through, and Ommi stores both as absent: the
  // property is optional, never nullable, like a `field?: T` property, and an optional key can still be Auto.
  return { ...readType(owner, name, rules, path, fail), optional: rules.some((rule) => rule.type === CONDITIONAL) };
}

function readType(owner: ModelClass, name: string, rules: readonly ValidationRule[], path: ClassPath, fail: Fail): FieldReading {
  if (rules.some((rule) => rule.type === "promiseValidation")) throw fail("a promise cannot be stored; await it before storing the value");
  const design = designTypeOf(owner, name);
  if (design === Set || design === Map) {
    throw fail(problems.noJsonForm(design === Set ? "a Set" : "a Map", design === Set ? "make it an array (@IsArray())" : "make it a plain object (@IsObject()), or a class of its own (@ValidateNested())"));
  }
  const nested = rules.find((rule) => rule.type === NESTED);
  const itemRules = rules.filter((rule) => rule.each === true && rule.type !== NESTED && rule.type !== CONDITIONAL);
  const wholeRules = rules.filter((rule) => rule.each !== true && rule.type !== NESTED);
  const whole = new Set(wholeRules.map(ruleEvidence).filter((evidence) => evidence !== undefined));
  // An `each: true` rule checks items; class-validator also applies it to a lone value, which Ommi refuses (see class-shape.ts).
  if (whole.has("array") || itemRules.length > 0 || nested?.each === true) {
    whole.delete("array");
    if (whole.size > 0) throw fail(disagreement(["array", ...whole]));
    const item = path.inside(() => (nested ? readNestedClass(heldClass(owner, name, rules), path, fail) : (readingFromRules(itemRules, path, fail) ?? ANY_JSON)));
    return collectionOf("array", item, fail);
  }
  if (design === Array) throw fail(`TypeScript says it is an array, but no decorator says so or what its items are, so class-validator checks nothing; add ${ARRAY_DECORATORS}`);
  if (nested) {
    whole.delete("object");
    whole.delete("instance");
    if (whole.size > 0) throw fail(disagreement(["object", ...whole]));
    return readNestedClass(heldClass(owner, name, rules), path, fail);
  }
  return readingFromRules(wholeRules, path, fail) ?? readingFromDesignType(owner, name, design, path, fail);
}

/** The object a `@ValidateNested()` class describes: its own decorated properties, read the way a model's are. */
function readNestedClass(cls: unknown, path: ClassPath, fail: Fail): FieldReading {
  if (!isUserClass(cls)) {
    throw fail("@ValidateNested() needs the class of the value it checks; add class-transformer's @Type(() => TheClass), which also makes class-transformer build it from plain input");
  }
  if (path.shallow) return objectOf([]);
  return path.enter(
    cls,
    () => {
      const rules = validationRules(cls);
      if (rules.size === 0) {
        throw fail(`${cls.name || "its class"} has no class-validator decorators, so nothing says what its properties hold, and class-validator would check none of them; decorate them (${TYPE_DECORATORS})`);
      }
      const [refused] = transformerOnlyProblems(cls, new Set(rules.keys()));
      if (refused) throw fail(`${refused.name}: ${refused.problem}`);
      const entries = [...rules].map(([name, propertyRules]) => [name, { name, propertyRules }] as const);
      return path.inside(() => objectOf(readNestedFields(entries, ({ name, propertyRules }, keyFail) => readProperty(cls, name, propertyRules, path, keyFail), fail)));
    },
    () => scalar("json"),
  );
}

/** The type the decorators agree on, with the allowed values of IsEnum, IsIn and Equals; `undefined` when they say nothing. */
function readingFromRules(rules: readonly ValidationRule[], path: ClassPath, fail: Fail): FieldReading | undefined {
  const valueLists = rules.map(allowedValues).filter((values) => values !== undefined);
  const values = valueLists.length ? valueLists.reduce((kept, list) => kept.filter((value) => list.includes(value))) : undefined;
  const fromValues = values ? readLiterals(values, fail) : undefined;
  const evidence = new Set<Evidence>(rules.map(ruleEvidence).filter((found) => found !== undefined));
  if (fromValues) evidence.add(fromValues.type as ScalarType);
  const type = agreedType(evidence, fail);
  switch (type) {
    case undefined:
      return undefined;
    case "object":
      // @IsObject(): an object whose keys and values nothing describes.
      return collectionOf("record", ANY_JSON, fail);
    case "array":
      return collectionOf("array", ANY_JSON, fail);
    case "instance": {
      const cls = rules.find((rule) => rule.name === "isInstance")?.constraints?.[0] as ModelClass | undefined;
      const name = cls?.name || "its class";
      if (cls && validationRules(cls).size > 0) {
        throw fail(`@IsInstance(${name}) checks only the class of its value; to store its properties, which class-validator then checks, add @ValidateNested() and class-transformer's @Type(() => ${name})`);
      }
      throw fail(problems.classInstance(`@IsInstance(${name})`, path.storedAs()));
    }
    default:
      return fromValues ? { ...fromValues, type } : scalar(type);
  }
}

function ruleEvidence(rule: ValidationRule): Evidence | undefined {
  const evidence = typeEvidence(rule.name ?? "");
  return evidence === "instance" ? (INSTANCE_TYPES.get(rule.constraints?.[0]) ?? "instance") : evidence;
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
function agreedType(evidence: ReadonlySet<Evidence>, fail: Fail): Exclude<Evidence, "number"> | undefined {
  const types = new Set(evidence);
  if (types.has("integer")) types.delete("float");
  if (types.has("integer") || types.has("float")) types.delete("number");
  // IsObject holds for any object, Dates, binary data and class instances too.
  if (types.has("date") || types.has("binary") || types.has("instance")) types.delete("object");
  if (types.size > 1) throw fail(disagreement([...types]));
  const [type] = types;
  return type === "number" ? "float" : type;
}

function disagreement(types: readonly string[]): string {
  return `its decorators disagree about its type (${types.join(", ")}); keep the ones for one type`;
}

function readingFromDesignType(cls: ModelClass, name: string, design: unknown, path: ClassPath, fail: Fail): FieldReading {
  const type = DESIGN_TYPES.get(design);
  if (type) return scalar(type);
  const held = isUserClass(design) ? design : transformerProperties(cls).get(name)?.heldType;
  if (isUserClass(held)) {
    if (validationRules(held).size > 0) {
      throw fail(`it holds a ${held.name}, whose properties class-validator checks only with @ValidateNested(); add @ValidateNested() and class-transformer's @Type(() => ${held.name})`);
    }
    throw fail(problems.classInstance(`its type ${held.name}`, path.storedAs()));
  }
  if (design === Object) {
    throw fail(
      `no decorator says what type it holds (TypeScript's design:type says Object, as it does for object types, interfaces, unions, any and unknown); add one of ${TYPE_DECORATORS}, or ${STRUCTURED_DECORATORS}, or name the stored type: ${path.storedAs()}`,
    );
  }
  throw fail(`no decorator says what type it holds; add one of ${TYPE_DECORATORS}, or ${STRUCTURED_DECORATORS}, or name the stored type: ${path.storedAs()}`);
}

/** TypeScript's `design:type` metadata, read through reflect-metadata when the application has loaded it. */
function designTypeOf(cls: ModelClass, name: string): unknown {
  const reflect = Reflect as unknown as { getMetadata?: (key: string, target: object, property: string) => unknown };
  return reflect.getMetadata?.("design:type", cls.prototype as object, name);
}
