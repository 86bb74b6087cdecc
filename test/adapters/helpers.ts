import { metaOf, ModelCollection, Ommi, type DBResult, type Driver, type ModelHandle } from "ommi";
import type { StoredRow } from "ommi/driver";
import type { Validated } from "ommi/adapter";

type Handle = ModelHandle<unknown, unknown>;

/** Each field as its adapter read it, by name: what the field-reading tests compare. */
export function fieldsOf(handle: Handle): Record<string, { type: string; optional: boolean; nullable: boolean; values?: readonly unknown[] }> {
  return Object.fromEntries(
    metaOf(handle).fields.map(({ name, type, optional, nullable, values }) => [name, { type, optional, nullable, ...(values ? { values } : {}) }]),
  );
}

/** A type tree (or part of one) as tests compare it. */
export type Tree = Record<string, unknown>;

/** Each field's type tree as the adapter read it (and ModelMeta kept it), by name, without the column details. */
export function treesOf(handle: Handle): Record<string, Tree> {
  return Object.fromEntries(
    metaOf(handle).fields.map(({ name, type, optional, nullable, values, fields, of, options, discriminator }) => [
      name,
      { type, optional, nullable, ...(values ? { values } : {}), ...(fields ? { fields } : {}), ...(of ? { of } : {}), ...(options ? { options } : {}), ...(discriminator ? { discriminator } : {}) },
    ]),
  );
}

/** One field's type tree, with its name. */
export function treeOf(handle: Handle, name: string): Tree {
  const tree = treesOf(handle)[name];
  if (!tree) throw new Error(`no field ${name}`);
  return { name, ...tree };
}

/** A nested key as a tree holds it: required and not null unless `more` says otherwise. */
export const key = (name: string, type: string, more: Tree = {}): Tree => ({ name, type, optional: false, nullable: false, ...more });
/** An item or value type (no optionality of its own). */
export const value = (type: string, more: Tree = {}): Tree => ({ type, nullable: false, ...more });
/** A top-level field's tree, without its name. */
export const field = (type: string, more: Tree = {}): Tree => ({ type, optional: false, nullable: false, ...more });

/** A name, and a collection of its own for each model, so that tests may reuse model names. */
export function isolated(name: string): { name: string; collection: ModelCollection } {
  return { name, collection: new ModelCollection() };
}

export async function validate(handle: Handle, input: unknown): Promise<Validated> {
  return metaOf(handle).schema.validate(input);
}

export async function validatePatch(handle: Handle, patch: Record<string, unknown>): Promise<Validated> {
  return metaOf(handle).schema.validatePatch(patch);
}

/**
 * Adds through the real `Ommi` interface layer (which validates, then calls the driver) over a
 * driver that stores nothing and hands back what it was given, to see what reaches a driver.
 */
export async function addThroughOmmi<R, I>(handle: ModelHandle<R, I>, input: I): Promise<{ result: DBResult<R[]>; stored: StoredRow[] }> {
  const stored: StoredRow[] = [];
  const driver = {
    name: "echo",
    add: (_model: unknown, rows: readonly StoredRow[]) => {
      stored.push(...rows);
      return Promise.resolve([...rows]);
    },
  } as unknown as Driver;
  const result = await new Ommi(driver).add(handle, input);
  return { result, stored };
}
