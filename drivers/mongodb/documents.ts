import type { Document } from "mongodb";
import { isStructured, ValidationError, type FieldMeta, type ModelMeta, type StoredRow } from "../../src/kit/driver.js";
import { fromStored, storedValueIssue, toStored } from "./values.js";

// A row is stored as one document: each field under its stored name (`StoreAs`, else its own),
// a model's single key field as `_id`. A model with a composite key (or none of its own that is
// single) gets an ObjectId `_id` from the client, which Ommi never shows. A field left out of a
// row is left out of its document; a null is stored as null.

/** The document property a field is stored under: "_id" for a model's single key field, else field.column. */
export function storedPath(field: FieldMeta): string {
  return field.key && field.model.keys.length === 1 ? "_id" : field.column;
}

/** The single key field stored as `_id`, if the model has one. */
export function idField(model: ModelMeta): FieldMeta | undefined {
  return model.keys.length === 1 ? model.keys[0] : undefined;
}

/** A row (already validated) → its document. */
export function toDocument(model: ModelMeta, row: StoredRow): Document {
  const document: Document = {};
  for (const field of model.fields) {
    const value = row[field.name];
    if (value === undefined) continue;
    document[storedPath(field)] = toStored(field, value);
  }
  return document;
}

/**
 * A stored document → the row the SQL drivers would give for it: fields in model order; an
 * optional field that is not nullable is absent when missing or null; a structured field that
 * may be both left out and null is absent when missing and null when null (as SQL keeps JSON
 * null apart from NULL); any other field is null when missing.
 */
export function fromDocument(model: ModelMeta, document: Document, fields: readonly FieldMeta[] = model.fields): StoredRow {
  const row: StoredRow = {};
  // With `fields` (a projection: find(...).select), only those.
  for (const field of fields) {
    const stored: unknown = document[storedPath(field)];
    if (stored === undefined || stored === null) {
      if (field.optional && !field.nullable && !field.key) continue;
      if (stored === undefined && isStructured(field) && field.optional) continue;
      row[field.name] = null;
      continue;
    }
    row[field.name] = fromStored(field, stored);
  }
  return row;
}

/**
 * Refuses, with a ValidationError naming the model, the value's position and the field, any row
 * holding a value BSON cannot store exactly (see storedValueIssue): checked for a whole batch
 * before anything is written.
 */
export function checkStorable(model: ModelMeta, rows: readonly StoredRow[]): void {
  rows.forEach((row, index) => {
    for (const field of model.fields) {
      const issue = storedValueIssue(field, row[field.name]);
      if (!issue) continue;
      const path = [field.name, ...issue.path];
      throw new ValidationError(model.name, [{ path, message: issue.message }], [], rows.length > 1 ? index : undefined);
    }
  });
}

/** Refuses a patch's values as checkStorable refuses rows. */
export function checkPatchStorable(model: ModelMeta, fields: readonly FieldMeta[], values: readonly unknown[]): void {
  fields.forEach((field, position) => {
    const issue = storedValueIssue(field, values[position]);
    if (issue) throw new ValidationError(model.name, [{ path: [field.name, ...issue.path], message: issue.message }], []);
  });
}
