import type { ScalarType, ValueType } from "./field.js";

/** Deeper values are refused: a hostile value must not overflow the stack of the process that checks it. */
export const MAX_DEPTH = 256;

export const SCALAR_CHECKS: Readonly<Record<ScalarType, (value: unknown) => boolean>> = {
  string: (value) => typeof value === "string",
  integer: (value) => Number.isSafeInteger(value),
  float: (value) => typeof value === "number" && Number.isFinite(value),
  boolean: (value) => typeof value === "boolean",
  date: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
  bigint: (value) => typeof value === "bigint",
};

/** A plain object: what an object, record, union or JSON value is made of (not a Date, array, Map or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether a value (at a depth) is storable; `false` means "ask the walk", which says why (value-check.ts). */
type Storable = (value: unknown, depth: number) => boolean;

const checks = new WeakMap<ValueType, Storable>();

/**
 * The fast check of a value to write, composed once per type from small closures: what the walk
 * in value-check.ts checks, without keeping the way to the value or wording a message. Every
 * structured value written goes through it; only a value it refuses is walked, for the message.
 */
export function storableCheck(type: ValueType): Storable {
  let check = checks.get(type);
  if (!check) {
    checks.set(type, (check = (value, depth) => inner(value, depth)));
    const inner = compose(type);
  }
  return check;
}

/** `check` of a value that may be null where `nullable` says. */
function orNull(check: Storable, nullable: boolean): Storable {
  return (value, depth) => (value === null ? nullable : check(value, depth));
}

function compose(type: ValueType): Storable {
  const of = type.of;
  switch (type.type) {
    case "binary":
      return (value) => value instanceof Uint8Array;
    case "json":
      return isJson;
    case "object":
      return objectCheck(type);
    case "array": {
      const item = orNull(storableCheck(of as ValueType), (of as ValueType).nullable);
      return (value, depth) => {
        if (!Array.isArray(value) || depth > MAX_DEPTH) return false;
        for (let index = 0; index < value.length; index++) if (!item(value[index], depth + 1)) return false;
        return true;
      };
    }
    case "record": {
      const entry = orNull(storableCheck(of as ValueType), (of as ValueType).nullable);
      return (value, depth) => {
        if (!isPlainObject(value) || depth > MAX_DEPTH) return false;
        for (const key in value) if (!key.isWellFormed() || !entry(value[key], depth + 1)) return false;
        return true;
      };
    }
    case "union":
      return unionCheck(type);
    default:
      return scalarCheck(type);
  }
}

function scalarCheck(type: ValueType): Storable {
  const fits = SCALAR_CHECKS[type.type as ScalarType];
  const allowed = type.values;
  if (type.type === "string") return allowed ? (value) => allowed.includes(value as string) && (value as string).isWellFormed() : (value) => typeof value === "string" && value.isWellFormed();
  return allowed ? (value) => fits(value) && allowed.includes(value as string) : fits;
}

function objectCheck(type: ValueType): Storable {
  const fields = (type.fields ?? []).map((field) => ({ name: field.name, optional: field.optional, check: orNull(storableCheck(field), field.nullable) }));
  const declared = new Set(fields.map((field) => field.name));
  return (value, depth) => {
    if (!isPlainObject(value) || depth > MAX_DEPTH) return false;
    for (const field of fields) {
      const inner = value[field.name];
      if (inner === undefined ? !field.optional : !field.check(inner, depth + 1)) return false;
    }
    // Keys a loose object lets through are stored as JSON.
    for (const key in value) if (!declared.has(key) && value[key] !== undefined && !isJson(value[key], depth + 1)) return false;
    return true;
  };
}

function unionCheck(type: ValueType): Storable {
  const options = (type.options ?? []).map((option) => ({ option, check: objectCheck(option) }));
  const discriminator = type.discriminator;
  if (discriminator === undefined) return (value, depth) => options.some(({ check }) => check(value, depth));
  return (value, depth) => {
    const tag = (value as Record<string, unknown> | null)?.[discriminator];
    const chosen = options.find(({ option }) => option.fields?.find((field) => field.name === discriminator)?.values?.includes(tag as string));
    return chosen !== undefined && chosen.check(value, depth);
  };
}

/** A JSON value made of JSON only, no deeper than MAX_DEPTH (so a value that holds itself is refused too). */
function isJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return value.isWellFormed();
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (value[index] === undefined || !isJson(value[index], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const inner = value[key];
    if (!key.isWellFormed() || (inner !== undefined && !isJson(inner, depth + 1))) return false;
  }
  return true;
}
