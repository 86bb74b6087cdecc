import type { DriverSession, StoredRow } from "../driver.js";
import type { FailureHooks } from "../observe/unchecked.js";
import type { Lazy } from "../builder/lazy.js";
import type { ModelMeta } from "../model/meta.js";
import { prepareQuery } from "../query/prepare.js";
import { hydrateAll } from "../rows.js";
import { loadRelation, type LoadContext } from "./load.js";
import { relationsOf, type Relation } from "./relation.js";

/** Where a row was produced, and so where its relations load: a database, or a transaction (then its database once it ended). */
export interface RowSource {
  session(): DriverSession;
  /** That database's hooks for failed operations (`new Ommi(driver, { onError, uncheckedFailures })`), given to every result made for it. */
  readonly failures?: FailureHooks;
}

/**
 * Gives each row of `model` its relations, as properties to await. They are accessors on a
 * prototype shared by the rows of one model from one source, put between each row and the
 * prototype it had (Object's, or its class's): so they cost nothing per row until used, are no
 * own property (never serialised, spread or validated), and know where to load from.
 */
export function attachRelations<T extends object>(model: ModelMeta, rows: T[], source: RowSource): T[] {
  const relations = relationsOf(model);
  if (relations.size === 0 || rows.length === 0) return rows;
  for (const row of rows) Object.setPrototypeOf(row, prototypeFor(model, Object.getPrototypeOf(row) as object | null, source));
  return rows;
}

/** The materialising step of loading for `source`: hydrated rows with their own relations. */
export function loadContextFor(source: RowSource): LoadContext {
  let context = contexts.get(source);
  if (!context) {
    context = {
      fetch: (node) => source.session().fetch(prepareQuery(node)),
      rows: (model: ModelMeta, stored: StoredRow[]) => attachRelations(model, hydrateAll<object>(model, stored), source),
    };
    contexts.set(source, context);
  }
  return context;
}

const contexts = new WeakMap<RowSource, LoadContext>();

/** Prototypes by source, model and the prototype the rows had. */
const prototypes = new WeakMap<RowSource, Map<ModelMeta, Map<object | null, object>>>();
/** Which of our prototypes a row's relations come from, to tell them from the base. */
const ours = new WeakSet<object>();

function prototypeFor(model: ModelMeta, base: object | null, source: RowSource): object {
  // A row that already has relations (read again by an include) keeps its base.
  if (base !== null && ours.has(base)) base = Object.getPrototypeOf(base) as object | null;
  let byModel = prototypes.get(source);
  if (!byModel) prototypes.set(source, (byModel = new Map<ModelMeta, Map<object | null, object>>()));
  let byBase = byModel.get(model);
  if (!byBase) byModel.set(model, (byBase = new Map<object | null, object>()));
  let prototype = byBase.get(base);
  if (!prototype) {
    const accessors: PropertyDescriptorMap = {};
    for (const relation of relationsOf(model).values()) {
      accessors[relation.name] = {
        get(this: object) {
          return lazyOf(this, relation, source);
        },
        configurable: true,
        enumerable: false,
      };
    }
    prototype = Object.create(base, accessors) as object;
    ours.add(prototype);
    byBase.set(base, prototype);
  }
  return prototype;
}

/** The one `Lazy` of each row and relation, made on first use. */
const lazies = new WeakMap<object, Map<string, LazyRelation<unknown>>>();

function lazyOf(row: object, relation: Relation, source: RowSource): LazyRelation<unknown> {
  let byName = lazies.get(row);
  if (!byName) lazies.set(row, (byName = new Map<string, LazyRelation<unknown>>()));
  let lazy = byName.get(relation.name);
  if (!lazy) byName.set(relation.name, (lazy = new LazyRelation(row, relation, source)));
  return lazy;
}

/** A relation of one row: loads when first awaited, keeps the value, and loads again on `refresh()`. */
class LazyRelation<T> implements Lazy<T> {
  #loading: Promise<T> | undefined;

  constructor(
    readonly row: object,
    readonly relation: Relation,
    readonly source: RowSource,
  ) {
    Object.freeze(this);
  }

  then<A = T, B = never>(onLoaded?: ((value: T) => A | PromiseLike<A>) | null, onFailed?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.#loading ??= this.#load();
    return this.#loading.then(onLoaded, onFailed);
  }

  refresh(): Promise<T> {
    this.#loading = this.#load();
    return this.#loading;
  }

  #load(): Promise<T> {
    const loading = Promise.resolve()
      .then(() => loadRelation(this.relation, [this.row], loadContextFor(this.source)))
      .then((values) => values[0] as T);
    // A failed load is not kept: the next await tries again.
    loading.catch(() => {
      if (this.#loading === loading) this.#loading = undefined;
    });
    return loading;
  }

  get [Symbol.toStringTag](): string {
    return `Lazy ${this.relation.model.name}.${this.relation.name}`;
  }
}
