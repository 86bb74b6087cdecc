import { randomUUID } from "node:crypto";
import { QueryError, ValidationError, type ValidationIssue } from "./errors.js";
import type { PreparedPatch, StoredRow } from "./driver.js";
import type { Validated } from "./model/adapter.js";
import type { FieldMeta, ModelMeta } from "./model/meta.js";
import { isScalar } from "./model/field.js";
import { withoutRelations } from "./relations/relation.js";
import { valueIssue } from "./model/value-check.js";
import { quote } from "./util/quote.js";
import { malformedText } from "./util/text.js";
import { isIncrement, type IncrementNode } from "./query/nodes/increment.js";

/**
 * Validates every input through the model's schema library before anything is written, and
 * throws one `ValidationError` for the first value that fails (naming its position).
 */
export async function validateRows(model: ModelMeta, inputs: readonly unknown[]): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for (let index = 0; index < inputs.length; index++) {
    const outcome = model.schema.validate(withoutRelations(model, inputs[index]));
    const result = outcome instanceof Promise ? await outcome : outcome;
    const position = inputs.length > 1 ? index : undefined;
    if (!result.ok) throw new ValidationError(model.name, result.issues, result.libraryIssues, position);
    checkAllowedValues(model, result.value, position);
    checkStorableText(model, result.value, position);
    checkStructuredValues(model, result.value, position);
    rows.push(withGeneratedKeys(model, result.value));
  }
  return rows;
}

const fieldsWithValues = new WeakMap<ModelMeta, readonly FieldMeta[]>();

/**
 * A last guard for enum and literal fields: a library that lets another value through (e.g.
 * class-validator's `@IsEnum` accepts a numeric enum's member names) must not get it stored.
 */
function checkAllowedValues(model: ModelMeta, row: StoredRow, position?: number): void {
  let fields = fieldsWithValues.get(model);
  if (!fields) fieldsWithValues.set(model, (fields = model.fields.filter((field) => field.values)));
  if (fields.length === 0) return;
  const issues: ValidationIssue[] = [];
  for (const field of fields) {
    const value = row[field.name];
    if (value === undefined || value === null || field.values?.includes(value as string | number | boolean)) continue;
    issues.push({ path: [field.name], message: `must be one of ${field.values?.map((allowed) => quote(allowed)).join(", ")}, got ${quote(value)}` });
  }
  if (issues.length) throw new ValidationError(model.name, issues, [], position);
}

const textFields = new WeakMap<ModelMeta, readonly FieldMeta[]>();

/**
 * Text that no database stores exactly is refused, never altered: a lone UTF-16 surrogate has
 * no UTF-8 form, so SQLite and PostgreSQL would each replace it (differently) with U+FFFD.
 */
function checkStorableText(model: ModelMeta, row: StoredRow, position?: number): void {
  let fields = textFields.get(model);
  if (!fields) textFields.set(model, (fields = model.fields.filter((field) => field.type === "string")));
  for (const field of fields) {
    const problem = malformedText(row[field.name]);
    if (problem) throw new ValidationError(model.name, [{ path: [field.name], message: problem }], [], position);
  }
}

const structuredFields = new WeakMap<ModelMeta, readonly FieldMeta[]>();

/**
 * What the schema library let through must also be storable exactly, at every depth: a JSON
 * value made of JSON only (no Date, Map, class instance, NaN or undefined item), finite numbers,
 * well-formed text, no cycles. Refused with the path to the value, before anything is written.
 */
function checkStructuredValues(model: ModelMeta, row: StoredRow, position?: number): void {
  let fields = structuredFields.get(model);
  if (!fields) structuredFields.set(model, (fields = model.fields.filter((field) => !isScalar(field))));
  for (const field of fields) {
    const value = row[field.name];
    if (value === undefined) continue;
    const issue = valueIssue(field, value);
    if (issue) throw new ValidationError(model.name, [{ path: [field.name, ...issue.path], message: issue.message }], [], position);
  }
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
  // Relations are not written: a row read with `include` and spread into a patch carries them.
  const given = Object.entries(withoutRelations(model, patch) as object).filter(([, value]) => value !== undefined);
  const unknown = given.filter(([name]) => !model.field(name)).map(([name]) => name);
  if (unknown.length) {
    throw new QueryError(`${model.name} has no field ${unknown.map((name) => `"${name}"`).join(", ")} to update (fields: ${model.fields.map((field) => field.name).join(", ")})`);
  }
  if (given.length === 0) throw new QueryError(`${model.name}: update() needs at least one field to set`);
  // Increments are checked by Ommi (the schema cannot judge an amount); the values, by the schema.
  for (const [name, value] of given) if (isIncrement(value)) checkIncrement(model.field(name) as FieldMeta, value);
  const values = given.filter(([, value]) => !isIncrement(value));
  const validated = values.length === 0 ? {} : await validatePatchValues(model, Object.fromEntries(values));
  const fields = given.map(([name]) => model.field(name) as FieldMeta);
  return { fields, values: given.map(([name, value]) => (isIncrement(value) ? value : validated[name])) };
}

/** The patch's values (increments left out) through the schema library, then Ommi's own checks. */
async function validatePatchValues(model: ModelMeta, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  const outcome: Validated | Promise<Validated> = model.schema.validatePatch(patch);
  const result = outcome instanceof Promise ? await outcome : outcome;
  if (!result.ok) throw new ValidationError(model.name, result.issues, result.libraryIssues);
  checkAllowedValues(model, result.value);
  checkStorableText(model, result.value);
  checkStructuredValues(model, result.value);
  return result.value;
}

/**
 * An increment's amount must suit its field, as a stored value would: a safe integer for an
 * integer field, a finite number for a float field, a bigint for a bigint field. Only numeric
 * fields that are no key and take any value (no enum) can be incremented. What the database
 * computes is not checked (see README, "Increments").
 */
function checkIncrement(field: FieldMeta, node: IncrementNode): void {
  const { model } = field;
  const refuse = (message: string): never => {
    throw new ValidationError(model.name, [{ path: [field.name], message }], []);
  };
  if (field.key) throw new QueryError(`${model.name}.${field.name} is the key: increment() changes counters, never keys`);
  const amount: unknown = node.amount;
  // quote() writes NaN and Infinity as JSON does (null): say them as they are.
  const shown = typeof amount === "number" ? String(amount) : quote(amount);
  switch (field.type) {
    case "integer":
      if (typeof amount !== "number" || !Number.isSafeInteger(amount)) refuse(`increment() of an integer field takes a whole number (a safe integer), got ${shown}`);
      break;
    case "float":
      if (typeof amount !== "number" || !Number.isFinite(amount)) refuse(`increment() of a number field takes a finite number, got ${shown}`);
      break;
    case "bigint":
      if (typeof amount !== "bigint") refuse(`increment() of a bigint field takes a bigint (such as 1n), got ${shown}`);
      break;
    default:
      refuse(`increment() adds to numbers, and ${model.name}.${field.name} holds ${field.type} values`);
  }
  if (field.values) refuse(`increment() cannot keep ${model.name}.${field.name} to its allowed values (${field.values.map((value) => quote(value)).join(", ")}); set a value instead`);
}
