import type { FieldBrand } from "../model/brands.js";
import type { ModelHandle } from "../builder/handle.js";

declare const DECLARED: unique symbol;

/** The fields that hold a reference: one field ref, or several for a composite reference. */
export type ReferenceFields = FieldBrand | readonly FieldBrand[];

/** What `one(...)` and `many(...)` are given besides the target. */
export interface JoinOptions {
  /**
   * The reference to follow, named by the fields that hold it: fields of this model (the row
   * they point to) or of the target (the rows pointing to this one). Needed only when the two
   * models are joined by more than one reference; for a reference of a model to itself, `one`
   * follows it forward (a parent) and `many` backward (the children).
   */
  readonly by?: ReferenceFields;
}

/** What `many(...)` is given for a relation through an association model. */
export interface ThroughOptions {
  /** The association model: each of its rows joins a row of this model to one of the target. */
  readonly through: ModelHandle<unknown, unknown>;
  /** The association's fields that refer to this model; needed only when it refers to it more than once. */
  readonly from?: ReferenceFields;
  /** The association's fields that refer to the target; needed only when it refers to it more than once. */
  readonly to?: ReferenceFields;
}

/** A relation as declared, before `relations()` resolves how it joins. */
export interface RelationDeclaration {
  readonly kind: "one" | "many";
  readonly target: ModelHandle<unknown, unknown>;
  readonly by?: ReferenceFields;
  readonly through?: ThroughOptions;
}

/** A to-one relation to the model of handle `H`; `B` is the type of its `by` (for its nullability). */
export interface OneRelation<H, B = undefined> extends RelationDeclaration {
  readonly kind: "one";
  /** Only for the type checker. */
  readonly [DECLARED]?: { readonly target: H; readonly by: B };
}

/** A to-many relation to the model of handle `H`. */
export interface ManyRelation<H> extends RelationDeclaration {
  readonly kind: "many";
  /** Only for the type checker. */
  readonly [DECLARED]?: { readonly target: H };
}

/** The helpers `relations()` gives its callback, typed by the models `M` it was given. */
export interface RelationHelpers<M> {
  /** The one row of `target` this row is related to: `author: one(User, { by: Post.authorId })`. */
  readonly one: <const H extends M[keyof M], const B extends ReferenceFields | undefined = undefined>(target: H, options?: { readonly by?: B }) => OneRelation<H, B>;
  /** Every row of `target` related to this row, directly or `through` an association model. */
  readonly many: <const H extends M[keyof M]>(target: H, options?: JoinOptions | ThroughOptions) => ManyRelation<H>;
}

function declaration(kind: "one" | "many", target: ModelHandle<unknown, unknown>, options: JoinOptions | ThroughOptions | undefined): RelationDeclaration {
  const through = options && "through" in options ? options : undefined;
  const by = options && "by" in options ? options.by : undefined;
  return Object.freeze({ kind, target, by, through });
}

/** The helpers as they run: they only record what was declared. */
export const RELATION_HELPERS: RelationHelpers<Record<string, ModelHandle<unknown, unknown>>> = Object.freeze({
  one: (target: ModelHandle<unknown, unknown>, options?: JoinOptions) => declaration("one", target, options),
  many: (target: ModelHandle<unknown, unknown>, options?: JoinOptions | ThroughOptions) => declaration("many", target, options),
}) as RelationHelpers<Record<string, ModelHandle<unknown, unknown>>>;
