import { ModelError } from "../errors.js";
import { isFieldRef, isModelHandle, type FieldBrand, type ModelBrand } from "./brands.js";
import { describe } from "./describe.js";
import type { FieldType } from "./field.js";

/** What a marker says about a field. */
export type MarkerSpec =
  | { readonly kind: "key" }
  | { readonly kind: "auto" }
  | { readonly kind: "unique" }
  | { readonly kind: "index" }
  | { readonly kind: "storeAs"; readonly column: string }
  | { readonly kind: "stored"; readonly type: FieldType }
  | { readonly kind: "referenceTo"; readonly target: ReferenceTarget };

/** The kinds of marker: `"key"` for `Key`, `"storeAs"` for `StoreAs(...)`, and so on. */
export type MarkerKind = MarkerSpec["kind"];

/**
 * A field that another refers to: the field ref itself, a function returning it (for models
 * defined later), or its name, `"Model.field"`, found in the referring model's collection. A
 * model (or a function returning one) stands for its key, which must be a single field.
 */
export type ReferenceTarget = FieldBrand | (() => FieldBrand) | ModelBrand | (() => ModelBrand) | `${string}.${string}`;

/**
 * Any model's field ref. Two models that refer to each other need it once, as the return type
 * of one function form, `ReferenceTo((): AnyFieldRef => Employee.id)`: TypeScript cannot infer
 * types that depend on each other in their own initializers.
 */
export type AnyFieldRef = FieldBrand;

const MARKER = Symbol("ommi.marker");

/**
 * A marker describes a field (`fields: { id: [Key, Auto] }`) and is also a legacy property
 * decorator (`@Key()`, `@StoreAs("x")`), so class-based models can say the same thing in place.
 * Its kind is part of its type, so that `model()` sees in its options which fields are keys.
 */
export interface Marker<K extends MarkerKind = MarkerKind> {
  readonly [MARKER]: MarkerSpec & { readonly kind: K };
  (target: object, property: string | symbol): void;
}

/** A marker without arguments: `Key` in an options object, `@Key()` on a class property. */
export interface FlagMarker<K extends MarkerKind = MarkerKind> extends Marker<K> {
  (): Marker<K>;
}

/** The kinds of the marker or markers `M` given for a field: `MarkerKindsOf<[typeof Key, typeof Auto]>` is `"key" | "auto"`. */
export type MarkerKindsOf<M> = M extends readonly (infer E)[] ? MarkerKindsOf<E> : M extends { readonly [MARKER]: { readonly kind: infer K } } ? K : never;

export function isMarker(value: unknown): value is Marker {
  return typeof value === "function" && MARKER in value;
}

export function markerSpec(marker: Marker): MarkerSpec {
  return marker[MARKER];
}

function createMarker<const S extends MarkerSpec>(spec: S): FlagMarker<S["kind"]> {
  const marker = ((target?: object, property?: string | symbol): Marker<S["kind"]> | undefined => {
    if (target === undefined) return marker;
    recordDecoratedMarker(target, property, spec);
    return undefined;
  }) as FlagMarker<S["kind"]>;
  Object.defineProperty(marker, MARKER, { value: spec });
  Object.defineProperty(marker, "name", { value: spec.kind });
  return marker;
}

/** The field is (part of) the model's key. Several `Key` fields make a composite key. */
export const Key: FlagMarker<"key"> = createMarker({ kind: "key" });
/** The database generates the value when an insert leaves it out (integer keys), or Ommi does (a UUID for string keys). */
export const Auto: FlagMarker<"auto"> = createMarker({ kind: "auto" });
/** No two rows may hold the same value. */
export const Unique: FlagMarker<"unique"> = createMarker({ kind: "unique" });
/** The field is indexed for faster lookups. */
export const Index: FlagMarker<"index"> = createMarker({ kind: "index" });

/**
 * Names what a field holds where its schema cannot say (a refinement-only `z.custom<Buffer>()`,
 * an untyped class property): `fields: { avatar: Stored.binary }`, `@Stored.json()`. The schema
 * still validates every value; the marker only chooses how it is stored.
 */
export const Stored: Readonly<Record<"string" | "integer" | "float" | "boolean" | "date" | "bigint" | "binary" | "json", FlagMarker<"stored">>> = Object.freeze({
  string: createMarker({ kind: "stored", type: "string" }),
  integer: createMarker({ kind: "stored", type: "integer" }),
  float: createMarker({ kind: "stored", type: "float" }),
  boolean: createMarker({ kind: "stored", type: "boolean" }),
  date: createMarker({ kind: "stored", type: "date" }),
  bigint: createMarker({ kind: "stored", type: "bigint" }),
  binary: createMarker({ kind: "stored", type: "binary" }),
  json: createMarker({ kind: "stored", type: "json" }),
});

/** Store the field under another column name, e.g. to map a legacy table. */
export function StoreAs(column: string): Marker<"storeAs"> {
  if (typeof column !== "string" || column.length === 0) {
    throw new ModelError(`StoreAs needs a non-empty column name, got ${JSON.stringify(column)}`);
  }
  return createMarker({ kind: "storeAs", column });
}

/**
 * The field holds the value of another model's field: `ReferenceTo(Author.id)`, or
 * `ReferenceTo(() => Author.id)` for a model defined later, or `ReferenceTo("Author.id")` by
 * name (no annotation needed where models refer to each other or to themselves; checked when
 * first resolved, at the latest by `createModels()`). `ReferenceTo(Author)` refers to the key.
 */
export function ReferenceTo(target: ReferenceTarget): Marker<"referenceTo"> {
  // A function or a name is checked when it is first resolved: it may name a model defined later.
  const named = typeof target === "string" && /^.+\..+$/su.test(target);
  if (!isFieldRef(target) && !isModelHandle(target) && typeof target !== "function" && !named) {
    throw new ModelError(`ReferenceTo needs a model field, e.g. ReferenceTo(Author.id), ReferenceTo(() => Author.id) or ReferenceTo("Author.id"), got ${describe(target)}`);
  }
  return createMarker({ kind: "referenceTo", target });
}

// Markers given as decorators, per class and property. A WeakMap keeps classes collectable.
const decorated = new WeakMap<object, Map<string, MarkerSpec[]>>();

function recordDecoratedMarker(target: object, property: string | symbol | undefined, spec: MarkerSpec): void {
  if (typeof property !== "string") {
    throw new ModelError(`Ommi markers decorate named class properties, not ${String(property)}`);
  }
  const owner = typeof target === "function" ? target : target.constructor;
  let byProperty = decorated.get(owner);
  if (!byProperty) decorated.set(owner, (byProperty = new Map<string, MarkerSpec[]>()));
  byProperty.set(property, [...(byProperty.get(property) ?? []), spec]);
}

/** Markers given as decorators on a class and the classes it extends, by property. */
export function decoratedMarkers(cls: object): Map<string, MarkerSpec[]> {
  const chain: object[] = [];
  for (let current: unknown = cls; typeof current === "function" && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    chain.unshift(current);
  }
  const merged = new Map<string, MarkerSpec[]>();
  for (const owner of chain) {
    for (const [property, specs] of decorated.get(owner) ?? []) {
      merged.set(property, [...(merged.get(property) ?? []), ...specs]);
    }
  }
  return merged;
}
