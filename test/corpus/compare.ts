/**
 * Exact comparison of a row read back with what the schema library made of the input: Dates as
 * Dates to the millisecond, bigints as bigints, `Object.is` for numbers (so `-0` and `NaN` count),
 * key order by `Object.keys` at every level, prototypes (a class instance stays one), and binary
 * data by its bytes. Returns one line per difference, each with its path.
 */
/** Marks a difference in key order only (the same keys, in another order). */
export const KEY_ORDER = "key order";

export function differences(expected: unknown, actual: unknown, path = ""): string[] {
  const out: string[] = [];
  compare(expected, actual, path, out);
  return out;
}

function compare(expected: unknown, actual: unknown, path: string, out: string[]): void {
  const at = path || "(row)";
  if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array)) out.push(`${at}: expected ${expected.length} bytes, got ${show(actual)}`);
    else if (!sameBytes(expected, actual)) out.push(`${at}: bytes ${hex(expected)} came back as ${hex(actual)}`);
    return;
  }
  if (expected instanceof Date) {
    if (!(actual instanceof Date)) out.push(`${at}: expected the Date ${show(expected)}, got ${show(actual)}`);
    else if (!Object.is(expected.getTime(), actual.getTime())) out.push(`${at}: expected ${show(expected)}, got ${show(actual)}`);
    return;
  }
  if (typeof expected !== "object" || expected === null) {
    if (!Object.is(expected, actual)) out.push(`${at}: expected ${show(expected)}, got ${show(actual)}`);
    return;
  }
  if (typeof actual !== "object" || actual === null) {
    out.push(`${at}: expected ${show(expected)}, got ${show(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push(`${at}: expected an array, got ${show(actual)}`);
      return;
    }
    if (expected.length !== actual.length) out.push(`${at}: expected ${expected.length} items, got ${actual.length}`);
    for (let index = 0; index < Math.min(expected.length, actual.length); index++) compare(expected[index], actual[index], `${path}[${index}]`, out);
    return;
  }
  const expectedPrototype = Object.getPrototypeOf(expected) as object | null;
  const actualPrototype = Object.getPrototypeOf(actual) as object | null;
  if (expectedPrototype !== actualPrototype) out.push(`${at}: expected ${kind(expectedPrototype)}, got ${kind(actualPrototype)}`);
  const expectedKeys = Object.keys(expected);
  const actualKeys = Object.keys(actual);
  const actualRecord = actual as Record<string, unknown>;
  const missing = expectedKeys.filter((key) => !Object.hasOwn(actualRecord, key));
  const extra = actualKeys.filter((key) => !Object.hasOwn(expected, key));
  if (missing.length) out.push(`${at}: ${missing.map((key) => JSON.stringify(key)).join(", ")} did not come back`);
  if (extra.length) out.push(`${at}: came back with ${extra.map((key) => `${JSON.stringify(key)}: ${show(actualRecord[key])}`).join(", ")}, which the library's output does not have`);
  const common = (keys: string[], other: object) => keys.filter((key) => Object.hasOwn(other, key));
  if (!missing.length && !extra.length && expectedKeys.join("\u0000") !== actualKeys.join("\u0000")) {
    out.push(`${at}: ${KEY_ORDER} ${JSON.stringify(common(expectedKeys, actual))} came back as ${JSON.stringify(common(actualKeys, expected))}`);
  } else if ((missing.length || extra.length) && common(expectedKeys, actual).join("\u0000") !== common(actualKeys, expected).join("\u0000")) {
    out.push(`${at}: ${KEY_ORDER} ${JSON.stringify(common(expectedKeys, actual))} came back as ${JSON.stringify(common(actualKeys, expected))}`);
  }
  for (const key of expectedKeys) {
    if (Object.hasOwn(actualRecord, key)) compare((expected as Record<string, unknown>)[key], actualRecord[key], path ? `${path}.${key}` : key, out);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function hex(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
  return `<${bytes.length} bytes ${text.length > 24 ? `${text.slice(0, 24)}…` : text}>`;
}

function kind(prototype: object | null): string {
  if (prototype === null) return "an object without prototype";
  if (prototype === Object.prototype) return "a plain object";
  const name = (prototype as { constructor?: { name?: string } }).constructor?.name;
  return `an instance of ${name ?? "an unnamed class"}`;
}

/** A value as it reads in a failure message: `-0`, `12n`, Dates in ISO form, at most 100 characters. */
export function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (Object.is(value, -0)) return "-0";
  if (value === undefined) return "undefined (absent)";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `${value.constructor.name}(${value.length})`;
  let text: string;
  try {
    text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item)) ?? typeof value;
  } catch {
    text = `(${typeof value} that JSON cannot show)`;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
    text = `${kind(Object.getPrototypeOf(value) as object | null)} ${text}`;
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/**
 * A copy without the own properties that hold `undefined`, at every level, prototypes kept. A
 * class field that was never assigned is an own property holding `undefined` (class fields are
 * defined by the constructor): for a class it is the same as absent.
 */
export function withoutUndefined<T>(value: T): T {
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = withoutUndefined(item);
  return copy as T;
}
