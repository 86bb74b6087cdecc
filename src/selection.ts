import { QueryError } from "./errors.js";
import type { DataKeys } from "./builder/handle.js";
import type { FieldMeta, ModelMeta } from "./model/meta.js";
import { projectionOf, type Projection } from "./query/projection.js";
import type { IncludePlan } from "./relations/include.js";
import { quote } from "./util/quote.js";

// `find(...).select(...)` and `.omit(...)`: the fields users get, and what a fetch reads for them.
// A fetch may need more than the user chose (the sort and key values keyset paging continues
// from, the join values of relations to include): those are read, used, and not given.

/** What a find with a selection remembers at the type level: its rows with every field (and what include loads), and the fields chosen. */
export interface Chosen<Full, K> {
  readonly full: Full;
  readonly keys: K;
}

/** The row a find with a selection gives: the chosen fields, and the relations included. */
export type Selected<Full, Data, K> = Pick<Full, (K & keyof Full) | Exclude<DataKeys<Full>, DataKeys<Data>>>;

/** The rows a find gives with every field: what select/omit pick from. */
export type FullRow<R, Sel> = Sel extends Chosen<infer F, unknown> ? F : R;

/** The row after `include` loads more: still the chosen fields where there is a selection. */
export type IncludedSelection<Data, Sel, Loaded> = Sel extends Chosen<unknown, infer K> ? Selected<Loaded, Data, K> : Loaded;

/** The type-level selection after `include` loads more. */
export type ChosenAfterInclude<Sel, Loaded> = Sel extends Chosen<unknown, infer K> ? Chosen<Loaded, K> : undefined;

/** The fields a find gives, in model order. */
export class Selection {
  readonly #plain: Reading;

  private constructor(
    readonly model: ModelMeta,
    readonly fields: readonly FieldMeta[],
  ) {
    this.#plain = this.#reading([]);
  }

  /** The named fields (`select`), or every field but them (`omit`); a name that is no field of the model is a QueryError. */
  static of(model: ModelMeta, names: readonly unknown[], how: "select" | "omit"): Selection {
    if (names.length === 0) throw new QueryError(`${model.name} ${how}() takes at least one field name`);
    const named = new Set<FieldMeta>();
    for (const name of names) {
      const field = typeof name === "string" ? model.field(name) : undefined;
      if (!field) {
        throw new QueryError(`${model.name} ${how}(): ${quote(name)} is not a field of ${model.name} (its fields: ${model.fields.map((each) => each.name).join(", ")})`);
      }
      named.add(field);
    }
    const fields = model.fields.filter((field) => named.has(field) === (how === "select"));
    if (fields.length === 0) throw new QueryError(`${model.name} omit() leaves no field to read`);
    return new Selection(model, fields);
  }

  /**
   * What a fetch reads: these fields, the join fields of the relations `include` loads, and
   * `needed` (sort and key fields for paging). `hidden` when some of that is not to be given.
   */
  reading(include: IncludePlan | undefined, needed: readonly FieldMeta[] = []): Reading {
    if (!include && needed.length === 0) return this.#plain;
    const joins = include ? include.entries.flatMap((entry) => entry.relation.path[0]?.from ?? []) : [];
    return this.#reading([...joins, ...needed]);
  }

  #reading(more: readonly FieldMeta[]): Reading {
    const read = new Set([...this.fields, ...more]);
    return { projection: projectionOf(this.model, read), hidden: read.size > this.fields.length };
  }

  /**
   * Rows as users get them: plain objects of the chosen fields (a partial instance of a class
   * model would lie about what it holds) and the relations included; copies only where the
   * fetch read more than that.
   */
  visible(rows: object[], reading: Reading, include: IncludePlan | undefined): object[] {
    if (!reading.hidden) return rows;
    const names = [...this.fields.map((field) => field.name), ...(include?.entries.map((entry) => entry.relation.name) ?? [])];
    return rows.map((row) => {
      const source = row as Record<string, unknown>;
      const shown: Record<string, unknown> = {};
      for (const name of names) if (Object.hasOwn(source, name)) shown[name] = source[name];
      return shown;
    });
  }
}

/** What one fetch of a find with a selection reads. */
export interface Reading {
  readonly projection: Projection | undefined;
  /** It reads fields that are not to be given: rows are copied without them. */
  readonly hidden: boolean;
}
