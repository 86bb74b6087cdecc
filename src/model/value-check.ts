import { malformedText } from "../util/text.js";
import { describe } from "./describe.js";
import { quote } from "../util/quote.js";
import { typeName, type Literal, type ScalarType, type ValueType } from "./field.js";
import { isPlainObject, MAX_DEPTH, SCALAR_CHECKS, storableCheck } from "./storable.js";

export { isPlainObject, MAX_DEPTH } from "./storable.js";

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
  if (!forQuery && isStorable(type, value)) return undefined;
  return new ValueWalk(forQuery).check(type, value, 0);
}

/** The walk alone, without the fast answer: what the fast check must agree with (test/core/storable.property.test.ts). */
export function walkedProblem(type: ValueType, value: unknown): string | undefined {
  return new ValueWalk(false).check(type, value, 0);
}

/** Whether the fast check (storable.ts) takes a value to write: `false` means only "walk it". */
export function isStorable(type: ValueType, value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null) return type.nullable || type.type === "json";
  return storableCheck(type)(value, 0);
}



/** What `valueProblem` finds in a value to write, with the way to it as keys and indexes (a ValidationIssue's path). */
export function valueIssue(type: ValueType, value: unknown): { readonly path: readonly (string | number)[]; readonly message: string } | undefined {
  if (isStorable(type, value)) return undefined;
  const walk = new ValueWalk(false);
  return walk.check(type, value, 0) === undefined ? undefined : walk.issue;
}

/** The names of an object type's keys, made once per type: the walk meets the same types on every row. */
const declaredKeys = new WeakMap<ValueType, ReadonlySet<string>>();

function declaredOf(type: ValueType): ReadonlySet<string> {
  let names = declaredKeys.get(type);
  if (!names) declaredKeys.set(type, (names = new Set((type.fields ?? []).map((field) => field.name))));
  return names;
}

/**
 * One check of one value. It runs for every structured value written, so the way to the value
 * is kept as a stack of keys and indexes, and spelt out (`lines[2].sku`) only for a problem.
 */
class ValueWalk {
  readonly #ancestors = new Set<object>();
  readonly #path: (string | number)[] = [];
  /** The problem found, with its path, once the walk has found one. */
  issue: { readonly path: readonly (string | number)[]; readonly message: string } | undefined;

  constructor(private readonly forQuery: boolean) {}

  check(type: ValueType, value: unknown, depth: number): string | undefined {
    if (value === null) return type.nullable || type.type === "json" ? undefined : this.#problem(`cannot be null (${typeName(type)})`);
    if (value === undefined) return this.#problem("is undefined, which no database stores (leave the key out, or use null)");
    if (depth > MAX_DEPTH) return this.#problem(`is nested more than ${MAX_DEPTH} levels deep`);
    switch (type.type) {
      case "binary":
        return value instanceof Uint8Array ? undefined : this.#expected("binary data (a Uint8Array or Buffer)", value);
      case "json":
        return this.#json(value, depth);
      case "object":
        return this.#enter(value, false) ?? this.#leave(value, this.#object(type, value as Record<string, unknown>, depth));
      case "record":
        return this.#enter(value, false) ?? this.#leave(value, this.#record(type.of as ValueType, value as Record<string, unknown>, depth));
      case "array":
        return this.#enter(value, true, typeName(type)) ?? this.#leave(value, this.#items(type.of as ValueType, value as unknown[], depth));
      case "union":
        return this.#enter(value, false) ?? this.#leave(value, this.#union(type, value as Record<string, unknown>, depth));
      default:
        return this.#scalar(type, value);
    }
  }

  #scalar(type: ValueType, value: unknown): string | undefined {
    const scalarType = type.type as ScalarType;
    const fits = SCALAR_CHECKS[scalarType](value) || (scalarType === "bigint" && this.forQuery && Number.isSafeInteger(value));
    if (!fits) return this.#expected(scalarType === "float" ? "a finite number" : `a ${scalarType}`, value);
    if (!this.forQuery && type.values && !type.values.includes(value as Literal)) {
      return this.#problem(`must be one of ${type.values.map((allowed) => quote(allowed)).join(", ")}, got ${quote(value)}`);
    }
    const text = malformedText(value);
    return text ? this.#problem(text) : undefined;
  }

  /**
   * Enters a container (a plain object, or an array when `array`): its parts are checked once each,
   * since a container that holds itself would make storing it loop forever. A problem, or undefined.
   */
  #enter(value: unknown, array: boolean, expected = "a plain object"): string | undefined {
    if (array ? !Array.isArray(value) : !isPlainObject(value)) return this.#expected(expected, value);
    if (this.#ancestors.has(value as object)) return this.#problem("contains itself (a cycle), which cannot be stored");
    this.#ancestors.add(value as object);
    return undefined;
  }

  #leave(value: unknown, problem: string | undefined): string | undefined {
    this.#ancestors.delete(value as object);
    return problem;
  }

  /** Checks `check` on the part of the current value at `step` (a key or an index). */
  #at(step: string | number, check: () => string | undefined): string | undefined;
  #at(step: string | number, type: ValueType, value: unknown, depth: number): string | undefined;
  #at(step: string | number, typeOrCheck: ValueType | (() => string | undefined), value?: unknown, depth = 0): string | undefined {
    this.#path.push(step);
    const problem = typeof typeOrCheck === "function" ? typeOrCheck() : this.check(typeOrCheck, value, depth);
    this.#path.pop();
    return problem;
  }

  #object(type: ValueType, value: Record<string, unknown>, depth: number): string | undefined {
    for (const field of type.fields ?? []) {
      const inner = value[field.name];
      if (inner === undefined) {
        if (field.optional) continue;
        return this.#at(field.name, () => this.#problem("is missing"));
      }
      const problem = this.#at(field.name, field, inner, depth + 1);
      if (problem) return problem;
    }
    // Keys the schema lets through without declaring them (a loose object) are stored as JSON.
    const declared = declaredOf(type);
    for (const key in value) {
      if (!Object.hasOwn(value, key) || declared.has(key) || value[key] === undefined) continue;
      const problem = this.#at(key, () => this.#json(value[key], depth + 1));
      if (problem) return problem;
    }
    return undefined;
  }

  #record(of: ValueType, value: Record<string, unknown>, depth: number): string | undefined {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const text = malformedText(key);
      if (text) return this.#problem(`has a key that ${text}`);
      const problem = this.#at(key, of, value[key], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }

  #items(of: ValueType, items: readonly unknown[], depth: number): string | undefined {
    for (let index = 0; index < items.length; index++) {
      const problem = this.#at(index, of, items[index], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }

  #union(type: ValueType, value: Record<string, unknown>, depth: number): string | undefined {
    const options = type.options ?? [];
    if (type.discriminator !== undefined) {
      const tag = value[type.discriminator];
      const option = options.find((each) => each.fields?.find((field) => field.name === type.discriminator)?.values?.includes(tag as string));
      if (!option) return this.#at(type.discriminator, () => this.#problem("does not name one of the union's options"));
      return this.#object(option, value, depth);
    }
    const problems = options.map((option) => this.#object(option, value, depth));
    return problems.some((problem) => problem === undefined) ? undefined : problems[0];
  }

  #json(value: unknown, depth: number): string | undefined {
    if (value === null || typeof value === "boolean") return undefined;
    if (typeof value === "number") return Number.isFinite(value) ? undefined : this.#problem(`is ${String(value)}, which JSON cannot hold`);
    if (typeof value === "string") {
      const text = malformedText(value);
      return text ? this.#problem(text) : undefined;
    }
    if (depth > MAX_DEPTH) return this.#problem(`is nested more than ${MAX_DEPTH} levels deep`);
    if (Array.isArray(value)) return this.#enter(value, true) ?? this.#leave(value, this.#jsonItems(value, depth));
    const expected = "a JSON value (null, a boolean, a finite number, a string, an array or a plain object)";
    return this.#enter(value, false, expected) ?? this.#leave(value, this.#jsonEntries(value as Record<string, unknown>, depth));
  }

  #jsonItems(items: readonly unknown[], depth: number): string | undefined {
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const problem = this.#at(index, () => (item === undefined ? this.#problem("is undefined, which JSON cannot hold (use null)") : this.#json(item, depth + 1)));
      if (problem) return problem;
    }
    return undefined;
  }

  #jsonEntries(value: Record<string, unknown>, depth: number): string | undefined {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const text = malformedText(key);
      if (text) return this.#problem(`has a key that ${text}`);
      if (value[key] === undefined) continue;
      const problem = this.#at(key, () => this.#json(value[key], depth + 1));
      if (problem) return problem;
    }
    return undefined;
  }

  #expected(what: string, value: unknown): string {
    return this.#problem(`must be ${what}, got ${describe(value)}`);
  }

  /** The problem, with the way to the value: `at lines[2].sku: ...` (nothing for the value itself). */
  #problem(message: string): string {
    this.issue ??= { path: [...this.#path], message };
    if (this.#path.length === 0) return message;
    const at = this.#path.map((step, index) => (typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`)).join("");
    return `at ${at}: ${message}`;
  }
}
