import { isIncrement, type FieldMeta, type ModelMeta, type PreparedPatch, type PreparedQuery } from "../../src/kit/driver.js";
import type { CompiledStatement } from "./compiled.js";
import { StatementCache } from "./statement-cache.js";
import type { StatementBuilder } from "./statements.js";

/** The kinds of statement compiled from queries; each kind has its own cache. */
export type StatementKind = "select" | "first" | "count" | "update" | "delete" | "updateReturning";

/** Turns a compiled statement into what a driver keeps for it (a prepared statement, or the text itself). */
export type Keep<T> = (compiled: CompiledStatement, kind: StatementKind, model: ModelMeta) => T;

/**
 * The statements a SQL driver runs for queries, each compiled once per query shape and kept in
 * the form the driver runs it. One cache per kind, keyed by the shape as `prepareQuery` spells
 * it, so a cache hit builds no key.
 */
export class StatementSet<T> {
  readonly #caches: Record<StatementKind, StatementCache<T>> = {
    select: new StatementCache<T>(),
    first: new StatementCache<T>(),
    count: new StatementCache<T>(),
    update: new StatementCache<T>(),
    delete: new StatementCache<T>(),
    updateReturning: new StatementCache<T>(),
  };

  /**
   * Counts `clear()`s: what holds a statement of this set beyond one call (a prepared query's
   * shape, see prepared.ts) asks for it again when the count moved, as the set itself would.
   */
  #generation = 0;

  constructor(
    private readonly builder: StatementBuilder,
    private readonly keep: Keep<T>,
  ) {}

  get generation(): number {
    return this.#generation;
  }

  select(query: PreparedQuery): T {
    return this.#get("select", query.key, query, compileSelect);
  }

  /** A select of at most one row, without LIMIT (see StatementBuilder.selectFirst). */
  first(query: PreparedQuery): T {
    return this.#get("first", query.key, query, compileFirst);
  }

  count(query: PreparedQuery): T {
    return this.#get("count", query.key, query, compileCount);
  }

  update(query: PreparedQuery, patch: PreparedPatch): T {
    return this.#get("update", patchShape(patch, query), query, compileUpdate, patch);
  }

  /** An update that gives the changed rows (UPDATE ... RETURNING). */
  updateReturning(query: PreparedQuery, patch: PreparedPatch): T {
    return this.#get("updateReturning", patchShape(patch, query), query, compileUpdateReturning, patch);
  }

  delete(query: PreparedQuery): T {
    return this.#get("delete", query.key, query, compileDelete);
  }

  /** Forgets every statement, e.g. after tables were dropped. */
  clear(): void {
    for (const cache of Object.values(this.#caches)) cache.clear();
    this.#generation++;
  }

  // A hit allocates nothing: the compilers below are module constants, not closures per call.
  #get(kind: StatementKind, key: string, query: PreparedQuery, compile: Compile, patch?: PreparedPatch): T {
    const cache = this.#caches[kind];
    return cache.find(key) ?? cache.add(key, this.keep(compile(this.builder, query, patch), kind, query.node.model));
  }
}

type Compile = (builder: StatementBuilder, query: PreparedQuery, patch?: PreparedPatch) => CompiledStatement;

const compileSelect: Compile = (builder, query) => builder.select(query);
const compileFirst: Compile = (builder, query) => builder.selectFirst(query);
const compileCount: Compile = (builder, query) => builder.count(query);
const compileDelete: Compile = (builder, query) => builder.delete(query);
const compileUpdate: Compile = (builder, query, patch) => builder.update(query, patch as PreparedPatch);
const compileUpdateReturning: Compile = (builder, query, patch) => builder.update(query, patch as PreparedPatch, true);

/** The shape of an update: the fields set (an increment, `+`, is a shape of its own) and the query's. */
function patchShape(patch: PreparedPatch, query: PreparedQuery): string {
  let key = "";
  for (let index = 0; index < patch.fields.length; index++) {
    key += `${(patch.fields[index] as FieldMeta).index}${isIncrement(patch.values[index]) ? "+" : ""},`;
  }
  return `${key}:${query.key}`;
}
