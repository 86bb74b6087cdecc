import { malformedText } from "../util/text.js";
import { describe } from "./describe.js";
import { quote } from "../util/quote.js";
import { typeName, type Literal, type ScalarType, type ValueType } from "./field.js";

/** Deeper values are refused: a hostile value must not overflow the stack of the process that checks it. */
export const MAX_DEPTH = 256;

const SCALAR_CHECKS: Readonly<Record<ScalarType, (value: unknown) => boolean>> = {
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

/**
 * Why `value` is not a value of `type` that every database stores exactly, or undefined. The
 * answer names where inside the value the problem is (`at lines[2].sku: ...`). Schema libraries
 * check their own rules before this; this checks what storage needs: finite numbers, well-formed
 * text, valid dates, JSON values made of JSON only, no undefined inside arrays, no cycles.
 * For a value to write, enums and literals inside must hold one of their values (a library may
 * let another through, as class-validator's `@IsEnum` does with a numeric enum's member names).
 * A value to compare with (`forQuery`) need not, and a safe integer may stand for a bigint.
 */
export function valueProblem(type: ValueType, value: unknown, forQuery = false): string | undefined {
  // Most values compared in queries are scalars: checked without a walk (this is on every query's path).
  const scalarCheck = SCALAR_CHECKS[type.type as ScalarType] as ((value: unknown) => boolean) | undefined;
  if (scalarCheck && value !== null && value !== undefined && scalarCheck(value) && (forQuery || !type.values)) return malformedText(value);
  return new ValueWalk(forQuery).check(type, value, "", 0);
}

class ValueWalk {
  readonly #ancestors = new Set<object>();

  constructor(private readonly forQuery: boolean) {}

  check(type: ValueType, value: unknown, at: string, depth: number): string | undefined {
    if (value === null) return type.nullable || type.type === "json" ? undefined : this.#problem(at, `cannot be null (${typeName(type)})`);
    if (value === undefined) return this.#problem(at, "is undefined, which no database stores (leave the key out, or use null)");
    if (depth > MAX_DEPTH) return this.#problem(at, `is nested more than ${MAX_DEPTH} levels deep`);
    switch (type.type) {
      case "binary":
        return value instanceof Uint8Array ? undefined : this.#expected(at, "binary data (a Uint8Array or Buffer)", value);
      case "json":
        return this.#json(value, at, depth);
      case "object":
        return this.#within(value, at, () => this.#object(type, value as Record<string, unknown>, at, depth));
      case "record":
        return this.#within(value, at, () => this.#entries(Object.entries(value), type.of as ValueType, at, depth, (key) => `${at}${at ? "." : ""}${key}`));
      case "array":
        if (!Array.isArray(value)) return this.#expected(at, typeName(type), value);
        return this.#within(value, at, () => this.#entries(value.map((item, index) => [index, item] as const), type.of as ValueType, at, depth, (index) => `${at}[${index}]`));
      case "union":
        return this.#within(value, at, () => this.#union(type, value as Record<string, unknown>, at, depth));
      default:
        return this.#scalar(type, value, at);
    }
  }

  #scalar(type: ValueType, value: unknown, at: string): string | undefined {
    const scalarType = type.type as ScalarType;
    const fits = SCALAR_CHECKS[scalarType](value) || (scalarType === "bigint" && this.forQuery && Number.isSafeInteger(value));
    if (!fits) return this.#expected(at, scalarType === "float" ? "a finite number" : `a ${scalarType}`, value);
    if (!this.forQuery && type.values && !type.values.includes(value as Literal)) {
      return this.#problem(at, `must be one of ${type.values.map((allowed) => quote(allowed)).join(", ")}, got ${quote(value)}`);
    }
    const text = malformedText(value);
    return text ? this.#problem(at, text) : undefined;
  }

  /** A plain object whose parts are checked once each: a cycle would make storing it loop forever. */
  #within(value: unknown, at: string, check: () => string | undefined): string | undefined {
    if (Array.isArray(value) ? false : !isPlainObject(value)) return this.#expected(at, "a plain object", value);
    const container = value as object;
    if (this.#ancestors.has(container)) return this.#problem(at, "contains itself (a cycle), which cannot be stored");
    this.#ancestors.add(container);
    try {
      return check();
    } finally {
      this.#ancestors.delete(container);
    }
  }

  #object(type: ValueType, value: Record<string, unknown>, at: string, depth: number): string | undefined {
    for (const field of type.fields ?? []) {
      const inner = value[field.name];
      const where = `${at}${at ? "." : ""}${field.name}`;
      if (inner === undefined) {
        if (field.optional) continue;
        return this.#problem(where, "is missing");
      }
      const problem = this.check(field, inner, where, depth + 1);
      if (problem) return problem;
    }
    // Keys the schema lets through without declaring them (a loose object) are stored as JSON.
    const declared = new Set((type.fields ?? []).map((field) => field.name));
    for (const [key, inner] of Object.entries(value)) {
      if (declared.has(key) || inner === undefined) continue;
      const problem = this.#json(inner, `${at}${at ? "." : ""}${key}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }

  #entries<K extends string | number>(entries: readonly (readonly [K, unknown])[], of: ValueType, at: string, depth: number, where: (key: K) => string): string | undefined {
    for (const [key, inner] of entries) {
      if (typeof key === "string") {
        const text = malformedText(key);
        if (text) return this.#problem(at, `has a key that ${text}`);
      }
      const problem = this.check(of, inner, where(key), depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }

  #union(type: ValueType, value: Record<string, unknown>, at: string, depth: number): string | undefined {
    const options = type.options ?? [];
    if (type.discriminator !== undefined) {
      const tag = value[type.discriminator];
      const option = options.find((each) => each.fields?.find((field) => field.name === type.discriminator)?.values?.includes(tag as string));
      if (!option) return this.#problem(`${at}${at ? "." : ""}${type.discriminator}`, `does not name one of the union's options`);
      return this.#object(option, value, at, depth);
    }
    const problems = options.map((option) => this.#object(option, value, at, depth));
    return problems.some((problem) => problem === undefined) ? undefined : problems[0];
  }

  #json(value: unknown, at: string, depth: number): string | undefined {
    if (value === null || typeof value === "boolean") return undefined;
    if (typeof value === "number") return Number.isFinite(value) ? undefined : this.#problem(at, `is ${String(value)}, which JSON cannot hold`);
    if (typeof value === "string") {
      const text = malformedText(value);
      return text ? this.#problem(at, text) : undefined;
    }
    if (depth > MAX_DEPTH) return this.#problem(at, `is nested more than ${MAX_DEPTH} levels deep`);
    if (Array.isArray(value)) {
      return this.#within(value, at, () => {
        for (let index = 0; index < value.length; index++) {
          if (value[index] === undefined) return this.#problem(`${at}[${index}]`, "is undefined, which JSON cannot hold (use null)");
          const problem = this.#json(value[index], `${at}[${index}]`, depth + 1);
          if (problem) return problem;
        }
        return undefined;
      });
    }
    if (!isPlainObject(value)) return this.#expected(at, "a JSON value (null, a boolean, a finite number, a string, an array or a plain object)", value);
    return this.#within(value, at, () => {
      for (const [key, inner] of Object.entries(value)) {
        const text = malformedText(key);
        if (text) return this.#problem(at, `has a key that ${text}`);
        if (inner === undefined) continue;
        const problem = this.#json(inner, `${at}${at ? "." : ""}${key}`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    });
  }

  #expected(at: string, what: string, value: unknown): string {
    return this.#problem(at, `must be ${what}, got ${describe(value)}`);
  }

  #problem(at: string, message: string): string {
    return at ? `at ${at}: ${message}` : message;
  }
}
