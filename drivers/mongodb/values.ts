import { Decimal128, Double } from "mongodb";
import { isPlainObject, valueProblem, type ValueType } from "../../src/kit/driver.js";

// How values are stored in BSON, so that each reads back as the same JavaScript value the SQL
// drivers return for its type:
// - float: always a BSON double (a whole float such as 5 would otherwise be written as int32, and
//   read back the same, but compared and typed as an integer by the server);
// - integer: int32 when it fits, else int64 in a field of its own (read back with `useBigInt64` as a
//   bigint, turned back into a number here) and a double inside a structured value (exact up to
//   2^53, past every safe integer), so that an int64 inside one is always a bigint; -0 inside a
//   structured value is a double -0, as SQL's JSON text keeps it;
// - bigint: int64; inside a structured value, where SQL's JSON keeps any bigint, one past 64 bits is
//   a decimal128 (exact to 34 digits; one longer is refused before anything is written:
//   storedValueIssue). A field of its own holds 64 bits, as SQL's BIGINT column.
// Inside a structured value every BSON type thus reads back as one JavaScript type (int64 and
// decimal128 → bigint, int32 and double → number, date → Date, binary → Buffer), so a value reads
// back exactly whichever option of a union it is taken for: no union needs refusing, as the SQL
// drivers refuse those their JSON cannot tell apart.
// - date: a BSON date (milliseconds, as Date has); binary: binary subtype 0 (read back as a Buffer);
// - json: every number a double, so that 1 and 1.0 are one value and -0 stays -0;
// - objects: the schema's keys in its order, then keys a loose schema let through, as JSON values.
// Keys that BSON cannot hold, or that the client would read as its own type tag, are refused
// (storedValueIssue), never changed.

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A JS value of `type` → what is stored (see the top of this file). null stays null. */
export function toStored(type: ValueType, value: unknown): unknown {
  return encode(type, value, false);
}

/** What was stored for `type` → the JS value the SQL drivers would return for it. */
export function fromStored(type: ValueType, stored: unknown): unknown {
  if (stored === null || stored === undefined) return stored;
  return needsDecoding(type) ? decode(type, stored) : stored;
}

function encode(type: ValueType, value: unknown, nested: boolean): unknown {
  if (value === null || value === undefined) return value;
  switch (type.type) {
    case "float":
      return new Double(value as number);
    case "integer":
      return encodeInteger(value as number, nested);
    case "bigint":
      return encodeBigint(value as bigint | number);
    case "json":
      return encodeJson(value);
    case "array":
      return (value as unknown[]).map((item) => encode(type.of as ValueType, item, true));
    case "record":
      return encodeRecord(type.of as ValueType, value as Record<string, unknown>);
    case "object":
      return encodeObject(type, value as Record<string, unknown>);
    case "union":
      return encodeObject(unionOption(type, value), value as Record<string, unknown>);
    default:
      // string, boolean, date, binary (the client writes a Uint8Array as binary subtype 0).
      return value;
  }
}

function encodeInteger(value: number, nested: boolean): unknown {
  if (value >= INT32_MIN && value <= INT32_MAX) {
    // A top-level integer column holds no -0 in SQL either; inside a JSON value it does.
    return nested && value === 0 && 1 / value < 0 ? new Double(-0) : value;
  }
  return nested ? new Double(value) : BigInt(value);
}

/** int64 when it fits, else decimal128 (a query value may be one; a stored one was checked to fit: storedValueIssue). */
function encodeBigint(value: bigint | number): unknown {
  // A safe integer may stand for a bigint in a query value.
  const whole = typeof value === "bigint" ? value : BigInt(value);
  return whole >= INT64_MIN && whole <= INT64_MAX ? whole : Decimal128.fromString(whole.toString());
}

function encodeRecord(of: ValueType, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) setOwn(out, key, encode(of, item, true));
  }
  return out;
}

function encodeObject(type: ValueType, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = type.fields ?? [];
  for (const field of fields) {
    if (!Object.hasOwn(value, field.name)) continue;
    const item = value[field.name];
    if (item !== undefined) setOwn(out, field.name, encode(field, item, true));
  }
  // Keys a loose schema let through: after the declared ones, as JSON values.
  for (const key of Object.keys(value)) {
    if (fields.some((field) => field.name === key)) continue;
    const item = value[key];
    if (item !== undefined) setOwn(out, key, encodeJson(item));
  }
  return out;
}

function encodeJson(value: unknown): unknown {
  if (typeof value === "number") return new Double(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : encodeJson(item)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) setOwn(out, key, encodeJson(item));
  }
  return out;
}

/** `out[key] = value` as an own property: `__proto__` would set the prototype instead. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** The option of a union that a value is written as: by its discriminator, else the first it is a value of (declared keys only first). */
function unionOption(type: ValueType, value: unknown): ValueType {
  const options = type.options ?? [];
  const { discriminator } = type;
  if (discriminator !== undefined && isPlainObject(value)) {
    const tag = value[discriminator];
    const tagged = options.find((option) => option.fields?.some((field) => field.name === discriminator && (field.values ?? []).includes(tag as string)));
    if (tagged) return tagged;
  }
  const strict = options.find((option) => hasOnlyDeclaredKeys(option, value) && valueProblem(option, value) === undefined);
  const loose = strict ?? options.find((option) => valueProblem(option, value) === undefined);
  if (!loose) throw new Error("the value is of none of the union's options (it was checked before it reached the driver)");
  return loose;
}

function hasOnlyDeclaredKeys(option: ValueType, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const declared = new Set((option.fields ?? []).map((field) => field.name));
  return Object.keys(value).every((key) => declared.has(key) || value[key] === undefined);
}

// Reading back: the client gives strings, booleans, doubles and int32 as numbers, dates as Dates,
// binary as Buffers and int64 as bigints (useBigInt64), so only an integer field stored as int64
// (beyond 32 bits) needs turning back into a number, and a decimal128 (a bigint past 64 bits inside
// a structured value) into a bigint. Types without an integer or a bigint inside are read as they are.

const decodes = new WeakMap<ValueType, boolean>();

function needsDecoding(type: ValueType): boolean {
  let needs = decodes.get(type);
  if (needs === undefined) {
    decodes.set(type, false); // a recursive type: its own positions are being looked at
    needs = reachesInteger(type, new Set());
    decodes.set(type, needs);
  }
  return needs;
}

function reachesInteger(type: ValueType, seen: Set<ValueType>): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  switch (type.type) {
    case "integer":
    case "bigint":
      return true;
    case "object":
      return (type.fields ?? []).some((field) => reachesInteger(field, seen));
    case "array":
    case "record":
      return type.of ? reachesInteger(type.of, seen) : false;
    case "union":
      return (type.options ?? []).some((option) => reachesInteger(option, seen));
    default:
      return false;
  }
}

function decode(type: ValueType, stored: unknown): unknown {
  if (stored === null || stored === undefined) return stored;
  switch (type.type) {
    case "integer":
      return typeof stored === "bigint" ? Number(stored) : stored;
    case "bigint":
      return stored instanceof Decimal128 ? decimalToBigint(stored) : stored;
    case "array": {
      const items = stored as unknown[];
      const of = type.of as ValueType;
      if (!needsDecoding(of)) return items;
      for (let index = 0; index < items.length; index++) items[index] = decode(of, items[index]);
      return items;
    }
    case "record": {
      const values = stored as Record<string, unknown>;
      const of = type.of as ValueType;
      if (!needsDecoding(of)) return values;
      for (const key of Object.keys(values)) values[key] = decode(of, values[key]);
      return values;
    }
    case "object": {
      const values = stored as Record<string, unknown>;
      for (const field of type.fields ?? []) {
        if (Object.hasOwn(values, field.name) && needsDecoding(field)) values[field.name] = decode(field, values[field.name]);
      }
      return values;
    }
    case "union":
      // Whichever option it is of, only its decimal128s need reading (see the top of this file).
      return decimalsToBigints(stored, 0);
    default:
      return stored;
  }
}

/** A stored value with every decimal128 inside it read as the bigint it holds. */
function decimalsToBigints(stored: unknown, depth: number): unknown {
  if (stored instanceof Decimal128) return decimalToBigint(stored);
  if (depth > 1000 || stored === null || typeof stored !== "object" || Buffer.isBuffer(stored) || stored instanceof Date) return stored;
  const values = stored as Record<string, unknown>;
  for (const key of Object.keys(values)) values[key] = decimalsToBigints(values[key], depth + 1);
  return values;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/;

/** The whole number a decimal128 holds (written as digits by encodeBigint; another writer may give it an exponent). */
function decimalToBigint(stored: Decimal128): bigint {
  const text = stored.toString();
  const parts = DECIMAL.exec(text);
  if (!parts) throw new Error(`a bigint was stored as the decimal ${text}, which is no whole number`);
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = parts;
  const shift = Number(exponentText) - fraction.length;
  let digits = BigInt(whole + fraction);
  if (shift >= 0) digits *= 10n ** BigInt(shift);
  else {
    const scale = 10n ** BigInt(-shift);
    if (digits % scale !== 0n) throw new Error(`a bigint was stored as the decimal ${text}, which is no whole number`);
    digits /= scale;
  }
  return sign === "-" ? -digits : digits;
}

/** A problem with storing a (valid) value of `type` in BSON, with the way to it; undefined when it stores exactly. */
export interface StoredValueIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * What keeps a value from being stored exactly: a bigint outside 64 bits (BSON's int64), or a key
 * that BSON cannot hold (one with a NUL character) or that the client reads as a BSON type tag
 * (`_bsontype`). The value was validated against its type already.
 */
export function storedValueIssue(type: ValueType, value: unknown): StoredValueIssue | undefined {
  if (value === null || value === undefined) return undefined;
  if (!holdsCheckedPositions(type)) return undefined;
  const path: (string | number)[] = [];
  const message = check(type, value, path, 0);
  return message === undefined ? undefined : { path, message };
}

const checked = new WeakMap<ValueType, boolean>();

/** Whether a type can hold a bigint or keys (what storedValueIssue looks at). */
function holdsCheckedPositions(type: ValueType): boolean {
  let holds = checked.get(type);
  if (holds === undefined) {
    holds = type.type !== "string" && type.type !== "integer" && type.type !== "float" && type.type !== "boolean" && type.type !== "date" && type.type !== "binary";
    checked.set(type, holds);
  }
  return holds;
}

function check(type: ValueType, value: unknown, path: (string | number)[], depth: number): string | undefined {
  if (value === null || value === undefined || depth > 1000) return undefined;
  switch (type.type) {
    case "bigint":
      return bigintProblem(value, depth > 0);
    case "json":
      return checkJson(value, path, depth);
    case "array": {
      const items = value as unknown[];
      for (let index = 0; index < items.length; index++) {
        path.push(index);
        const problem = check(type.of as ValueType, items[index], path, depth + 1);
        if (problem) return problem;
        path.pop();
      }
      return undefined;
    }
    case "record":
      return checkEntries(value as Record<string, unknown>, path, depth, () => type.of);
    case "object":
      return checkEntries(value as Record<string, unknown>, path, depth, (key) => type.fields?.find((field) => field.name === key));
    case "union": {
      const option = unionOption(type, value);
      return checkEntries(value as Record<string, unknown>, path, depth, (key) => option.fields?.find((field) => field.name === key));
    }
    default:
      return undefined;
  }
}

function checkEntries(value: Record<string, unknown>, path: (string | number)[], depth: number, typeOf: (key: string) => ValueType | undefined): string | undefined {
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    path.push(key);
    const problem = keyProblem(key) ?? (typeOf(key) ? check(typeOf(key) as ValueType, item, path, depth + 1) : checkJson(item, path, depth + 1));
    if (problem) return problem;
    path.pop();
  }
  return undefined;
}

function checkJson(value: unknown, path: (string | number)[], depth: number): string | undefined {
  if (value === null || typeof value !== "object" || depth > 1000) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      const problem = checkJson(value[index], path, depth + 1);
      if (problem) return problem;
      path.pop();
    }
    return undefined;
  }
  return checkEntries(value as Record<string, unknown>, path, depth, () => undefined);
}

/** The largest whole number a decimal128 holds exactly: 34 digits. */
const DECIMAL128_MAX = 10n ** 34n - 1n;

function bigintProblem(value: unknown, nested: boolean): string | undefined {
  if (typeof value !== "bigint" || (value >= INT64_MIN && value <= INT64_MAX)) return undefined;
  if (!nested) return `MongoDB stores a bigint field as a 64-bit integer: ${value} is outside -(2^63) to 2^63-1`;
  if (value >= -DECIMAL128_MAX && value <= DECIMAL128_MAX) return undefined;
  return `MongoDB stores a bigint inside a structured value as a 64-bit integer or a 34-digit decimal: ${value} has more digits`;
}

/** Keys BSON cannot hold (a NUL ends its names) or that the MongoDB client reads as a type tag. */
export function keyProblem(key: string): string | undefined {
  if (key.includes("\u0000")) return `MongoDB cannot store a key holding a NUL character (key ${JSON.stringify(key)})`;
  if (key === "_bsontype") return 'MongoDB\'s client reads the key "_bsontype" as a BSON type tag, so it cannot be stored as data';
  return undefined;
}
