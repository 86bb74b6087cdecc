import { ValidationError, type FieldMeta, type ModelMeta, type PreparedPatch, type StoredRow } from "../../src/kit/driver.js";
import type { Refusals } from "../sql/runner.js";

/**
 * MySQL and MariaDB store -0 in a DOUBLE column as 0 (the server turns it into +0 before storing,
 * so that the two sort and index as one). Ommi's values round-trip exactly or are refused, so a
 * float field's -0 is refused with an error naming the field, before anything is sent. Inside a
 * structured value -0 is kept (the JSON text holds it), and comparisons need no refusal: -0
 * equals 0 in a condition on every driver, as in JavaScript.
 */
const PROBLEM = "MySQL stores -0 in a floating-point column as 0; write 0 (or keep the sign in a structured field)";

const isNegativeZero = (value: unknown) => value === 0 && Object.is(value, -0);

const floatFields = new WeakMap<ModelMeta, readonly FieldMeta[]>();

function floatFieldsOf(model: ModelMeta): readonly FieldMeta[] {
  let fields = floatFields.get(model);
  if (!fields) floatFields.set(model, (fields = model.fields.filter((field) => field.type === "float")));
  return fields;
}

export const negativeZeroRefusals: Refusals = {
  rows(model: ModelMeta, rows: readonly StoredRow[]): void {
    const fields = floatFieldsOf(model);
    if (fields.length === 0) return;
    rows.forEach((row, index) => {
      const field = fields.find((candidate) => isNegativeZero(row[candidate.name]));
      if (field) throw new ValidationError(model.name, [{ path: [field.name], message: PROBLEM }], [], rows.length > 1 ? index : undefined);
    });
  },
  patch(model: ModelMeta, patch: PreparedPatch): void {
    const at = patch.fields.findIndex((field, index) => field.type === "float" && isNegativeZero(patch.values[index]));
    const field = patch.fields[at];
    if (field) throw new ValidationError(model.name, [{ path: [field.name], message: PROBLEM }], []);
  },
};
