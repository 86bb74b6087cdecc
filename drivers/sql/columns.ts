import { isStructured, type ModelMeta } from "../../src/kit/driver.js";
import type { ColumnType } from "./dialect.js";

/**
 * A dialect's Drizzle column, by its name, for each kind of stored value; every structured value
 * (object, array, record, JSON value, union) is one kind, JSON in the column the dialect keeps it
 * in. Values are encoded by the dialect, so only a column's name and kind matter to Drizzle.
 */
export type ColumnBuilders<C> = Readonly<Record<ColumnType | "structured", (column: string) => C>>;

/** A model's Drizzle columns by field name, each from its kind's builder: what a dialect's table is built of. */
export function drizzleColumns<C>(model: ModelMeta, builders: ColumnBuilders<C>): Record<string, C> {
  return Object.fromEntries(model.fields.map((field) => [field.name, builders[isStructured(field) ? "structured" : (field.type as ColumnType)](field.column)]));
}
