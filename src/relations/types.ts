import type { FieldRef, FieldTypesOf } from "../builder/field-ref.js";
import type { DataKeys, InputOf, ModelHandle, RowOf } from "../builder/handle.js";
import type { Lazy } from "../builder/lazy.js";
import type { ManyRelation, OneRelation, RelationDeclaration } from "./declaration.js";

// The types of models with relations. `M` maps names to the model handles given to
// `relations()`, `L` maps some of those names to their declared relations. A relation names its
// target by handle; the row type of the target is found in `M` and extended with the target's
// own relations from `L`, so that chains (`(await (await post.author).department).name`) type.

/** The models given to `relations()`. */
export type ModelMap = Readonly<Record<string, ModelHandle<unknown, unknown>>>;

/** What the callback of `relations()` returns: relations by name, for some of the models. */
export type RelationMap<M> = { readonly [K in keyof M]?: Readonly<Record<string, RelationDeclaration>> };

/** The name under which `M` holds handle `H`. */
type NameOf<M, H> = { [K in keyof M]: [M[K]] extends [H] ? ([H] extends [M[K]] ? K : never) : never }[keyof M];

/** A row of the model named `K`: its data, and each of its relations as a `Lazy` property. */
export type RelationalRow<M, L, K extends keyof M> = RowOf<M[K]> & RelationsOf<M, L, K>;

type RelationsOf<M, L, K extends keyof M> = K extends keyof L ? { readonly [P in keyof L[K]]: Lazy<Related<M, L, RowOf<M[K]>, L[K][P]>> } : unknown;

/** What awaiting a relation gives. */
type Related<M, L, Own, D> =
  D extends ManyRelation<infer H>
    ? RelationalRow<M, L, NameOf<M, H> & keyof M>[]
    : D extends OneRelation<infer H, infer B>
      ? RelationalRow<M, L, NameOf<M, H> & keyof M> | (AlwaysThere<B, Own> extends true ? never : null)
      : never;

/**
 * A to-one is always there when `by` names fields of the model's own row that are all required:
 * the database holds a reference to an existing row (a foreign key) in every row.
 */
type AlwaysThere<B, Own> = B extends readonly unknown[] ? (false extends RequiredOwn<B[number], Own> ? false : true) : RequiredOwn<B, Own>;

type RequiredOwn<F, Own> = F extends unknown
  ? FieldTypesOf<F> extends { readonly row: infer R; readonly value: infer V }
    ? [R] extends [Own]
      ? [Own] extends [R]
        ? null extends V
          ? false
          : undefined extends V
            ? false
            : true
        : false
      : false
    : false
  : never;

/** The handle of the model named `K`, typed with its relations: what `relations()` returns for it. */
export type RelationalModel<M, L, K extends keyof M> = {
  readonly [F in DataKeys<RowOf<M[K]>>]: FieldRef<RelationalRow<M, L, K>, RowOf<M[K]>[F]>;
} & ModelHandle<RelationalRow<M, L, K>, InputOf<M[K]>>;

/** Every model given to `relations()`, typed with its relations. */
export type RelationalModels<M, L> = { readonly [K in keyof M]: RelationalModel<M, L, K> };

/** The relations of a row type: its `Lazy` properties. */
export type RelationNames<R> = { [K in keyof R]-?: NonNullable<R[K]> extends Lazy<unknown> ? K : never }[keyof R] & string;

type Awaited_<X> = X extends Lazy<infer T> ? T : never;
type RelatedRow<T> = T extends readonly (infer E)[] ? E : NonNullable<T>;

/**
 * What `find(...).include(...)` takes: relation names, each `true` or the relations to include
 * in turn on the related rows: `{ author: true, comments: { author: true } }`.
 */
export type IncludeSpec<R> = { readonly [K in RelationNames<R>]?: true | IncludeSpec<RelatedRow<Awaited_<R[K]>>> };

/**
 * `S` with every name that is no relation typed `never`, at every depth: an include spec is
 * checked exactly, also where the related model has no relations at all (where `IncludeSpec`
 * alone would be `{}`, which takes anything).
 */
export type ExactInclude<S, R> = {
  readonly [K in keyof S]: K extends RelationNames<R> ? (S[K] extends true ? true : ExactInclude<S[K], RelatedRow<Awaited_<R[K]>>>) : never;
};

/** A row with the relations of `S` loaded: plain values in place of their `Lazy` properties. */
export type Included<R, S> = Omit<R, keyof S> & { readonly [K in keyof S & keyof R]: IncludedValue<Awaited_<R[K]>, S[K]> };

type IncludedValue<T, S> = S extends true
  ? T
  : T extends readonly (infer E)[]
    ? Included<E, S>[]
    : Included<NonNullable<T>, S> | Extract<T, null>;
