import { Param, QueryError, quote, type FieldMeta, type ModelMeta, type RawStatement, type StoredRow, type ValueType } from "../../src/kit/driver.js";
import { Compilation } from "./compile-condition.js";
import type { CompiledStatement } from "./compiled.js";
import type { ColumnType, Encode, SqlDialect, ValueCodecs } from "./dialect.js";
import { sql, type SQL } from "./drizzle.js";
import { createRowMapper, type RowMapper } from "./row-mapper.js";
import { StatementCache } from "./statement-cache.js";
import type { Tables } from "./tables.js";

// `db.sql`: statements the user wrote. The text pieces are the programmer's own template; models
// become their schema-qualified tables and fields their columns, quoted by the dialect as every
// statement Ommi builds names them; every other value is a bound parameter. Rows are mapped to
// a model's fields by column name, with the decoders `find` uses.

/** What a runner gives for a statement the user wrote: the result's column names, and its rows as arrays in that order. */
export interface RawResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** The statement's text and how to bind its values (placeholder `n` is token `n`'s value). */
export function compileRaw(dialect: SqlDialect, tables: Tables, statement: RawStatement): CompiledStatement {
  const compilation = new Compilation(dialect, tables);
  const encode = rawEncoder(dialect);
  const chunks: SQL[] = [];
  statement.strings.forEach((text, index) => {
    chunks.push(sql.raw(text));
    const token = statement.tokens[index];
    if (token?.kind === "table") chunks.push(tableReference(tables, token.model, statement.strings[index + 1] ?? ""));
    else if (token?.kind === "column") chunks.push(sql`${sql.identifier(token.field.column)}`);
    else if (token) chunks.push(compilation.placeholder(Param.at(index), encode));
  });
  return compilation.finish(sql.join(chunks));
}

/**
 * A model's table: schema-qualified, so that no search path can find another table of its name.
 * Followed by a dot (`${User}.*`, `${User}.${User.name}`) it qualifies a column, which SQLite
 * takes only by table name (`"main"."User".*` is a syntax error there): there it is the quoted
 * name alone, which names the FROM item that `${User}` brought in, never looked up elsewhere.
 */
function tableReference(tables: Tables, model: ModelMeta, following: string): SQL {
  return following.startsWith(".") ? sql`${sql.identifier(tables.nameOf(model).name)}` : tables.qualified(model);
}

/** The values bound for a statement compiled by compileRaw: one per token (tables and columns bind nothing). */
export function rawValues(statement: RawStatement): unknown[] {
  return statement.tokens.map((token) => (token.kind === "value" ? token.value : undefined));
}

const scalarTypes = new Map<ColumnType, ValueType>();

function typeOf(type: ColumnType): ValueType {
  let value = scalarTypes.get(type);
  if (!value) scalarTypes.set(type, (value = Object.freeze({ type, nullable: false })));
  return value;
}

const encoders = new WeakMap<SqlDialect, Encode>();

/** Binds a value as the dialect binds a field of its type: the type is the value's own (a raw statement says no column's). */
function rawEncoder(dialect: SqlDialect): Encode {
  let encoder = encoders.get(dialect);
  if (encoder) return encoder;
  const of = (type: ColumnType) => dialect.encode.of(typeOf(type));
  const [text, integer, float, boolean, bigint, date, binary] = (["string", "integer", "float", "boolean", "bigint", "date", "binary"] as const).map(of);
  encoder = (value) => {
    switch (typeof value) {
      case "string":
        return (text as Encode)(value);
      case "number":
        return Number.isInteger(value) ? (integer as Encode)(value) : (float as Encode)(value);
      case "boolean":
        return (boolean as Encode)(value);
      case "bigint":
        return (bigint as Encode)(value);
      default:
        return value instanceof Date ? (date as Encode)(value) : (binary as Encode)(value);
    }
  };
  encoders.set(dialect, encoder);
  return encoder;
}

/** Where a field's column is in a result: found by its stored name, or else ignoring case (PostgreSQL folds unquoted names). */
function positionOf(field: FieldMeta, columns: readonly string[], doing: string): number | undefined {
  const exact = matches(columns, (column) => column === field.column);
  const found = exact.length > 0 ? exact : matches(columns, (column) => column.toLowerCase() === field.column.toLowerCase());
  if (found.length > 1) {
    throw new QueryError(`${doing}: the result has ${found.length} columns for ${field.model.name}.${field.name} (${found.map((at) => quote(columns[at])).join(", ")}); select each once`);
  }
  return found[0];
}

function matches(columns: readonly string[], is: (column: string) => boolean): number[] {
  const found: number[] = [];
  columns.forEach((column, index) => {
    if (is(column)) found.push(index);
  });
  return found;
}

/** The mapper of a result's rows to the model's rows: every field must have its column (a row without one would lie about it). */
function rawRowMapper(model: ModelMeta, columns: readonly string[], decode: ValueCodecs<Encode | undefined>): RowMapper {
  const doing = `db.sql(${model.name})`;
  const positions = model.fields.map((field) => positionOf(field, columns, doing));
  const missing = model.fields.filter((_, index) => positions[index] === undefined);
  if (missing.length > 0) {
    const named = missing.map((field) => (field.column === field.name ? field.name : `${field.name} (column ${quote(field.column)})`)).join(", ");
    throw new QueryError(
      `${doing}: the result has no column for ${model.name}'s ${missing.length === 1 ? "field" : "fields"} ${named}; select every field (SELECT \${${model.name}}.* ...), or use find(...).select(...) for some`,
    );
  }
  return createRowMapper(model, decode, model.fields, positions as number[]);
}

/** Rows without a model: each column's name to the value the client gave. Two columns of one name would lose one: an error. */
function records(result: RawResult): StoredRow[] {
  const { columns } = result;
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice !== undefined) throw new QueryError(`db.sql: the result has two columns named ${quote(twice)}; name them apart (AS ...)`);
  // fromEntries defines each column as an own property, whatever its name (even "__proto__").
  return result.rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
}

/**
 * What a SQL engine keeps for statements the user wrote: each compiled and prepared once per
 * template, model and kind of token (a template's strings are one object for every call of it),
 * and one row mapper per model and list of columns. Both bounded, as other statements are.
 */
export class RawStatements<P> {
  #prepared = new WeakMap<readonly string[], StatementCache<P>>();
  readonly #mappers = new StatementCache<RowMapper>();

  constructor(
    private readonly prepare: (statement: RawStatement, model: ModelMeta | undefined) => P,
    private readonly decodeFor: (model: ModelMeta) => ValueCodecs<Encode | undefined>,
  ) {}

  of(statement: RawStatement, model: ModelMeta | undefined): P {
    let byShape = this.#prepared.get(statement.strings);
    if (!byShape) this.#prepared.set(statement.strings, (byShape = new StatementCache<P>(16)));
    const key = shapeOf(statement, model);
    return byShape.find(key) ?? byShape.add(key, this.prepare(statement, model));
  }

  /** The result's rows as the model's stored rows, or as plain records without a model; none for a statement that gives no result (a write without RETURNING). */
  rows(result: RawResult, model: ModelMeta | undefined): StoredRow[] {
    if (result.columns.length === 0) return [];
    if (!model) return records(result);
    const key = `${model.id}\u0000${result.columns.join("\u0000")}`;
    const map = this.#mappers.find(key) ?? this.#mappers.add(key, rawRowMapper(model, result.columns, this.decodeFor(model)));
    const rows = new Array<StoredRow>(result.rows.length);
    for (let index = 0; index < rows.length; index++) rows[index] = map(result.rows[index] as unknown[]);
    return rows;
  }

  clear(): void {
    this.#prepared = new WeakMap();
    this.#mappers.clear();
  }
}

/** What besides its strings makes a statement's text: the model it maps to, and which table or column each token is. */
function shapeOf(statement: RawStatement, model: ModelMeta | undefined): string {
  let key = model ? `${model.id}` : "-";
  for (const token of statement.tokens) {
    if (token.kind === "table") key += `,t${token.model.id}`;
    else if (token.kind === "column") key += `,c${token.field.model.id}.${token.field.index}`;
    else key += ",v";
  }
  return key;
}
