import type { FieldType, ModelMeta, StoredRow } from "../../src/kit/driver.js";
import type { Encode } from "./dialect.js";

/** Turns one row, as an array of column values in field order, into a row object. */
export type RowMapper = (row: readonly unknown[]) => StoredRow;

/**
 * Generates one mapper function per model: a flat object literal with each field's decoder
 * inlined, which V8 optimises far better than a loop of per-field closures run for every row.
 * Field names enter the code only through JSON.stringify, decoders only by index.
 */
export function createRowMapper(model: ModelMeta, decode: Readonly<Record<FieldType, Encode | undefined>>): RowMapper {
  const decoders: Encode[] = [];
  const always: string[] = [];
  const whenPresent: string[] = [];
  model.fields.forEach((field, index) => {
    const raw = `row[${index}]`;
    const decoder = decode[field.type];
    const value = decoder ? `(${raw} === null ? null : decode[${decoders.push(decoder) - 1}](${raw}))` : raw;
    const property = JSON.stringify(field.name);
    // An optional field that is not nullable reads back as absent, as its schema would produce it.
    if (field.optional && !field.nullable) whenPresent.push(`if (${raw} !== null) out[${property}] = ${value};`);
    else always.push(`${property}: ${value}`);
  });
  const body = `return function map${model.id}(row) { const out = { ${always.join(", ")} }; ${whenPresent.join(" ")} return out; };`;
  // Generated code is the point here (see above); its only inputs are JSON-quoted names and indexes.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function("decode", body) as (decode: readonly Encode[]) => RowMapper;
  return build(decoders);
}

/** One generated mapper per model, made on first use with the decoders the driver gives for it. */
export class RowMappers {
  readonly #mappers = new Map<ModelMeta, RowMapper>();

  constructor(private readonly decodeFor: (model: ModelMeta) => Readonly<Record<FieldType, Encode | undefined>>) {}

  of(model: ModelMeta): RowMapper {
    let mapper = this.#mappers.get(model);
    if (!mapper) this.#mappers.set(model, (mapper = createRowMapper(model, this.decodeFor(model))));
    return mapper;
  }

  /** Every row of a result, mapped. */
  mapAll(model: ModelMeta, rows: readonly unknown[][]): StoredRow[] {
    const map = this.of(model);
    const result = new Array<StoredRow>(rows.length);
    for (let index = 0; index < rows.length; index++) result[index] = map(rows[index] as unknown[]);
    return result;
  }
}
