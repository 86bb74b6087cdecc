import type { FieldType, ValidationIssue } from "../../src/kit/adapter.js";
import { pickFields } from "../shared/pick-fields.js";
import { typeIssue, wrongType } from "./design-type.js";
import type { ClassShape } from "./class-shape.js";
import { toInstance } from "./instance.js";

const NESTED_KEY_ADVICE = "give it a class-validator decorator (@IsString(), @IsInt(), ...) in its class to store it, or leave it out";
const CIRCULAR = "holds itself (a circular reference), which has no stored form";

/** A value that is neither missing nor null: what a class's property stores (both are stored as absent). */
export const isStored = (value: unknown): boolean => value !== undefined && value !== null;

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/**
 * Replaces, in `instance` (an object of Ommi's own), each value of a `@ValidateNested()` property
 * with an instance of its class, as class-transformer's `plainToInstance` would: class-validator
 * checks the properties of class instances only, and lets a plain object through unchecked. Each
 * nested instance holds the declared properties of the value; a property of the value that is not
 * declared and holds a value is reported in `issues` (it would be lost), and so is a value that
 * holds itself. Values that are not objects are left for class-validator to refuse.
 */
export function nestInstances(shape: ClassShape, instance: Record<string, unknown>, path: readonly PropertyKey[], issues: ValidationIssue[], ancestors: Set<object>): void {
  for (const [name, property] of shape.properties) {
    const value = instance[name];
    if (!property.nested || !isObject(value)) continue;
    const nested = property.nested();
    instance[name] = Array.isArray(value)
      ? value.map((item, index) => nestedInstance(nested, item, [...path, name, index], issues, ancestors))
      : nestedInstance(nested, value, [...path, name], issues, ancestors);
  }
}

function nestedInstance(shape: ClassShape, value: unknown, path: readonly PropertyKey[], issues: ValidationIssue[], ancestors: Set<object>): unknown {
  if (!isObject(value) || Array.isArray(value)) return value;
  if (ancestors.has(value)) {
    issues.push({ path, message: CIRCULAR });
    return toInstance(shape.cls, {});
  }
  ancestors.add(value);
  for (const key of Object.keys(value)) {
    if (shape.fieldNames.includes(key) || shape.notData.has(key) || !isStored((value as Record<string, unknown>)[key])) continue;
    issues.push({ path: [...path, key], message: `not a property of ${shape.cls.name || "its class"} that class-validator checks, so it would be lost; ${NESTED_KEY_ADVICE}` });
  }
  const instance = toInstance(shape.cls, pickFields(shape.fieldNames, value));
  nestInstances(shape, instance as Record<string, unknown>, path, issues, ancestors);
  ancestors.delete(value);
  return instance;
}

/**
 * What is stored for a nested value: a plain object of the declared properties that hold a value
 * (an `@IsOptional()` property's null is stored as absent, as a model's is), nested instances
 * turned into plain objects too; Dates and binary data are kept as they are.
 */
export function storedValue(shape: ClassShape | undefined, value: unknown): unknown {
  if (!shape || !isObject(value)) return value;
  if (Array.isArray(value)) return value.map((item) => storedValue(shape, item));
  return storedRecord(shape, value);
}

/** The stored record of an instance of `shape`'s class: see storedValue. */
export function storedRecord(shape: ClassShape, instance: object): Record<string, unknown> {
  const record = pickFields(shape.fieldNames, instance, isStored);
  for (const [name, property] of shape.properties) {
    if (property.nested && name in record) record[name] = storedValue(property.nested(), record[name]);
  }
  return record;
}

/**
 * Issues for values whose top is of the wrong type where class-validator does not check it (see
 * PropertyShape.check), in an instance and its nested instances. A path that class-validator
 * already reported (`reported`, as `pathKey`s) is left to its message.
 */
export function topTypeIssues(shape: ClassShape, instance: Record<string, unknown>, path: readonly PropertyKey[], reported: ReadonlySet<string>, names?: Iterable<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of names ?? shape.properties.keys()) {
    const property = shape.properties.get(name);
    const value = instance[name];
    const at = [...path, name];
    if (!property || !isStored(value) || reported.has(pathKey(at))) continue;
    // A nested value is an instance Ommi built of its class (see nestInstances): its top is checked as such.
    const issue = property.check && (property.nested ? nestedTopIssue(name, property.check, value, at) : typeIssue(name, property.check, value, at));
    if (issue) issues.push(issue);
    else if (property.nested && isObject(value)) {
      const nested = property.nested();
      const items = Array.isArray(value) ? value.map((item, index) => [item, [...at, index]] as const) : [[value, at] as const];
      for (const [item, itemPath] of items) {
        if (isObject(item) && !Array.isArray(item) && !reported.has(pathKey(itemPath))) issues.push(...topTypeIssues(nested, item as Record<string, unknown>, itemPath, reported));
      }
    }
  }
  return issues;
}

function nestedTopIssue(name: string, type: FieldType, value: unknown, path: readonly PropertyKey[]): ValidationIssue | undefined {
  const holds = type === "array" ? Array.isArray(value) : isObject(value) && !Array.isArray(value);
  return holds ? undefined : wrongType(name, type, path);
}

/** A path as a key of a set of paths. */
export function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}
