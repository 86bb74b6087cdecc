import type { ValidationIssue } from "../../src/kit/adapter.js";
import { isRecursive, isThis, isTuple, type TypeBoxNode } from "./schema-node.js";

/** Whether TypeBox accepts `value` for `schema`. */
export type Check = (schema: TypeBoxNode, value: unknown) => boolean;

const UNKNOWN_KEY =
  "not a key of this object, so it would be lost; declare it, leave it out, or give the object { additionalProperties: false } to have TypeBox refuse such keys";
const UNMATCHED_KEY =
  "not a key this record takes (TypeBox lets keys that match no pattern through unchecked), so it would be stored unchecked; leave it out, or give the record { additionalProperties: false } to have TypeBox refuse it";
const INVALID_DATE = "must be a valid Date: an invalid Date has no time to store";

/**
 * What is stored for a value TypeBox has accepted for `schema`: a plain copy that keeps an
 * object's declared keys (in the schema's order, as Zod and class-validator store them; a record
 * keeps the input's order) and leaves out keys that hold `undefined`, which JSON has no form for. A `Type.Object` lets keys it does not declare through, as JSON Schema does, and a
 * record lets keys that match no pattern through unchecked: a value in such a key is reported in
 * `issues`, never dropped in silence. So is an invalid Date, which the date recipe lets through
 * and which has no time to store. Recursive parts (Type.Cyclic, Type.This) and JSON values (Any,
 * Unknown) are kept as they are: TypeBox checked them, and a JSON value stores every key.
 */
export function storedValue(schema: TypeBoxNode, value: unknown, path: readonly PropertyKey[], issues: ValidationIssue[], check: Check): unknown {
  if (value === null || value === undefined) return value;
  if (schema.instanceOf === "Date") {
    if (value instanceof Date && Number.isNaN(value.getTime())) issues.push({ path, message: INVALID_DATE });
    return value;
  }
  if (isRecursive(schema) || isThis(schema) || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array) return value;
  if (schema.anyOf) {
    const option = chooseOption(schema.anyOf, value, check);
    return option ? storedValue(option, value, path, issues, check) : value;
  }
  if (Array.isArray(value)) return storedItems(schema, value, path, issues, check);
  if (schema.type !== "object") return value;
  if (schema.patternProperties) return storedRecord(schema, value as Record<string, unknown>, path, issues, check);
  return schema.properties ? storedObject(schema, value as Record<string, unknown>, path, issues, check) : value;
}

function storedItems(schema: TypeBoxNode, items: readonly unknown[], path: readonly PropertyKey[], issues: ValidationIssue[], check: Check): unknown[] {
  const { items: itemSchema } = schema;
  if (itemSchema === undefined) return [...items];
  return items.map((item, index) => {
    const schemaOfItem = isTuple(itemSchema) ? itemSchema[index] : itemSchema;
    return schemaOfItem ? storedValue(schemaOfItem, item, [...path, index], issues, check) : item;
  });
}

function storedObject(schema: TypeBoxNode, value: Record<string, unknown>, path: readonly PropertyKey[], issues: ValidationIssue[], check: Check): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const stored: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const item = value[key];
    if (item !== undefined) put(stored, key, storedValue(property, item, [...path, key], issues, check));
  }
  if (schema.additionalProperties === false) return stored;
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !Object.hasOwn(properties, key)) issues.push({ path: [...path, key], message: UNKNOWN_KEY });
  }
  return stored;
}

function storedRecord(schema: TypeBoxNode, value: Record<string, unknown>, path: readonly PropertyKey[], issues: ValidationIssue[], check: Check): Record<string, unknown> {
  const patterns = patternsOf(schema);
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const itemSchema = patterns.find(([pattern]) => pattern.test(key))?.[1];
    if (itemSchema) put(stored, key, storedValue(itemSchema, item, [...path, key], issues, check));
    else if (schema.additionalProperties !== false) issues.push({ path: [...path, key], message: UNMATCHED_KEY });
  }
  return stored;
}

/** Sets a key of a copy as its own data, `__proto__` too (which assignment would take for the copy's prototype). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

const compiledPatterns = new WeakMap<TypeBoxNode, readonly (readonly [RegExp, TypeBoxNode])[]>();

/** A record's key patterns, compiled once per schema. */
function patternsOf(schema: TypeBoxNode): readonly (readonly [RegExp, TypeBoxNode])[] {
  let patterns = compiledPatterns.get(schema);
  if (!patterns) {
    patterns = Object.entries(schema.patternProperties ?? {}).map(([pattern, itemSchema]) => [new RegExp(pattern, "u"), itemSchema] as const);
    compiledPatterns.set(schema, patterns);
  }
  return patterns;
}

/**
 * The member of a union that `value` is stored as: one TypeBox accepts and that declares every
 * key the value holds, else the first TypeBox accepts (its other keys are then reported).
 */
function chooseOption(members: readonly TypeBoxNode[], value: object, check: Check): TypeBoxNode | undefined {
  const accepted = members.filter((member) => member.type !== "null" && check(member, value));
  const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  return accepted.find((member) => !member.properties || keys.every((key) => Object.hasOwn(member.properties ?? {}, key))) ?? accepted[0];
}
