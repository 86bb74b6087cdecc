import { Param, type ComparisonNode, type ConditionNode, type FieldMeta, type RelatedNode, type TextOperator } from "../../src/kit/driver.js";
import { CompiledStatement } from "./compiled.js";
import type { Encode, SqlDialect } from "./dialect.js";
import { sql, type SQL, type Table } from "./drizzle.js";
import { columnOf, type Tables } from "./tables.js";

/** State of compiling one statement: which encoder each placeholder's value needs. */
export class Compilation {
  readonly encoders = new Map<string, Encode>();
  #aliases = 0;

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
  }
}

function compileComparison(node: ComparisonNode, table: Table, compilation: Compilation): SQL {
  const { field, operator, value } = node;
  const column = sql`${columnOf(table, field)}`;
  const encode = compilation.dialect.encode[field.type];
  switch (operator) {
    case "eq":
    case "ne":
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return sql`${column} ${sql.raw(SYMBOLS[operator])} ${compilation.placeholder(value, encode)}`;
    case "in":
    case "notIn":
      return compileList(column, operator, value, field, compilation);
    case "isNull":
      return sql`${column} IS NULL`;
    case "isNotNull":
      return sql`${column} IS NOT NULL`;
    default:
      return compileTextMatch(field, column, operator, value, compilation);
  }
}

/**
 * `in` and `notIn`, with the list bound as one parameter: one statement shape for every length,
 * and no limit on the length from the database's parameter count. `notIn` never matches a null
 * row (rule 1), and with an empty list matches every row that has a value; it is written out
 * as such, since SQL's `NULL NOT IN (empty)` and `NULL <> ALL('{}')` are TRUE.
 */
function compileList(column: SQL, operator: "in" | "notIn", list: unknown, field: FieldMeta, compilation: Compilation): SQL {
  const match = compilation.dialect.inList(field.type);
  const isIn = match.expression(column, compilation.placeholder(list, match.encode));
  return operator === "in" ? isIn : sql`${column} IS NOT NULL AND NOT (${isIn})`;
}

/** contains, startsWith, endsWith, like, ilike and regex: the dialect spells Ommi's meaning of the value (src/query/text). */
function compileTextMatch(_field: FieldMeta, column: SQL, operator: TextOperator, value: unknown, compilation: Compilation): SQL {
  const match = compilation.dialect.textMatch(operator);
  return match.expression(column, compilation.placeholder(value, (text) => match.encode(text as string)));
}

/**
 * A condition on another model: `this.ref IN (SELECT other.key FROM other WHERE ...)`, one
 * nested IN per step of the reference path. The subquery does not depend on the outer row, so
 * the database runs it once rather than once per row (as a correlated EXISTS may). A NULL among
 * its keys makes IN NULL, never true, and `not` is `IS NOT TRUE`: the meaning stays "some related
 * row matches". Aliases keep self-references apart.
 */
function compileRelated(node: RelatedNode, step: number, table: Table, compilation: Compilation): SQL {
  const hop = node.path[step];
  if (!hop) return compileCondition(node.item, table, compilation);
  const next = compilation.tables.alias(hop.to.model, compilation.nextAlias());
  const inner = compileRelated(node, step + 1, next.table, compilation);
  return sql`${columnOf(table, hop.from)} IN (SELECT ${columnOf(next.table, hop.to)} FROM ${next.from} WHERE ${inner})`;
}
