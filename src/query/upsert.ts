import { QueryError } from "../errors.js";
import { fieldOf, isFieldRef } from "../model/brands.js";
import type { FieldMeta, ModelMeta } from "../model/meta.js";
import { quote } from "../util/quote.js";

/** What `upsert` does with a matched row, as the user said it: the fields to set, every field given, or none. */
export type UpdateChoice = readonly string[] | "all" | "none";

/** An upsert's conflict as Ommi checked it: the fields that find a stored row, and what to set on it. */
export interface ConflictPlan {
  readonly on: readonly FieldMeta[];
  /** The fields to set, or "all" (each row's given fields, decided per row) or "none". */
  readonly update: readonly FieldMeta[] | "all" | "none";
}

/**
 * Checks an upsert's `on` and `update` against the model before anything runs. `on` finds the
 * stored row: the key (all its fields, the default) or one `Unique` field, since only those have
 * the unique index that SQL's ON CONFLICT needs and that makes a match one row. `handle` is the
 * model's handle: its own refs are its top-level fields (a ref to a value inside a field is not).
 */
export function planConflict(model: ModelMeta, handle: object, on: unknown, update: unknown): ConflictPlan {
  const onFields = on === undefined ? model.keys : onFieldsOf(model, handle, on);
  return Object.freeze({ on: Object.freeze([...onFields]), update: updateOf(model, onFields, update) });
}

function onFieldsOf(model: ModelMeta, handle: object, on: unknown): FieldMeta[] {
  const refs: unknown[] = Array.isArray(on) ? on : [on];
  const where = `upsert into ${model.name}`;
  if (refs.length === 0) throw new QueryError(`${where}: on names no field; leave it out to use the key (${names(model.keys)})`);
  const fields = refs.map((ref) => fieldOfRef(model, handle, ref, where));
  const keys = fields.filter((field) => field.key);
  if (keys.length > 0) {
    const missing = model.keys.filter((key) => !fields.includes(key));
    const others = fields.filter((field) => !field.key);
    if (others.length === 0 && missing.length === 0 && new Set(fields).size === fields.length) return fields;
    if (others.length > 0) throw new QueryError(`${where}: on names the key with ${names(others)}; name the key (${names(model.keys)}) or one Unique field`);
    if (missing.length > 0) throw new QueryError(`${where}: on names ${names(keys)}, part of the key; name all of it (${names(model.keys)})`);
    throw new QueryError(`${where}: on names ${names(keys)} more than once`);
  }
  const [first] = fields;
  if (fields.length > 1) {
    throw new QueryError(`${where}: on names ${names(fields)}; a stored row is found by the key (${names(model.keys)}) or by one Unique field, which has a unique index of its own`);
  }
  if (!first?.unique) {
    throw new QueryError(
      `${where}: on names ${model.name}.${first?.name ?? "?"}, which is neither the key nor Unique; a stored row is found by the key (${names(model.keys)}) or by one Unique field`,
    );
  }
  return fields;
}

function fieldOfRef(model: ModelMeta, handle: object, ref: unknown, where: string): FieldMeta {
  if (!isFieldRef(ref)) throw new QueryError(`${where}: on takes fields of ${model.name} (such as ${model.name}.${model.keys[0]?.name ?? "id"}), got ${quote(ref)}`);
  const field = fieldOf(ref) as FieldMeta;
  if (field.model !== model) throw new QueryError(`${where}: on names ${field.model.name}.${field.name}, a field of another model`);
  if ((handle as Record<string, unknown>)[field.name] !== ref) throw new QueryError(`${where}: on names ${(ref as { toString(): string }).toString()}, a value inside a field; name a whole field`);
  return field;
}

function updateOf(model: ModelMeta, on: readonly FieldMeta[], update: unknown): ConflictPlan["update"] {
  const where = `upsert into ${model.name}`;
  if (update === "all" || update === "none") return update;
  if (!Array.isArray(update)) throw new QueryError(`${where}: update takes "all", "none" or a list of field names, got ${quote(update)}`);
  const fields = update.map((name: unknown) => {
    const field = typeof name === "string" ? model.field(name) : undefined;
    if (!field) throw new QueryError(`${where}: update names ${quote(name)}, which is not a field of ${model.name} (fields: ${model.fields.map((each) => each.name).join(", ")})`);
    if (field.key) throw new QueryError(`${where}: update names ${model.name}.${field.name}, the key; upsert never changes a stored row's key`);
    if (on.includes(field)) throw new QueryError(`${where}: update names ${model.name}.${field.name}, which on finds the row by; it is equal already`);
    return field;
  });
  return Object.freeze([...new Set(fields)]);
}

/**
 * The fields "all" sets for one input row: those it gives a value (the schema's defaults are not
 * given), except the key and the `on` fields.
 */
export function givenFields(model: ModelMeta, on: readonly FieldMeta[], input: unknown): FieldMeta[] {
  const row = input as Record<string, unknown>;
  return model.fields.filter((field) => !field.key && !on.includes(field) && row[field.name] !== undefined);
}

/**
 * Refuses two rows of one upsert that match the same stored row: databases disagree on them
 * (PostgreSQL refuses to change a row twice in one statement, SQLite changes it twice), so Ommi
 * refuses them on every database, before anything is written. Rows with a null `on` value match
 * nothing and are not compared.
 */
export function checkDistinct(model: ModelMeta, on: readonly FieldMeta[], rows: readonly Record<string, unknown>[]): void {
  const seen = new Map<string, number>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Record<string, unknown>;
    const values = on.map((field) => row[field.name]);
    if (values.some((value) => value === null || value === undefined)) continue;
    const identity = JSON.stringify(values.map(identityOf));
    const earlier = seen.get(identity);
    if (earlier === undefined) {
      seen.set(identity, index);
      continue;
    }
    const shown = on.map((field, position) => `${field.name} ${quote(values[position])}`).join(", ");
    throw new QueryError(`upsert into ${model.name}: values ${earlier} and ${index} have the same ${shown}; one call may give each stored row once`);
  }
}

/** A scalar as text that is equal exactly when the database's unique index says the values are equal. */
function identityOf(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof Uint8Array) return `x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
  // String(-0) is "0": a unique index holds 0 and -0 equal too.
  return `${typeof value}:${String(value)}`;
}

function names(fields: readonly FieldMeta[]): string {
  return fields.map((field) => field.name).join(", ");
}

/** Rows of one upsert that set the same fields on a match: one call of the driver each. */
export interface ConflictGroup {
  readonly conflict: { readonly on: readonly FieldMeta[]; readonly update: readonly FieldMeta[] | "none" };
  /** The positions of its rows among the call's rows. */
  readonly indexes: readonly number[];
}

/**
 * The rows grouped by what a match sets: one group for a list of fields or "none"; for "all",
 * one per set of fields given (rows of one call usually give the same fields: one group).
 */
export function conflictGroups(model: ModelMeta, plan: ConflictPlan, inputs: readonly unknown[]): ConflictGroup[] {
  const { on, update } = plan;
  if (update !== "all") return [{ conflict: { on, update }, indexes: inputs.map((_, index) => index) }];
  const groups = new Map<string, { conflict: ConflictGroup["conflict"]; indexes: number[] }>();
  inputs.forEach((input, index) => {
    const fields = givenFields(model, on, input);
    const shape = fields.map((field) => field.index).join(",");
    let group = groups.get(shape);
    if (!group) groups.set(shape, (group = { conflict: { on, update: Object.freeze(fields) }, indexes: [] }));
    group.indexes.push(index);
  });
  return [...groups.values()];
}
