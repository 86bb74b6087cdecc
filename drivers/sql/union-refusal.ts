import { isPlainObject, ValidationError, type FieldMeta, type ModelMeta, type PreparedPatch, type StoredRow, type ValidationIssue, type ValueType } from "../../src/kit/driver.js";
import { holdsConverted, reaches } from "./json/type-facts.js";
import { optionOfValue, optionReadBack } from "./json/union-options.js";
import type { Refusals } from "./runner.js";

/**
 * A union of objects without a discriminator is read back as the first option its stored JSON
 * fits (json/union-options.ts). Where options differ only in a Date, a bigint or binary data against a
 * number or a string (`{ at: Date } | { at: number }`), a value of the later option would come
 * back as the earlier one: such a value is refused before anything is written (DESIGN.md
 * section 4, rule 5: never a silent change), naming the field and the path to the value.
 */
function mayReadBackAsAnother(type: ValueType): boolean {
  return reaches(type, (each) => each.type === "union" && each.discriminator === undefined && holdsConverted(each));
}

const fieldsToCheck = new WeakMap<ModelMeta, readonly FieldMeta[]>();

function fieldsOf(model: ModelMeta): readonly FieldMeta[] {
  let fields = fieldsToCheck.get(model);
  if (!fields) fieldsToCheck.set(model, (fields = model.fields.filter(mayReadBackAsAnother)));
  return fields;
}

function issueIn(type: ValueType, value: unknown, path: (string | number)[], depth: number): ValidationIssue | undefined {
  if (value === null || value === undefined || depth > 256) return undefined;
  switch (type.type) {
    case "object": {
      if (!isPlainObject(value)) return undefined;
      for (const field of type.fields ?? []) {
        const issue = issueIn(field, value[field.name], [...path, field.name], depth + 1);
        if (issue) return issue;
      }
      return undefined;
    }
    case "array":
      if (!Array.isArray(value)) return undefined;
      for (let index = 0; index < value.length; index++) {
        const issue = issueIn(type.of as ValueType, value[index], [...path, index], depth + 1);
        if (issue) return issue;
      }
      return undefined;
    case "record":
      if (!isPlainObject(value)) return undefined;
      for (const [key, item] of Object.entries(value)) {
        const issue = issueIn(type.of as ValueType, item, [...path, key], depth + 1);
        if (issue) return issue;
      }
      return undefined;
    case "union":
      return unionIssue(type, value, path, depth);
    default:
      return undefined;
  }
}

function unionIssue(type: ValueType, value: unknown, path: (string | number)[], depth: number): ValidationIssue | undefined {
  const options = type.options ?? [];
  const { discriminator } = type;
  if (discriminator !== undefined) {
    const tag = isPlainObject(value) ? value[discriminator] : undefined;
    const option = options.find((each) => each.fields?.find((field) => field.name === discriminator)?.values?.includes(tag as string));
    return option && issueIn(option, value, path, depth);
  }
  const chosen = optionOfValue(options, value);
  if (holdsConverted(type)) {
    const readBack = optionReadBack(options, value);
    if (readBack !== chosen) {
      // Short: ValidationError cuts longer messages (shortenMessage).
      const message = `is of the union's option ${chosen + 1} but would read back as option ${readBack + 1} (JSON holds Dates and bigints as numbers and strings); give the union a discriminator`;
      return { path, message };
    }
  }
  return issueIn(options[chosen] as ValueType, value, path, depth);
}

function refuseInRows(model: ModelMeta, rows: readonly StoredRow[]): void {
  const fields = fieldsOf(model);
  if (fields.length === 0) return;
  rows.forEach((row, index) => {
    for (const field of fields) {
      const issue = issueIn(field, row[field.name], [field.name], 0);
      if (issue) throw new ValidationError(model.name, [issue], [], rows.length > 1 ? index : undefined);
    }
  });
}

function refuseInPatch(model: ModelMeta, patch: PreparedPatch): void {
  if (fieldsOf(model).length === 0) return;
  patch.fields.forEach((field, index) => {
    const issue = mayReadBackAsAnother(field) ? issueIn(field, patch.values[index], [field.name], 0) : undefined;
    if (issue) throw new ValidationError(model.name, [issue], []);
  });
}

/** The refusals every SQL driver makes: values that would not read back as they were written. */
export const unionRefusals: Required<Pick<Refusals, "rows" | "patch">> = { rows: refuseInRows, patch: refuseInPatch };
