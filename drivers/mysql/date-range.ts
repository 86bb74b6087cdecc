import { QueryError, type ConditionNode, type PreparedQuery, type RawStatement, targetName } from "../../src/kit/driver.js";
import { boundValues, firstComparison } from "../sql/comparisons.js";
import { storedValueRefusals } from "../sql/refusals.js";
import type { Refusals } from "../sql/runner.js";
import { DATETIME_RANGE, inDateTimeRange, shownDate } from "./timestamp.js";

/**
 * Date fields are DATETIME(3) columns (timestamp.ts), which hold MySQL's documented range only. A
 * date outside it is refused by name before anything is sent: stored, it would be refused by the
 * server or changed; compared, it could only be answered by changing it. Dates inside structured
 * values are JSON (milliseconds), and hold every JavaScript Date: they are not checked.
 */

const outOfRange = (value: unknown): value is Date => value instanceof Date && !inDateTimeRange(value);

/** A value compared with: one date, or a list (`in`, `notIn`) of them. */
const holdsOutOfRange = (value: unknown): boolean => outOfRange(value) || (Array.isArray(value) && value.some(outOfRange));

/** Rows and patches whose date fields hold a date outside the range: the whole call, so nothing is written. */
const storedDates = storedValueRefusals("date", (value) => (outOfRange(value) ? `${DATETIME_RANGE}, so ${shownDate(value)} cannot be stored` : undefined));

/** Refuses a query comparing a date field with a date outside the range, naming the condition. */
function refuseQuery(query: PreparedQuery): void {
  // The common case costs one pass over the values; the condition is looked for only on a hit.
  if (!query.values.some(holdsOutOfRange)) return;
  const culprit = query.node.where && findCulprit(query.node.where, query.values);
  // A date inside a structured value is compared as JSON, in any range.
  if (!culprit) return;
  throw new QueryError(`${culprit.target}.${culprit.operator}(): ${DATETIME_RANGE}, so ${shownDate(culprit.date)} cannot be compared with stored dates`);
}

interface Culprit {
  readonly target: string;
  readonly operator: string;
  readonly date: Date;
}

/** The first comparison of a date column (not a date inside a structured value) with a date outside the range. */
function findCulprit(node: ConditionNode, values: readonly unknown[]): Culprit | undefined {
  return firstComparison(node, (comparison) => {
    if (comparison.field.type !== "date" || comparison.path) return undefined;
    for (const value of boundValues(comparison, values)) {
      const date = Array.isArray(value) ? value.find(outOfRange) : value;
      if (outOfRange(date)) return { target: targetName(comparison.field), operator: comparison.operator, date };
    }
    return undefined;
  });
}

/** Refuses a date outside the range among the values of a statement the user wrote (`db.sql`), which binds dates as DATETIME text. */
function refuseRaw(statement: RawStatement): void {
  statement.tokens.forEach((token, index) => {
    if (token.kind === "value" && outOfRange(token.value)) {
      throw new QueryError(`db.sql: the value at \${…} number ${index + 1} is ${shownDate(token.value)}, and ${DATETIME_RANGE}`);
    }
  });
}

export const dateRangeRefusals: Refusals = { ...storedDates, query: refuseQuery, raw: refuseRaw };
