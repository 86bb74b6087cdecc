import type { FieldType, KeySlot, Shape, Value } from "./models.js";

/**
 * Structured values as DESIGN §4 (rules 5 and 6) and the README describe them, in plain
 * JavaScript, for the reference: where a path leads, what a schema accepts and stores, and when
 * two values are equal. Written from the rules, not from the core (nothing here imports it).
 */

/** Whether the schema library accepts `value` for a scalar of this type (nulls aside). */
export const ACCEPTS: Readonly<Record<FieldType, (value: unknown) => boolean>> = {
  string: (value) => typeof value === "string",
  integer: (value) => Number.isSafeInteger(value),
  float: (value) => typeof value === "number" && Number.isFinite(value),
  boolean: (value) => typeof value === "boolean",
  date: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
  bigint: (value) => typeof value === "bigint",
};

/** What a query may compare a scalar with: the same, but a bigint also takes a safe integer. */
export const COMPARABLE: Readonly<Record<FieldType, (value: unknown) => boolean>> = {
  ...ACCEPTS,
  bigint: (value) => typeof value === "bigint" || Number.isSafeInteger(value),
};

export function isMalformed(value: unknown): boolean {
  return typeof value === "string" && !value.isWellFormed();
}

/** An object made by `{}` (not a Date, an array, a Map or a class instance). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The shape reached by following object keys, or undefined where a key is not declared. */
export function shapeAt(shape: Shape, path: readonly string[]): Shape | undefined {
  let current: Shape | undefined = shape;
  for (const key of path) {
    if (current?.kind !== "object") return undefined;
    current = current.keys.find((slot) => slot.name === key)?.shape;
  }
  return current;
}

/** The value a path reaches: null where the value, or one on the way to it, is null or missing (rule 6). */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return null;
    current = current[key];
  }
  return current ?? null;
}

// ---------------------------------------------------------------------------------------------
// Acceptance

/**
 * Whether a value of `shape` (not null: nulls are the caller's business) is one the model stores:
 * the schema library's rules (here Zod's: required keys present, nullable ones null or a value,
 * keys it does not declare dropped, records of string keys, `z.json()` values of JSON only) and
 * Ommi's (well-formed text everywhere, keys included; finite numbers; valid dates).
 */
export function storable(shape: Shape, value: unknown): boolean {
  return fits(shape, value, false);
}

/**
 * Whether a query may compare a value of `shape` with `value` (eq, has, ...): the value must be
 * one of the type, bigints may be safe integers, and keys an object does not declare must hold
 * JSON values (they are compared, and make the value unequal to every stored one).
 */
export function comparableValue(shape: Shape, value: unknown): boolean {
  return value !== null && value !== undefined && fits(shape, value, true);
}

function fits(shape: Shape, value: unknown, query: boolean): boolean {
  switch (shape.kind) {
    case "scalar":
      return (query ? COMPARABLE : ACCEPTS)[shape.type](value) && !isMalformed(value);
    case "json":
      return isJson(value);
    case "array":
      return Array.isArray(value) && value.every((item) => item !== null && item !== undefined && fits(shape.of, item, query));
    case "record":
      return isPlainObject(value) && Object.entries(value).every(([key, item]) => !isMalformed(key) && item !== null && item !== undefined && fits(shape.of, item, query));
    case "object": {
      if (!isPlainObject(value)) return false;
      const declared = new Set(shape.keys.map((slot) => slot.name));
      const extra = Object.entries(value).filter(([key, item]) => !declared.has(key) && item !== undefined);
      if (query && !extra.every(([key, item]) => !isMalformed(key) && isJson(item))) return false;
      return shape.keys.every((slot) => slotFits(slot, value[slot.name], query));
    }
  }
}

function slotFits(slot: KeySlot, value: unknown, query: boolean): boolean {
  if (value === undefined) return slot.optional;
  if (value === null) return slot.nullable;
  return fits(slot.shape, value, query);
}

/** JSON only: null, booleans, finite numbers, well-formed strings, arrays and plain objects of them. */
export function isJson(value: unknown): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return !isMalformed(value);
  if (Array.isArray(value)) return value.every((item) => item !== undefined && isJson(item));
  if (!isPlainObject(value)) return false;
  return Object.entries(value).every(([key, item]) => !isMalformed(key) && item !== undefined && isJson(item));
}

/** Whether text anywhere in a value (`where.text`), or a key at any depth (`where.keys`), holds U+0000. */
export function hasNulDeep(value: unknown, where: { readonly text: boolean; readonly keys: boolean }): boolean {
  if (typeof value === "string") return where.text && value.includes("\u0000");
  if (Array.isArray(value)) return value.some((item) => hasNulDeep(item, where));
  if (isPlainObject(value)) return Object.entries(value).some(([key, item]) => (where.keys && key.includes("\u0000")) || hasNulDeep(item, where));
  return false;
}

/**
 * A stored value as the schema library gives it back from validation (what Ommi stores): Zod
 * puts an object's keys in the schema's order and drops the keys it does not declare.
 */
export function normalized(shape: Shape, value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (shape.kind) {
    case "scalar":
    case "json":
      return value as Value;
    case "array":
      return (value as readonly unknown[]).map((item) => normalized(shape.of, item));
    case "record":
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, normalized(shape.of, item)]));
    case "object": {
      const given = value as Record<string, unknown>;
      const out: Record<string, Value> = {};
      for (const slot of shape.keys) if (given[slot.name] !== undefined) out[slot.name] = normalized(slot.shape, given[slot.name]);
      return out;
    }
  }
}

/**
 * A value given to a query, as a value of `shape` is compared: the keys of an object of known
 * keys in the schema's order (the order it is stored in, whatever the order they are written in),
 * keys it does not declare after them; records and JSON values as given.
 */
export function inSchemaOrder(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.kind) {
    case "scalar":
    case "json":
      return value;
    case "array":
      return Array.isArray(value) ? value.map((item) => inSchemaOrder(shape.of, item)) : value;
    case "record":
      return isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inSchemaOrder(shape.of, item)])) : value;
    case "object": {
      if (!isPlainObject(value)) return value;
      const declared = new Set(shape.keys.map((slot) => slot.name));
      const out: Record<string, unknown> = {};
      for (const slot of shape.keys) if (value[slot.name] !== undefined) out[slot.name] = inSchemaOrder(slot.shape, value[slot.name]);
      for (const [key, item] of Object.entries(value)) if (!declared.has(key)) out[key] = item;
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Equality

/**
 * Whether two values are equal as `eq` means it, for items of arrays (`has`, `hasAny`, `hasAll`)
 * and for whole structured values: the same JSON form, leaf by leaf with JavaScript's `===`
 * (so -0 equals 0), dates by their time, bigints by value (a safe integer stands for a bigint);
 * objects have the same keys in the same order; arrays the same items in the same order. (A
 * value given to a query is first put in the order it is stored in: see inSchemaOrder.)
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "bigint" || typeof b === "bigint") return integerValue(a) !== undefined && integerValue(a) === integerValue(b);
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const left = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const right = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (left.length !== right.length) return false;
  return left.every((key, index) => key === right[index] && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function integerValue(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Variants of stored values, for queries that compare with one

/** The value with every 0 turned into -0 and every -0 into 0: equal to it (`===` on leaves). */
export function flipZeros(value: unknown): unknown {
  if (typeof value === "number") return value === 0 ? (Object.is(value, -0) ? 0 : -0) : value;
  if (Array.isArray(value)) return value.map(flipZeros);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, flipZeros(item)]));
  return value;
}

/** The value with each bigint that is a safe integer given as a number: equal to it (bigints compare by value). */
export function bigintsAsNumbers(value: unknown): unknown {
  if (typeof value === "bigint") return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(bigintsAsNumbers);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bigintsAsNumbers(item)]));
  return value;
}

/**
 * The value with the keys of every object in reverse order: a different value wherever that
 * changes an order (JavaScript puts integer-like keys first whatever the order they are set in).
 */
export function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
  return value;
}
