import { randomUUID } from "node:crypto";
import { QueryError, ValidationError } from "../errors.js";
import type { PreparedPatch, StoredRow } from "../driver.js";
import type { FieldMeta } from "./field.js";
import type { Validated } from "./adapter.js";
import type { ModelMeta } from "./meta.js";

/**
 * Validates every input through the model's schema library before anything is written, and
 * throws one `ValidationError` for the first value that fails (naming its position).
 */
export async function validateRows(model: ModelMeta, inputs: readonly unknown[]): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for (let index = 0; index < inputs.length; index++) {
    const outcome = model.schema.validate(inputs[index]);
    const result = outcome instanceof Promise ? await outcome : outcome;
    if (!result.ok) throw new ValidationError(model.name, result.issues, result.libraryIssues, inputs.length > 1 ? index : undefined);
    rows.push(withGeneratedKeys(model, result.value));
  }
  return rows;
}

/** Ommi generates string keys marked `Auto` (the database generates integer ones). */
function withGeneratedKeys(model: ModelMeta, row: StoredRow): StoredRow {
  for (const key of model.keys) {
    if (key.auto && key.type === "string" && row[key.name] === undefined) row[key.name] = randomUUID();
  }
  return row;
}

/** Checks an update patch: known fields only, each value valid by its own rule. */
export async function validatePatch(model: ModelMeta, patch: unknown): Promise<PreparedPatch> {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new QueryError(`${model.name}: update() takes an object of field values`);
  }
  const given = Object.entries(patch).filter(([, value]) => value !== undefined);
  const unknown = given.filter(([name]) => !model.field(name)).map(([name]) => name);
  if (unknown.length) {
    throw new QueryError(`${model.name} has no field ${unknown.map((name) => `"${name}"`).join(", ")} to update (fields: ${model.fields.map((field) => field.name).join(", ")})`);
  }
  if (given.length === 0) throw new QueryError(`${model.name}: update() needs at least one field to set`);
  const outcome: Validated | Promise<Validated> = model.schema.validatePatch(Object.fromEntries(given));
  const result = outcome instanceof Promise ? await outcome : outcome;
  if (!result.ok) throw new ValidationError(model.name, result.issues, result.libraryIssues);
  const fields = given.map(([name]) => model.field(name) as FieldMeta);
  return { fields, values: fields.map((field) => result.value[field.name]) };
}
