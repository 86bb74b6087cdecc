import { isStructured, type ArrayOperator, type FieldMeta, type ModelMeta, type ScalarType, type TextOperator, type ValueType } from "../../src/kit/driver.js";
import type { SQL, Table } from "./drizzle.js";

/** A value as the database driver takes or gives it. */
export type Encode = (value: unknown) => unknown;

/** The encoder of types the database client takes as they are; generated code leaves it out. */
export const unchanged: Encode = (value) => value;

/** Types stored in a column of their own kind: scalars, and binary data. */
export type ColumnType = ScalarType | "binary";

/**
 * One function per value type: how values of that type are bound (encoders) or read back
 * (decoders). Asked when a statement, row runner or row mapper is made, never per value.
 * Scalars and binary data have one function per type; a structured type (an object, array,
 * record, JSON value or union) has its own, generated for that type once (see json/encoder.ts).
 */
export interface ValueCodecs<C> {
  of(type: ValueType): C;
}

export function valueCodecs<C>(columns: Readonly<Record<ColumnType, C>>, structured: (type: ValueType) => C): ValueCodecs<C> {
  return { of: (type) => (isStructured(type) ? structured(type) : columns[type.type as ColumnType]) };
}

/**
 * How one text operator is written in a dialect: the expression (which may use `pattern` more
 * than once: each use is bound to the same value), and how the user's value is encoded for it.
 * The value's meaning is Ommi's (src/query/text), already checked; the dialect only spells it.
 */
export interface TextMatch {
  expression(column: SQL, pattern: SQL): SQL;
  encode(value: string): unknown;
}

/** How a dialect tests a column against a list of values bound as one parameter, whatever its length. */
export interface ListMatch {
  /** TRUE when `column` equals one of the list's values; never TRUE for a NULL column. */
  expression(column: SQL, list: SQL): SQL;
  /** The whole list (an array of a field type's values, none null) → the one value bound. */
  encode: Encode;
}

/** How a dialect compares a scalar inside a structured value (see JsonAccess.scalar) with values: one, or a list. */
export interface ScalarValue {
  /** A value compared with the scalar → the value bound. */
  readonly encode: Encode;
  /** `in` and `notIn`. */
  readonly list: ListMatch;
}

/** has, hasAny or hasAll on an array, with the value (an item, or a list of items) bound as one parameter. */
export interface ArrayMatch {
  expression(value: SQL): SQL;
  /** The item, or the list of items, → the one value bound. */
  encode: Encode;
}

/**
 * Where a JSON value comes from in a statement: a row's column (a structured field), or the
 * current item of an array that `some(...)` runs over (`alias` names its FROM item, see
 * JsonAccess.items; `type` is the items' type).
 */
export type JsonSource = ColumnSource | { readonly alias: string; readonly type: ValueType };

/**
 * A structured field's column. `holdsJsonNull` when the field stores null as the JSON text `null`,
 * so that SQL NULL can mean "left out" (see json/type-facts.ts, storesNullAsJson): the whole value
 * is then null where the column is NULL or holds JSON null.
 */
export interface ColumnSource {
  readonly column: SQL;
  readonly holdsJsonNull?: boolean;
}

/**
 * How a dialect reaches inside structured values, stored as JSON text (DESIGN.md section 4,
 * rule 6). `keys` are the keys of nested objects from the source down, written into statements
 * as SQL string literals (they come from the schema, and literal paths let expression indexes
 * match): a key the database cannot take in one is a QueryError. Wherever a value on the way is
 * null or missing, these give SQL NULL, so that comparisons with it are false (rule 1).
 */
export interface JsonAccess {
  /**
   * The scalar at `keys` (none: the item itself), as an expression that compares and sorts as a
   * column of `type` does (booleans, dates and bigints as the dialect stores those). Binary data
   * inside a structured value is its base64 text.
   */
  scalar(source: JsonSource, keys: readonly string[], type: ColumnType): SQL;
  /** How values compared with `scalar(..., type)` are bound. */
  scalarValue(type: ColumnType): ScalarValue;
  /** The JSON text of the value at `keys` exactly as stored; NULL where it is null or missing. For `eq` of whole values. */
  text(source: JsonSource, keys: readonly string[]): SQL;
  /**
   * Stored JSON text with every number -0 written 0 (see json/negative-zero.ts, zeroedJsonText): `eq` of
   * whole values compares texts, keys in order, and -0 equals 0 there as everywhere.
   */
  zeroed(text: SQL): SQL;
  /** The array at `keys`; NULL where the value there is not an array (null or missing). */
  array(source: JsonSource, keys: readonly string[]): SQL;
  /** The number of items of `array` (an `array(...)` expression). */
  length(array: SQL): SQL;
  /** A FROM item that gives the items of `array`, named `alias` (see JsonSource). */
  items(array: SQL, alias: string): SQL;
  /**
   * has, hasAny or hasAll on `array`, whose items are of type `item`. An item equals a value as
   * `eq` compares them: scalars by value (-0 equals 0, as in JavaScript), structured items by
   * their stored text (keys in order; -0 equal to 0 there too, see `zeroed`). `indexed`: `array`
   * is a column with an index (an `Index` on an array field).
   */
  arrayMatch(operator: Exclude<ArrayOperator, "isEmpty">, array: SQL, item: ValueType, indexed: boolean): ArrayMatch;
}

/** A table as statements name it: in its schema (see Tables). */
export interface TableName {
  readonly schema: string;
  readonly name: string;
}

/**
 * What differs between SQL databases, and nothing else: the shared compiler in this folder
 * asks the dialect for these and writes the rest of every statement itself.
 */
export interface SqlDialect {
  /** The Drizzle table for a model, built from its metadata, in `schema`: statements name it with the schema. */
  table(model: ModelMeta, schema: string): Table;
  /**
   * Why this database cannot give Ommi a table, or a column, of this name (a name it reserves,
   * a character it cannot keep in a name), or undefined. Asked once per model, before its first
   * statement, of its table name and of every column name.
   */
  nameProblem(name: string, of: "table" | "column"): string | undefined;
  /** `<index> ON <table>` of CREATE INDEX, the schema written where this database takes it. */
  indexOn(index: string, table: TableName): SQL;
  /**
   * Where the database indexes no expression (MariaDB): the statement that makes `index`, the
   * index of a value inside a structured field (`expression`, a scalar of `type`, see
   * JsonAccess.scalar), another way; idempotent, as CREATE INDEX IF NOT EXISTS is. Absent:
   * CREATE INDEX on the expression itself.
   */
  nestedIndex?(index: string, table: TableName, expression: SQL, type: ScalarType, unique: boolean): SQL;
  /**
   * What follows `ON <table>` in the index of an `Index` field whose type is structured: the
   * method and the indexed expression, or undefined where this database has no such index.
   */
  structuredIndex(field: FieldMeta, column: SQL): SQL | undefined;
  /** The table a REFERENCES clause names. */
  referenceTo(table: TableName): SQL;
  /**
   * Present where a foreign key may name only a table that exists, and can be added to an
   * existing table (PostgreSQL): a statement whose one value is the number of the table's
   * constraints named `name`. A foreign key to a table created later is then added once every
   * table exists (ALTER TABLE ... ADD CONSTRAINT), unless this counts it already: schema creation
   * runs on every start. Absent where a foreign key may name a table created later, its rows
   * checked as they are written, and none can be added to an existing table (SQLite).
   */
  constraintCount?(table: TableName, name: string): SQL;
  /**
   * Where DROP TABLE checks foreign keys as it deletes the table's rows, and none can be dropped
   * first (SQLite): the statement that makes them wait for the commit. Run before dropping tables
   * whose references form a cycle (none of them can go first); it holds for the rest of the
   * transaction.
   */
  readonly deferForeignKeys?: SQL;
  /** The same table under another name, for subqueries that may reach a model twice. */
  alias(table: Table, name: string): Table;
  /** Text and parameters of a statement; placeholders stay `Placeholder` objects, to be bound per call. */
  toQuery(statement: SQL): { readonly sql: string; readonly params: readonly unknown[] };
  /** JavaScript value → the value bound for a field (or a value inside one) of a type. */
  readonly encode: ValueCodecs<Encode>;
  /** Stored value → JavaScript value; `undefined` where the driver already gives the right value. */
  readonly decode: ValueCodecs<Encode | undefined>;
  /** contains, startsWith, endsWith, like, ilike and regex: each linear-time in the text (issue 8). */
  textMatch(operator: TextOperator): TextMatch;
  /** `in` for a scalar type: the list bound as one parameter, so any length has one statement shape. */
  inList(type: ScalarType): ListMatch;
  /** Reaching inside structured values. */
  readonly json: JsonAccess;
  /** What stands after LIMIT when only OFFSET was asked for. */
  readonly noLimit: SQL;
  /** The column type for a field, in CREATE TABLE and ADD COLUMN. */
  columnType(field: FieldMeta): SQL;
  /** The clause that makes a lone integer key generated by the database (after the type). */
  readonly generatedKey: SQL;
  /**
   * `column + amount` for an increment, where the database's `+` is not enough (SQLite turns an
   * integer sum past 64 bits into a float: it must fail instead, as PostgreSQL's does).
   */
  increment?(column: SQL, amount: SQL, field: FieldMeta): SQL;
  /**
   * Where the database itself sorts nulls first ascending and last descending, and has no
   * `NULLS FIRST` (MySQL): ORDER BY then says only ASC or DESC.
   */
  readonly sortsNullsFirst?: boolean;
  /**
   * Where an UPDATE or DELETE may not read its own table in a subquery, nor take LIMIT inside
   * `IN (...)` (MySQL): the rows a sorted or limited update or delete picks are read into a
   * derived table first, which the database materialises.
   */
  readonly materializesPickedRows?: boolean;
  /**
   * Present where CREATE INDEX takes no IF NOT EXISTS, nor ALTER TABLE and DROP CONSTRAINT an IF
   * EXISTS (MySQL 8): a statement whose one value is the number of the table's indexes named
   * `index` (as indexOn names it). Schema creation then makes an index only where this counts
   * none, and schema deletion drops a foreign key only where `constraintCount` counts it.
   */
  readonly indexCount?: ((table: TableName, index: string) => SQL) | undefined;
  /**
   * Where a REFERENCES clause in a column's definition makes no foreign key (MySQL 8 parses it and
   * makes none): every foreign key is a table constraint, in CREATE TABLE, or added by ALTER TABLE
   * beside a column added to an existing table.
   */
  readonly foreignKeysAsTableConstraints?: boolean;
  /**
   * The key part of a `Unique` field's index where it cannot be the column itself (MySQL 8
   * indexes no whole LONGTEXT or LONGBLOB), in parentheses: an expression whose values are equal
   * exactly where the field's values are. Undefined (or absent): the column.
   */
  uniqueKeyPart?(field: FieldMeta, column: SQL): SQL | undefined;
}
