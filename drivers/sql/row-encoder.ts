import type { StoredRow } from "../../src/driver.js";
import type { FieldMeta, FieldType } from "../../src/model/field.js";
import { unchanged, type Encode } from "./dialect.js";

/** Turns a row object into the values bound for `fields`, in order: the inverse of a row mapper. */
export type RowEncoder = (row: StoredRow) => unknown[];

/**
 * Generates one encoder per model and statement (see row-mapper.ts for why generated code):
 * an array literal reading each field once, with null for missing values and each type's
 * encoder called only where the database client does not take the value as it is.
 */
export function createRowEncoder(fields: readonly FieldMeta[], encode: Readonly<Record<FieldType, Encode>>): RowEncoder {
  const encoders: Encode[] = [];
  const reads = fields.map((field, index) => `const v${index} = row[${JSON.stringify(field.name)}];`);
  const values = fields.map((field, index) => {
    const encoder = encode[field.type];
    const value = encoder === unchanged ? `v${index}` : `encode[${encoders.push(encoder) - 1}](v${index})`;
    return `v${index} == null ? null : ${value}`;
  });
  const body = `return function encodeRow(row) { ${reads.join(" ")} return [${values.join(", ")}]; };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function("encode", body) as (encode: readonly Encode[]) => RowEncoder;
  return build(encoders);
}
