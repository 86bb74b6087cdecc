import type { FieldMeta, ModelMeta, StoredRow } from "../../src/kit/driver.js";
import type { Encode, ValueCodecs } from "./dialect.js";
import { storesNullAsJson } from "./json/type-facts.js";

/** Turns one row, as an array of column values in field order, into a row object. */
export type RowMapper = (row: readonly unknown[]) => StoredRow;

/**
 * Generates one mapper function per model: a flat object literal with each field's decoder
 * inlined, which V8 optimises far better than a loop of per-field closures run for every row.
 * Field names enter the code only through JSON.stringify, decoders only by index.
 *
 * The row's keys come in field order, as the schema library gives them. An optional field that
 * is not nullable (and not a key) is absent when it is null; from the first such field on, fields
 * are assigned one by one in order (a model without one maps with the literal alone).
 *
 * `fields` are those the row holds (some, for a projection), `positions` where each is in the
 * row (a column found by name, for SQL the user wrote); by default the row holds every field in order.
 */
export function createRowMapper(
  model: ModelMeta,
  decode: ValueCodecs<Encode | undefined>,
  fields: readonly FieldMeta[] = model.fields,
  positions?: readonly number[],
): RowMapper {
  const decoders: Encode[] = [];
  const literal: string[] = [];
  const assignments: string[] = [];
  fields.forEach((field, index) => {
    const raw = `row[${positions?.[index] ?? index}]`;
    const decoder = decode.of(field);
    const value = decoder ? `(${raw} === null ? null : decode[${decoders.push(decoder) - 1}](${raw}))` : raw;
    const property = JSON.stringify(field.name);
    // An optional field that is not nullable reads back as absent, as its schema would produce it.
    // A key is never null in a stored row (an optional one is a generated key): always there.
    // So is a structured field that stores its null as JSON null: NULL is then "left out" only (see storesNullAsJson).
    if ((field.optional && !field.nullable && !field.key) || storesNullAsJson(field)) assignments.push(`if (${raw} !== null) out[${property}] = ${value};`);
    else if (assignments.length > 0) assignments.push(`out[${property}] = ${value};`);
    else literal.push(`${property}: ${value}`);
  });
  const body = `return function map${model.id}(row) { const out = { ${literal.join(", ")} }; ${assignments.join(" ")} return out; };`;
  // Generated code is the point here (see above); its only inputs are JSON-quoted names and indexes.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function("decode", body) as (decode: readonly Encode[]) => RowMapper;
  return build(decoders);
}

/**
 * One generated mapper per model, made on first use with the decoders the driver gives for it,
 * and one per projection (`fields`: a PreparedQuery's, one shared array per set of fields).
 */
export class RowMappers {
  readonly #mappers = new Map<ModelMeta, RowMapper>();
  readonly #projected = new WeakMap<readonly FieldMeta[], RowMapper>();

  constructor(private readonly decodeFor: (model: ModelMeta) => ValueCodecs<Encode | undefined>) {}

  of(model: ModelMeta, fields?: readonly FieldMeta[]): RowMapper {
    if (fields) return this.#ofProjection(model, fields);
    let mapper = this.#mappers.get(model);
    if (!mapper) this.#mappers.set(model, (mapper = createRowMapper(model, this.decodeFor(model))));
    return mapper;
  }

  #ofProjection(model: ModelMeta, fields: readonly FieldMeta[]): RowMapper {
    let mapper = this.#projected.get(fields);
    if (!mapper) this.#projected.set(fields, (mapper = createRowMapper(model, this.decodeFor(model), fields)));
    return mapper;
  }

  /** Every row of a result, mapped. */
  mapAll(model: ModelMeta, rows: readonly unknown[][], fields?: readonly FieldMeta[]): StoredRow[] {
    const map = this.of(model, fields);
    const result = new Array<StoredRow>(rows.length);
    for (let index = 0; index < rows.length; index++) result[index] = map(rows[index] as unknown[]);
    return result;
  }
}
