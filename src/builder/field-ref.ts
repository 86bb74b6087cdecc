import { brandField, type FieldBrand } from "../model/brands.js";
import type { FieldMeta } from "../model/meta.js";
import { comparison, type ComparisonOperator } from "../query/nodes/comparison.js";
import { sort } from "../query/nodes/sort.js";
import { Condition } from "./condition.js";
import { Sort } from "./sort.js";

/** The non-null value type of a field whose row type is `V`. */
export type FieldValue<V> = Exclude<V, null | undefined>;

/** Operators every field has. `eq(null)` is `isNull()`, `ne(null)` is `isNotNull()`. */
export interface ComparableFieldRef<R, V> extends FieldBrand<FieldMeta> {
  eq(value: FieldValue<V> | null): Condition<R>;
  ne(value: FieldValue<V> | null): Condition<R>;
  gt(value: FieldValue<V>): Condition<R>;
  gte(value: FieldValue<V>): Condition<R>;
  lt(value: FieldValue<V>): Condition<R>;
  lte(value: FieldValue<V>): Condition<R>;
  in(values: readonly FieldValue<V>[]): Condition<R>;
  notIn(values: readonly FieldValue<V>[]): Condition<R>;
  isNull(): Condition<R>;
  isNotNull(): Condition<R>;
  asc(): Sort<R>;
  desc(): Sort<R>;
}

/** Operators only string fields have. All are case-sensitive except `ilike`. */
export interface TextFieldRef<R, V> extends ComparableFieldRef<R, V> {
  /**
   * Contains the literal text (no wildcards). Patterns of every text operator are bounded in
   * length (README, Limits): a longer one is a `QueryError`.
   */
  contains(text: string): Condition<R>;
  /** Begins with the literal text. */
  startsWith(text: string): Condition<R>;
  /** Ends with the literal text. */
  endsWith(text: string): Condition<R>;
  /** The whole text matches the LIKE pattern: `%` any run of characters, `_` one character (code point), `\` makes the next literal. */
  like(pattern: string): Condition<R>;
  /** `like`, ignoring case by Unicode simple case folding (as JavaScript's `/…/iu`), the same on every database. */
  ilike(pattern: string): Condition<R>;
  /**
   * The regular expression matches somewhere in the text, case-sensitively. Ommi's own dialect,
   * the same on every database (README, "The regex dialect"): literals, `.` (any character,
   * newline included), classes `[a-z]` `[^…]`, ASCII-only `\d \w \s` and their complements,
   * `^ $` (ends of the whole text), groups, `|`, and `* + ? {n,m}` (counts up to 255). Anything
   * else (`\b`, lookaround, backreferences, `\p{…}`, flags) is a `QueryError` before any query runs.
   */
  regex(pattern: string): Condition<R>;
}

/** A model's field, used to build conditions and sorts: `User.age.gte(18)`, `User.name.asc()`. */
export type FieldRef<R, V> = [FieldValue<V>] extends [string] ? TextFieldRef<R, V> : ComparableFieldRef<R, V>;

/** The one runtime class behind every field ref; the types above choose which methods a field shows. */
class FieldRefImpl implements Omit<TextFieldRef<object, unknown>, keyof FieldBrand> {
  readonly #field: FieldMeta;

  constructor(field: FieldMeta) {
    this.#field = field;
    brandField(this, field);
    Object.freeze(this);
  }

  #compare(operator: ComparisonOperator, value?: unknown): Condition<object> {
    return new Condition(comparison(this.#field, operator, value));
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
  asc() { return new Sort<object>(sort(this.#field, "asc")); }
  desc() { return new Sort<object>(sort(this.#field, "desc")); }

  toString(): string {
    return `${this.#field.model.name}.${this.#field.name}`;
  }
}

export function createFieldRef(field: FieldMeta): TextFieldRef<object, unknown> {
  return new FieldRefImpl(field) as unknown as TextFieldRef<object, unknown>;
}
