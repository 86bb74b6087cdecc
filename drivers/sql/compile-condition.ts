import {
  isScalar, isStructured, Param, QueryError, targetName, typeName, type ComparisonNode, type ConditionNode, type FieldMeta, type RelatedNode, type ScalarType, type SomeNode,
  type TextOperator, type ValuePath, type ValueType,
} from "../../src/kit/driver.js";
import { CompiledStatement } from "./compiled.js";
import type { ColumnType, Encode, JsonSource, ListMatch, SqlDialect } from "./dialect.js";
import { sql, type SQL, type Table } from "./drizzle.js";
import { comparedJsonEncoder } from "./json/encoder.js";
import { columnSource } from "./json/column-source.js";
import { holdsNumbers, storesNullAsJson } from "./json/type-facts.js";
import { columnOf, type Tables } from "./tables.js";

/** The items `some(...)` runs over, innermost last: what paths marked `element` start at. */
interface ItemScope {
  readonly alias: string;
  readonly type: ValueType;
}

/** State of compiling one statement: which encoder each placeholder's value needs. */
export class Compilation {
  readonly encoders = new Map<string, Encode>();
  readonly #items: ItemScope[] = [];
  #aliases = 0;
  #itemAliases = 0;

  constructor(
    readonly dialect: SqlDialect,
    readonly tables: Tables,
  ) {}

  /** A placeholder for `values[param.index]`, encoded by `encode` when bound. */
  placeholder(param: unknown, encode: Encode, prefix = ""): SQL {
    if (!(param instanceof Param)) throw new Error("the compiler expects prepared queries (values replaced by Param)");
    const name = `${prefix}${param.index}`;
    this.encoders.set(name, encode);
    return sql`${sql.placeholder(name)}`;
  }

  /** The statement's text and how to bind it: what is compiled once per shape and kept. */
  finish(statement: SQL): CompiledStatement {
    const { sql: text, params } = this.dialect.toQuery(statement);
    return new CompiledStatement(text, params, this.encoders);
  }

  nextAlias(): string {
    return `r${++this.#aliases}`;
  }

  /** Compiles `inside` with `item` as the innermost item of a `some(...)`. */
  withItem<T>(type: ValueType, inside: (alias: string) => T): T {
    const alias = `i${++this.#itemAliases}`;
    this.#items.push({ alias, type });
    try {
      return inside(alias);
    } finally {
      this.#items.pop();
    }
  }

  /** The item of the innermost enclosing `some(...)`. */
  item(): JsonSource {
    const scope = this.#items.at(-1);
    if (!scope) throw new QueryError("a condition on an item of an array is used outside that array's some(...)");
    return scope;
  }

  /** The type of the items of the innermost enclosing `some(...)`. */
  itemType(): ValueType {
    return (this.item() as ItemScope).type;
  }
}

const INTEGER: ValueType = Object.freeze({ type: "integer", nullable: false });

/** What a comparison or a sort compares: a column, or a value inside a structured one. */
interface Operand {
  readonly expression: SQL;
  /** A value compared with it → the value bound. */
  readonly encode: Encode;
  /** `in` and `notIn`, for scalars. */
  readonly list?: ListMatch;
}

/**
 * The column of `field`, or with a path the value inside it (or inside the current item of a
 * `some(...)`), as an expression the scalar comparisons, text matching and sorting apply to as
 * they do to a column. A whole structured value is its JSON text, for `eq` and `ne`: equal values
 * are the same keys in the same order with equal values, -0 equal to 0 (see JsonAccess.zeroed).
 */
export function operandOf(field: FieldMeta, path: ValuePath | undefined, table: Table, compilation: Compilation): Operand {
  const { dialect } = compilation;
  const column = sql`${columnOf(table, field)}`;
  if (!path) {
    if (isStructured(field)) return wholeValue(dialect.json.text(columnSource(field, column), []), field, compilation);
    return { expression: column, encode: dialect.encode.of(field), ...(isScalar(field) ? { list: dialect.inList(field.type as ScalarType) } : {}) };
  }
  const source = path.element ? compilation.item() : columnSource(field, column);
  if (path.length) {
    checkArrayAt(field, path, compilation);
    return { expression: dialect.json.length(dialect.json.array(source, path.keys)), encode: dialect.encode.of(INTEGER), list: dialect.inList("integer") };
  }
  const { type } = path;
  if (isStructured(type)) return wholeValue(dialect.json.text(source, path.keys), type, compilation);
  const scalar = dialect.json.scalarValue(type.type as ColumnType);
  return { expression: dialect.json.scalar(source, path.keys, type.type as ColumnType), encode: naming(scalar.encode, field, path), list: scalar.list };
}

/** `encode`, whose QueryError (a value the database cannot compare with the stored one) names what is compared. */
function naming(encode: Encode, field: FieldMeta, path: ValuePath): Encode {
  return (value) => {
    try {
      return encode(value);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      throw new QueryError(`${targetName(field, path)}: ${error.message}`);
    }
  };
}

/** A whole structured value as `eq` compares it: its text, -0 written 0 where the type may hold numbers. */
function wholeValue(text: SQL, type: ValueType, compilation: Compilation): Operand {
  return { expression: holdsNumbers(type) ? compilation.dialect.json.zeroed(text) : text, encode: comparedJsonEncoder(type) };
}

/** What isNull and isNotNull test: the value itself (SQL NULL where it, or a value on the way, is null or missing). */
function nullTestOf(field: FieldMeta, path: ValuePath | undefined, table: Table, compilation: Compilation): SQL {
  if (!path) return storesNullAsJson(field) ? compilation.dialect.json.text(columnSource(field, sql`${columnOf(table, field)}`), []) : sql`${columnOf(table, field)}`;
  if (path.length || !isStructured(path.type)) return operandOf(field, path, table, compilation).expression;
  return compilation.dialect.json.text(path.element ? compilation.item() : columnSource(field, sql`${columnOf(table, field)}`), path.keys);
}

/** A `length` is of an array: what `path.keys` reach (from the field, or from the current item) must be one. */
function checkArrayAt(field: FieldMeta, path: ValuePath, compilation: Compilation): void {
  let type: ValueType | undefined = path.element ? compilation.itemType() : field;
  for (const key of path.keys) type = type?.fields?.find((nested) => nested.name === key);
  if (type?.type !== "array") {
    const name = targetName(field, { ...path, length: false });
    throw new QueryError(`${name}.length: only an array has a length, and ${name} is ${type ? typeName(type) : "not a known value"}`);
  }
}

const SYMBOLS = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * AST → Drizzle SQL, for every SQL dialect. Comparisons on null are false (SQL's NULL does
 * that under WHERE), and `not` is `IS NOT TRUE`, so that it also matches the rows whose
 * comparison was NULL: exactly the rows the inner condition does not match.
 */
export function compileCondition(node: ConditionNode, table: Table, compilation: Compilation): SQL {
  switch (node.kind) {
    case "comparison":
      return compileComparison(node, table, compilation);
    case "and":
    case "or": {
      const parts = node.items.map((item) => sql`(${compileCondition(item, table, compilation)})`);
      return sql.join(parts, node.kind === "and" ? sql` AND ` : sql` OR `);
    }
    case "not":
      return sql`(${compileCondition(node.item, table, compilation)}) IS NOT TRUE`;
    case "related":
      return compileRelated(node, 0, table, compilation);
    case "some":
      return compileSome(node, table, compilation);
  }
}

function compileComparison(node: ComparisonNode, table: Table, compilation: Compilation): SQL {
  const { field, operator, value, path } = node;
  switch (operator) {
    case "has":
    case "hasAny":
    case "hasAll":
    case "isEmpty":
      return compileArrayMatch(node, table, compilation);
    case "isNull":
      return sql`${nullTestOf(field, path, table, compilation)} IS NULL`;
    case "isNotNull":
      return sql`${nullTestOf(field, path, table, compilation)} IS NOT NULL`;
    default:
      break;
  }
  const { expression, encode, list } = operandOf(field, path, table, compilation);
  switch (operator) {
    case "eq":
    case "ne":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return sql`${expression} ${sql.raw(SYMBOLS[operator])} ${compilation.placeholder(value, encode)}`;
    case "in":
    case "notIn":
      if (!list) throw new QueryError(`${field.model.name}.${field.name}: ${operator}() compares scalar values`);
      return compileList(expression, operator, value, list, compilation);
    default:
      return compileTextMatch(expression, operator, value, compilation);
  }
}

/**
 * has, hasAny, hasAll and isEmpty. The array is NULL where it is null or missing (or a value on
 * the way to it is), and none of these is then true (DESIGN.md section 4, rule 6): each is an
 * EXISTS or a comparison with the array, never NULL where `not` must match.
 */
function compileArrayMatch(node: ComparisonNode, table: Table, compilation: Compilation): SQL {
  const { field, operator, value, path } = node;
  const { json } = compilation.dialect;
  const source = path?.element ? compilation.item() : columnSource(field, sql`${columnOf(table, field)}`);
  const array = json.array(source, path?.keys ?? []);
  if (operator === "isEmpty") return sql`${json.length(array)} = 0`;
  const type = path?.type ?? field;
  // An index on the field (Index on an array field) serves conditions on the whole column.
  const indexed = !path && field.indexed;
  const match = json.arrayMatch(operator as "has" | "hasAny" | "hasAll", array, type.of as ValueType, indexed);
  return match.expression(compilation.placeholder(value, match.encode));
}

/** Some item of the array matches: an EXISTS over its items, inside which paths marked `element` start at the item. */
function compileSome(node: SomeNode, table: Table, compilation: Compilation): SQL {
  const { field, path } = node;
  const { json } = compilation.dialect;
  const source = path?.element ? compilation.item() : columnSource(field, sql`${columnOf(table, field)}`);
  const array = json.array(source, path?.keys ?? []);
  const type = (path?.type ?? field).of as ValueType;
  return compilation.withItem(type, (alias) => sql`EXISTS (SELECT 1 FROM ${json.items(array, alias)} WHERE ${compileCondition(node.where, table, compilation)})`);
}

/**
 * `in` and `notIn`, with the list bound as one parameter: one statement shape for every length,
 * and no limit on the length from the database's parameter count. `notIn` never matches a null
 * row (rule 1), and with an empty list matches every row that has a value; it is written out
 * as such, since SQL's `NULL NOT IN (empty)` and `NULL <> ALL('{}')` are TRUE.
 */
function compileList(expression: SQL, operator: "in" | "notIn", list: unknown, match: ListMatch, compilation: Compilation): SQL {
  const isIn = match.expression(expression, compilation.placeholder(list, match.encode));
  return operator === "in" ? isIn : sql`${expression} IS NOT NULL AND NOT (${isIn})`;
}

/** contains, startsWith, endsWith, like, ilike and regex: the dialect spells Ommi's meaning of the value (src/query/text). */
function compileTextMatch(expression: SQL, operator: TextOperator, value: unknown, compilation: Compilation): SQL {
  const match = compilation.dialect.textMatch(operator);
  return match.expression(expression, compilation.placeholder(value, (text) => match.encode(text as string)));
}

/**
 * A condition on another model: `this.ref IN (SELECT other.key FROM other WHERE ...)`, one
 * nested IN per step of the reference path. The subquery does not depend on the outer row, so
 * the database runs it once rather than once per row (as a correlated EXISTS may). A NULL among
 * its keys makes IN NULL, never true, and `not` is `IS NOT TRUE`: the meaning stays "some related
 * row matches". A composite reference compares a row value, `(a, b) IN (SELECT x, y ...)`.
 * Aliases keep self-references apart.
 */
function compileRelated(node: RelatedNode, step: number, table: Table, compilation: Compilation): SQL {
  const hop = node.path[step];
  if (!hop) return compileCondition(node.item, table, compilation);
  const next = compilation.tables.alias((hop.to[0] as FieldMeta).model, compilation.nextAlias());
  const inner = compileRelated(node, step + 1, next.table, compilation);
  return sql`${columnsOf(table, hop.from)} IN (SELECT ${sql.join(hop.to.map((field) => sql`${columnOf(next.table, field)}`), sql`, `)} FROM ${next.from} WHERE ${inner})`;
}

/** One column, or the row value of several: `(a, b)`. */
function columnsOf(table: Table, fields: readonly FieldMeta[]): SQL {
  const columns = fields.map((field) => sql`${columnOf(table, field)}`);
  return columns.length === 1 ? (columns[0] as SQL) : sql`(${sql.join(columns, sql`, `)})`;
}
