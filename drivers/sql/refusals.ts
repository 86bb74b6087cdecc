import { ValidationError, type FieldMeta, type FieldType, type ModelMeta, type PreparedPatch, type StoredRow } from "../../src/kit/driver.js";
import type { Refusals } from "./runner.js";

/**
 * Several sets of refusals as one: each kind runs every refusal of it in turn, the first to
 * throw refuses the call. A kind none of them has stays absent, so that the engine sees which
 * kinds are refused at all (prepared calls skip checking their values where none refuses queries).
 */
export function allRefusals(...parts: readonly Refusals[]): Refusals {
  const has = (kind: keyof Refusals) => parts.some((part) => part[kind] !== undefined);
  const combined: Refusals = {};
  if (has("rows")) combined.rows = (model, rows) => parts.forEach((part) => part.rows?.(model, rows));
  if (has("query")) combined.query = (query) => parts.forEach((part) => part.query?.(query));
  if (has("patch")) combined.patch = (model, patch) => parts.forEach((part) => part.patch?.(model, patch));
  if (has("raw")) combined.raw = (statement) => parts.forEach((part) => part.raw?.(statement));
  return combined;
}

const fieldsByType = new WeakMap<ModelMeta, Map<FieldType, readonly FieldMeta[]>>();

function fieldsOfType(model: ModelMeta, type: FieldType): readonly FieldMeta[] {
  let byType = fieldsByType.get(model);
  if (!byType) fieldsByType.set(model, (byType = new Map<FieldType, readonly FieldMeta[]>()));
  let fields = byType.get(type);
  if (!fields) byType.set(type, (fields = model.fields.filter((field) => field.type === type)));
  return fields;
}

/**
 * Refusals of values a database cannot store in the columns of one field type (MySQL: a float's
 * -0, a date outside DATETIME's range): `problem` says why a value cannot be stored, or undefined.
 * Rows to add and update patches are refused whole, naming the model, the field (and the row of
 * a batch), so nothing is written.
 */
export function storedValueRefusals(type: FieldType, problem: (value: unknown) => string | undefined): Required<Pick<Refusals, "rows" | "patch">> {
  const refusal = (model: ModelMeta, field: FieldMeta, message: string, index?: number) => new ValidationError(model.name, [{ path: [field.name], message }], [], index);
  return {
    rows(model: ModelMeta, rows: readonly StoredRow[]): void {
      const fields = fieldsOfType(model, type);
      if (fields.length === 0) return;
      rows.forEach((row, index) => {
        for (const field of fields) {
          const message = problem(row[field.name]);
          if (message) throw refusal(model, field, message, rows.length > 1 ? index : undefined);
        }
      });
    },
    patch(model: ModelMeta, patch: PreparedPatch): void {
      patch.fields.forEach((field, index) => {
        const message = field.type === type ? problem(patch.values[index]) : undefined;
        if (message) throw refusal(model, field, message);
      });
    },
  };
}
