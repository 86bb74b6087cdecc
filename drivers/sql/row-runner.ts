import type { FieldMeta, StoredRow } from "../../src/kit/driver.js";
import { unchanged, type Encode, type ValueCodecs } from "./dialect.js";
import { storesNullAsJson, withJsonNull } from "./json/type-facts.js";

/** Something that runs with one bound value per field: a prepared single-row INSERT. */
export interface RunsWithValues<T> {
  run(...values: unknown[]): T;
}

/** Runs `statement` with a row's values for `fields`, in order: the inverse of a row mapper. */
export type RowRunner = <T>(statement: RunsWithValues<T>, row: StoredRow) => T;

/**
 * Generates one runner per model and statement (see row-mapper.ts for why generated code): it
 * reads each field once, passes null for missing values, calls each type's encoder only where the
 * database client does not take the value as it is, and hands the values to the statement as
 * separate arguments, which better-sqlite3 binds faster than an array and without one per row.
 */
export function createRowRunner(fields: readonly FieldMeta[], encode: ValueCodecs<Encode>): RowRunner {
  const encoders: Encode[] = [];
  const reads = fields.map((field, index) => `const v${index} = row[${JSON.stringify(field.name)}];`);
  const values = fields.map((field, index) => {
    const encoder = encode.of(field);
    // Left out, such a field is NULL; null, it is JSON null (see storesNullAsJson).
    if (storesNullAsJson(field)) return `v${index} === undefined ? null : encode[${encoders.push(withJsonNull(encoder)) - 1}](v${index})`;
    const value = encoder === unchanged ? `v${index}` : `encode[${encoders.push(encoder) - 1}](v${index})`;
    return `v${index} == null ? null : ${value}`;
  });
  const body = `return function runRow(statement, row) { ${reads.join(" ")} return statement.run(${values.join(", ")}); };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function("encode", body) as (encode: readonly Encode[]) => RowRunner;
  return build(encoders);
}
