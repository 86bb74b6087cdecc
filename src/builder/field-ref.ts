import { QueryError } from "../errors.js";
import { nestedField, typeName, type ValueType } from "../model/field.js";
import { brandField, type FieldBrand } from "../model/brands.js";
import type { FieldMeta } from "../model/meta.js";
import { comparison, type ComparisonOperator } from "../query/nodes/comparison.js";
import type { ConditionNode } from "../query/nodes/condition.js";
import type { QueryNode } from "../query/nodes/query.js";
import type { Placeholder } from "../query/nodes/placeholder.js";
import { targetName, valuePath, type ValuePath } from "../query/nodes/path.js";
import { some } from "../query/nodes/some.js";
import { sort } from "../query/nodes/sort.js";
import { Condition } from "./condition.js";
import { Sort } from "./sort.js";

/** The non-null value type of a field whose row type is `V`. */
export type FieldValue<V> = Exclude<V, null | undefined>;

declare const FIELD_TYPES: unique symbol;

/**
 * What every field has: the null tests, and equality of the whole value. `eq(null)` is `isNull()`, `ne(null)` is `isNotNull()`.
 * Each operator that takes a value also takes a `placeholder()` (`User.id.eq(placeholder("id"))`),
 * whose value each call of the prepared query gives, checked as a value written there would be;
 * an `in` list's placeholder stands for the whole list. A placeholder's value is never null: the
 * shape of a prepared query is fixed, so test for null with `isNull()`.
 */
export interface ValueFieldRef<R, V> extends FieldBrand<FieldMeta> {
  /** Only for the type checker: the row type of the field's model, and the field's own type (nullable or optional as declared). */
  readonly [FIELD_TYPES]?: { readonly row: R; readonly value: V };
  /**
   * Equal to `value`. For objects, arrays, records and JSON values: equal as stored, which is
   * the same keys in the same order with equal values (README, "Structured fields").
   */
  eq(value: FieldValue<V> | null | Placeholder): Condition<R>;
  ne(value: FieldValue<V> | null | Placeholder): Condition<R>;
  /** Null or missing; inside an object, also when a value on the way to it is null or missing. */
  isNull(): Condition<R>;
  isNotNull(): Condition<R>;
  /** The ref's name in messages: `User.address.city`. */
  toString(): string;
}

/** The row type and the value type a field ref was built for. */
export type FieldTypesOf<F> = F extends { readonly [FIELD_TYPES]?: { readonly row: infer R; readonly value: infer V } } ? { readonly row: R; readonly value: V } : never;

/** Operators of scalar fields: strings, numbers, booleans, dates and bigints. */
export interface ComparableFieldRef<R, V> extends ValueFieldRef<R, V> {
  gt(value: FieldValue<V> | Placeholder): Condition<R>;
  gte(value: FieldValue<V> | Placeholder): Condition<R>;
  lt(value: FieldValue<V> | Placeholder): Condition<R>;
  lte(value: FieldValue<V> | Placeholder): Condition<R>;
  /** Equal to one of `values`; a placeholder stands for the whole list. */
  in(values: readonly FieldValue<V>[] | Placeholder): Condition<R>;
  notIn(values: readonly FieldValue<V>[] | Placeholder): Condition<R>;
  asc(): Sort<R>;
  desc(): Sort<R>;
}

/** Operators only string fields have. All are case-sensitive except `ilike`. */
export interface TextFieldRef<R, V> extends ComparableFieldRef<R, V> {
  /**
   * Contains the literal text (no wildcards). Patterns of every text operator are bounded in
   * length (README, Limits): a longer one is a `QueryError`.
   */
  contains(text: string | Placeholder): Condition<R>;
  /** Begins with the literal text. */
  startsWith(text: string | Placeholder): Condition<R>;
  /** Ends with the literal text. */
  endsWith(text: string | Placeholder): Condition<R>;
  /** The whole text matches the LIKE pattern: `%` any run of characters, `_` one character (code point), `\` makes the next literal. */
  like(pattern: string | Placeholder): Condition<R>;
  /** `like`, ignoring case by Unicode simple case folding (as JavaScript's `/…/iu`), the same on every database. */
  ilike(pattern: string | Placeholder): Condition<R>;
  /**
   * The regular expression matches somewhere in the text, case-sensitively. Ommi's own dialect,
   * the same on every database (README, "The regex dialect"): literals, `.` (any character,
   * newline included), classes `[a-z]` `[^…]`, ASCII-only `\d \w \s` and their complements,
   * `^ $` (ends of the whole text), groups, `|`, and `* + ? {n,m}` (counts up to 255). Anything
   * else (`\b`, lookaround, backreferences, `\p{…}`, flags) is a `QueryError` before any query runs.
   */
  regex(pattern: string | Placeholder): Condition<R>;
}

/**
 * Operators of an array field. None matches a null or missing array (DESIGN.md §4, rule 6);
 * items compare as `eq` does.
 */
export interface ArrayFieldRef<R, V, T> extends ValueFieldRef<R, V> {
  /** Some item equals `item`. */
  has(item: FieldValue<T> | Placeholder): Condition<R>;
  /** Some item equals one of `items` (never, for an empty list). */
  hasAny(items: readonly FieldValue<T>[] | Placeholder): Condition<R>;
  /** Every one of `items` is an item (always, for an empty list and an array that is there). */
  hasAll(items: readonly FieldValue<T>[] | Placeholder): Condition<R>;
  /** The array is there and has no items. */
  isEmpty(): Condition<R>;
  /** The number of items, to compare: `Post.tags.length.gte(2)`. */
  readonly length: ComparableFieldRef<R, number>;
  /**
   * Some item matches the condition built from it: `Order.lines.some((line) => line.qty.gt(2))`;
   * several conditions on one item with `when(...)`: `some((line) => when(line.sku.eq("A"), line.qty.gt(2)))`.
   */
  some(predicate: (item: FieldRef<R, T>) => Condition<R> | ConditionsOnly): Condition<R>;
}

/** What `when(...)` builds: conditions without a sort or a limit are what `some()` accepts besides a condition. */
export interface ConditionsOnly {
  readonly node: QueryNode;
}

/**
 * Names that every ref keeps for its operators (one runtime class serves every type): a nested key
 * of the same name is reached with `nested(key)`, in the types as at run time.
 */
type ObjectOperatorName = keyof TextFieldRef<unknown, unknown> | keyof ArrayFieldRef<unknown, unknown[], unknown> | "nested"
  | "constructor" | "toLocaleString" | "valueOf" | "hasOwnProperty" | "isPrototypeOf" | "propertyIsEnumerable";

type DataKeysOf<V> = {
  [K in keyof V]-?: K extends string ? (NonNullable<V[K]> extends (...args: never[]) => unknown ? never : K) : never;
}[keyof V];

/** An object of known keys: each key is a field ref of its own (`User.address.city`), typed by its value. */
export type ObjectFieldRef<R, V> = ValueFieldRef<R, V> & {
  /** The ref of a nested key, also one whose name an operator takes (`eq`, `nested`, ...). */
  nested<K extends DataKeysOf<FieldValue<V>>>(key: K): FieldRef<R, FieldValue<V>[K]>;
} & { readonly [K in Exclude<DataKeysOf<FieldValue<V>>, ObjectOperatorName>]: FieldRef<R, FieldValue<V>[K]> };

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * A model's field, used to build conditions and sorts: `User.age.gte(18)`, `User.name.asc()`,
 * `User.address.city.eq("Paris")`, `Post.tags.has("ts")`. Its operators follow its type.
 */
export type FieldRef<R, V> = unknown extends V
  ? ValueFieldRef<R, V>
  : [FieldValue<V>] extends [string]
    ? TextFieldRef<R, V>
    : [FieldValue<V>] extends [number | bigint | boolean | Date]
      ? ComparableFieldRef<R, V>
      : [FieldValue<V>] extends [Uint8Array]
        ? ValueFieldRef<R, V>
        : [FieldValue<V>] extends [readonly (infer T)[]]
          ? ArrayFieldRef<R, V, T>
          : [FieldValue<V>] extends [object]
            ? true extends IsUnion<FieldValue<V>>
              ? ValueFieldRef<R, V>
              : string extends keyof FieldValue<V>
                ? ValueFieldRef<R, V>
                : ObjectFieldRef<R, V>
            : ValueFieldRef<R, V>;

const INTEGER: ValueType = Object.freeze({ type: "integer", nullable: false });

/** The one runtime class behind every field ref; the types above choose which methods a field shows. */
class FieldRefImpl {
  readonly #field: FieldMeta;
  readonly #path: ValuePath | undefined;

  constructor(field: FieldMeta, path: ValuePath | undefined) {
    this.#field = field;
    this.#path = path;
    brandField(this, field);
    const type = path?.type ?? field;
    if (type.type === "object") {
      for (const nested of type.fields ?? []) {
        // A key named like an operator is reached with nested(key): the operator keeps its meaning.
        if (nested.name in this) continue;
        Object.defineProperty(this, nested.name, { value: this.#nested(nested.name), enumerable: true });
      }
    }
    Object.freeze(this);
  }

  #nested(key: string): FieldRefImpl {
    const type = this.#path?.type ?? this.#field;
    const nested = nestedField(type, key);
    if (!nested) throw new QueryError(`${this.toString()} has no key ${JSON.stringify(key)}`);
    return new FieldRefImpl(this.#field, valuePath([...(this.#path?.keys ?? []), key], nested, this.#path?.element ?? false));
  }

  #compare(operator: ComparisonOperator, value?: unknown): Condition<object> {
    return new Condition(comparison(this.#field, operator, value, this.#path));
  }

  eq(value: unknown) { return this.#compare("eq", value); }
  ne(value: unknown) { return this.#compare("ne", value); }
  gt(value: unknown) { return this.#compare("gt", value); }
  gte(value: unknown) { return this.#compare("gte", value); }
  lt(value: unknown) { return this.#compare("lt", value); }
  lte(value: unknown) { return this.#compare("lte", value); }
  in(values: readonly unknown[]) { return this.#compare("in", values); }
  notIn(values: readonly unknown[]) { return this.#compare("notIn", values); }
  isNull() { return this.#compare("isNull"); }
  isNotNull() { return this.#compare("isNotNull"); }
  contains(text: string) { return this.#compare("contains", text); }
  startsWith(text: string) { return this.#compare("startsWith", text); }
  endsWith(text: string) { return this.#compare("endsWith", text); }
  like(pattern: string) { return this.#compare("like", pattern); }
  ilike(pattern: string) { return this.#compare("ilike", pattern); }
  regex(pattern: string) { return this.#compare("regex", pattern); }
  has(item: unknown) { return this.#compare("has", item); }
  hasAny(items: readonly unknown[]) { return this.#compare("hasAny", items); }
  hasAll(items: readonly unknown[]) { return this.#compare("hasAll", items); }
  isEmpty() { return this.#compare("isEmpty"); }
  asc() { return new Sort<object>(sort(this.#field, "asc", this.#path)); }
  desc() { return new Sort<object>(sort(this.#field, "desc", this.#path)); }
  nested(key: string) { return this.#nested(key); }

  get length(): FieldRefImpl {
    const type = this.#path?.type ?? this.#field;
    if (type.type !== "array") throw new QueryError(`${this.toString()}.length: only an array has a length, and ${this.toString()} is ${typeName(type)}`);
    const keys = this.#path?.keys ?? [];
    return new FieldRefImpl(this.#field, valuePath(keys, INTEGER, this.#path?.element ?? false, true));
  }

  some(predicate: (item: FieldRefImpl) => Condition<object> | ConditionsOnly): Condition<object> {
    const type = this.#path?.type ?? this.#field;
    if (type.type !== "array" || !type.of) throw new QueryError(`${this.toString()}.some() needs an array field, but it is ${type.type}`);
    const given: unknown = predicate(new FieldRefImpl(this.#field, valuePath([], type.of, true)));
    return new Condition(some(this.#field, this.#path, this.#itemCondition(given)));
  }

  #itemCondition(given: unknown): ConditionNode {
    if (given instanceof Condition) return given.node;
    const node = (given as Partial<ConditionsOnly> | null)?.node;
    if (node?.kind === "query" && node.where && node.sort.length === 0 && node.limit === undefined && node.offset === 0) return node.where;
    throw new QueryError(`${this.toString()}.some() needs a function that returns a condition on the item, such as (item) => item.qty.gt(2), or when(...) of such conditions (no sort or limit)`);
  }

  toString(): string {
    return targetName(this.#field, this.#path);
  }
}

export function createFieldRef(field: FieldMeta): TextFieldRef<object, unknown> {
  return new FieldRefImpl(field, undefined) as unknown as TextFieldRef<object, unknown>;
}
