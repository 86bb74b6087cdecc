import { NoResultError, QueryError } from "../errors.js";
import type { StoredRow } from "../driver.js";
import type { FieldMeta, ModelMeta } from "../model/meta.js";
import { hopEnds, type Hop } from "../model/paths.js";
import { and, comparison, query, sort, type QueryNode } from "../query/nodes/index.js";
import type { Relation } from "./relation.js";

/** What loading needs from its caller: where queries run, and how stored rows become rows. */
export interface LoadContext {
  fetch(node: QueryNode): Promise<StoredRow[]>;
  /** The rows users get for stored rows of `model` (hydrated, with their own relations). */
  rows(model: ModelMeta, stored: StoredRow[]): object[];
}

type Row = Record<string, unknown>;

/**
 * The related value of each row (a row or null for `one`, an array for `many`), in the rows'
 * order, with one query per hop whatever the number of rows: the related rows are selected by
 * the rows' join values (`in`, one bound list per field), then matched to each row in memory.
 * A composite join selects by each field's list and keeps the rows whose whole tuple matches.
 */
export async function loadRelation(relation: Relation, rows: readonly object[], context: LoadContext): Promise<unknown[]> {
  const first = relation.path[0] as Hop;
  for (const row of rows) checkJoinValues(relation, first, row as Row);
  // The frontier, flat: the rows reached so far, each with the index of the row it started from.
  let reached = rows as readonly Row[];
  let origins: readonly number[] = rows.map((_, index) => index);
  let lastFound: readonly Row[] = [];
  for (let step = 0; step < relation.path.length; step++) {
    const hop = relation.path[step] as Hop;
    const keys = reached.map((row) => tupleKey(hop.from, row));
    const wanted = distinctTuples(hop.from, reached, keys);
    const last = step === relation.path.length - 1;
    const stored = wanted.length === 0 ? [] : await context.fetch(selectMatching(hop, wanted, last));
    const found = last ? (context.rows(hopEnds(hop).to, stored) as Row[]) : stored;
    if (last) lastFound = found;
    const byKey = groupByKey(hop.to, found);
    const next: Row[] = [];
    const nextOrigins: number[] = [];
    keys.forEach((key, index) => {
      for (const match of (key === undefined ? undefined : byKey.get(key)) ?? []) {
        next.push(match);
        nextOrigins.push(origins[index] as number);
      }
    });
    reached = next;
    origins = nextOrigins;
  }
  return relation.kind === "one" ? toOne(relation, rows, reached, origins) : toMany(relation, rows.length, reached, origins, lastFound);
}

/** The first row reached from each row (in key order), or null; a required one that is missing is an error. */
function toOne(relation: Relation, rows: readonly object[], reached: readonly Row[], origins: readonly number[]): unknown[] {
  const result: (Row | null)[] = rows.map(() => null);
  reached.forEach((row, index) => {
    const origin = origins[index] as number;
    result[origin] ??= row;
  });
  if (relation.required) {
    const missing = result.indexOf(null);
    if (missing >= 0) throw missingRow(relation, relation.path[0] as Hop, rows[missing] as Row);
  }
  return result;
}

/**
 * The rows reached from each row, in the order the last query gave them (key order). Through an
 * association model they are reached in the association rows' order, and a row may be reached
 * twice (two association rows): each is listed once, in the last query's order.
 */
function toMany(relation: Relation, count: number, reached: readonly Row[], origins: readonly number[], lastFound: readonly Row[]): unknown[] {
  const result: Row[][] = Array.from({ length: count }, () => []);
  reached.forEach((row, index) => (result[origins[index] as number] as Row[]).push(row));
  if (relation.path.length === 1) return result;
  const position = new Map(lastFound.map((row, index) => [row, index]));
  const order = (a: Row, b: Row) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  return result.map((related) => [...new Set(related)].sort(order));
}

function groupByKey(fields: readonly FieldMeta[], rows: readonly Row[]): Map<JoinKey, Row[]> {
  const byKey = new Map<JoinKey, Row[]>();
  for (const row of rows) {
    const key = tupleKey(fields, row);
    if (key === undefined) continue;
    const matching = byKey.get(key);
    if (matching) matching.push(row);
    else byKey.set(key, [row]);
  }
  return byKey;
}

/**
 * A key, or a field that cannot be left out, that is `undefined` means the object was never
 * stored as it is: no query may look for it. (An optional field left out refers to nothing.)
 */
function checkJoinValues(relation: Relation, hop: Hop, row: Row): void {
  for (const field of hop.from) {
    if (row[field.name] === undefined && (field.key || !field.optional)) {
      throw new QueryError(
        `${relation.model.name}.${relation.name} cannot load: this ${relation.model.name} has no ${field.name} (undefined); relations load for rows as Ommi stored or read them`,
      );
    }
  }
}

function missingRow(relation: Relation, hop: Hop, row: Row): NoResultError {
  const held = hop.from.map((field, index) => `${(hop.to[index] as FieldMeta).name} = ${String(row[field.name])}`).join(", ");
  return new NoResultError(`${relation.model.name}.${relation.name}: no ${relation.target.name} has ${held}, although ${relation.model.name} refers to it`);
}

/** The rows of the hop's far model whose join fields hold one of the tuples; the last hop's in key order. */
function selectMatching(hop: Hop, tuples: readonly (readonly unknown[])[], sorted: boolean): QueryNode {
  // The tuples are distinct already; one field of a composite join may repeat a value across them.
  const valuesAt = (index: number) => tuples.map((tuple) => tuple[index]);
  const listOf = (index: number) => (tuples[0]?.length === 1 ? valuesAt(index) : distinct(valuesAt(index)));
  const conditions = hop.to.map((field, index) => comparison(field, "in", listOf(index).map((value) => asValueOf(field, value))));
  const model = hopEnds(hop).to;
  const order = sorted ? model.keys.map((key) => sort(key, "asc")) : [];
  return query(model, { where: conditions.length === 1 ? conditions[0] : and(conditions), sort: order });
}

/** The distinct tuples of join values of the rows reached (`keys` are theirs); one with a null in it joins nothing. */
function distinctTuples(fields: readonly FieldMeta[], rows: readonly Row[], keys: readonly (JoinKey | undefined)[]): (readonly unknown[])[] {
  const tuples = new Map<JoinKey, readonly unknown[]>();
  keys.forEach((key, index) => {
    if (key !== undefined && !tuples.has(key)) tuples.set(key, fields.map((field) => (rows[index] as Row)[field.name]));
  });
  return [...tuples.values()];
}

/**
 * A Map key that is equal for equal join values: the value itself for one field (the fields of a
 * reference have one type, so a string never meets a number), a string for several; an integer
 * and a bigint of one value meet. Undefined when a value is null: it joins nothing.
 */
function tupleKey(fields: readonly FieldMeta[], row: Row): JoinKey | undefined {
  if (fields.length === 1) return valueKey(row[(fields[0] as FieldMeta).name]);
  let key = "";
  for (const field of fields) {
    const part = valueKey(row[field.name]);
    if (part === undefined) return undefined;
    const text = typeof part === "number" ? `n${part}` : `s${part}`;
    key += `${text.length}:${text}`;
  }
  return key;
}

type JoinKey = string | number;

function valueKey(value: unknown): JoinKey | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : `${value}n`;
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return value === true ? "true" : "false";
}

/** A reference between an integer and a bigint field compares the value in the far field's type. */
function asValueOf(field: FieldMeta, value: unknown): unknown {
  if (field.type === "bigint" && typeof value === "number") return BigInt(value);
  if (field.type === "integer" && typeof value === "bigint" && Number.isSafeInteger(Number(value))) return Number(value);
  return value;
}

function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Map<JoinKey, unknown>();
  for (const value of values) seen.set(valueKey(value) ?? "", value);
  return [...seen.values()];
}
