import type { MarkerKind, MarkerKindsOf } from "../model/markers.js";

// A schema's output type leaves a generated key optional (`id?: number`), because an insert
// leaves it out. A row that comes from the database always has it: these types find the fields
// the database fills in (keys and `Auto` fields) from the options given to `model()`, and make
// them present in the row type. Only what the types can see counts: markers given as decorators
// on a class are invisible to them (see `KeyNames`).

/** The names of the fields that `fields` (a `model()` option) marks with a marker of kind `K`. */
type MarkedWith<F, K extends MarkerKind> = { [P in keyof F]-?: K extends MarkerKindsOf<F[P]> ? P : never }[keyof F];

/**
 * Whether `fields` holds markers whose kinds the types cannot tell (typed `Marker`, not
 * `FlagMarker<"key">`): any of them may be a `Key`, so no field can be assumed to be the key.
 */
type UnknownMarkers<F> = true extends { [P in keyof F]-?: MarkerKind extends MarkerKindsOf<F[P]> ? true : false }[keyof F] ? true : false;

/** The `fields` option of options `O`, or `unknown` when there is none. */
type FieldsOption<O> = O extends { readonly fields?: infer F } ? NonNullable<F> : unknown;

/**
 * The key of rows of type `R` as the types see it: the fields marked `Key` in the options `O`
 * given to `model()`, or else the field named `id` (DESIGN.md §3). A class may mark its key with
 * a decorator (`@Key()`), which types cannot see: a class's field named `id` counts as its key
 * unless `options.fields` marks another, and a key elsewhere counts only when marked in options.
 */
export type KeyNames<R, O> = [MarkedWith<FieldsOption<O>, "key"> & keyof R] extends [never] ? "id" & keyof R : MarkedWith<FieldsOption<O>, "key"> & keyof R;

/** The fields the database fills in: the key, and the fields marked `Auto`. Nothing when the markers cannot be told apart. */
export type FilledNames<R, O> = UnknownMarkers<FieldsOption<O>> extends true ? never : KeyNames<R, O> | (MarkedWith<FieldsOption<O>, "auto"> & keyof R);

// The types below are written out in place (not through helper aliases) so that editors and
// messages show a row as the object it is, `{ id: number; name: string }`.

/**
 * A row of a plain object schema (Zod, Valibot, TypeBox) as it comes from the database: the
 * fields named `N` (those the database fills in) are present and never null; the others are as
 * the schema says.
 */
export type StoredObject<R, N> = [N] extends [never]
  ? R
  : ({ [P in keyof R as P extends N ? P : never]-?: NonNullable<R[P]> } & { [P in keyof R as P extends N ? never : P]: R[P] }) extends infer T
    ? { [P in keyof T]: T[P] }
    : never;

/**
 * A row of a class-based model as it comes from the database: an instance of the class (so it
 * is still assignable to the class type, private members included) whose fields `N` are present.
 */
export type StoredInstance<R, N> = [N] extends [never] ? R : R & { [P in keyof R as P extends N ? P : never]-?: NonNullable<R[P]> };
