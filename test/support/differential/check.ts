import { OmmiError } from "ommi";
import { SCHEMA, type ModelName, type Row } from "./models.js";
import { comparator, type Expectation } from "./reference.js";
import { isPlainObject } from "./structured.js";

/** What an operation gave: its value, or what it threw (or its result's error). */
export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * An error message may quote an input, shortened, but never repeat it whole (a 1 MB pattern once
 * gave a 7 MB message). The inputs here reach 70,000 characters and 40,000-value lists.
 */
const LONGEST_MESSAGE = 2_000;

/** A value for a message: long strings cut, with their length. */
export function show(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "string" && item.length > 60) return `${item.slice(0, 60)}… (${item.length} characters)`;
    if (typeof item === "bigint") return `${item}n`;
    if (Object.is(item, -0)) return "-0";
    if (Array.isArray(item) && item.length > 12) return [...(item as unknown[]).slice(0, 12), `… (${item.length} items)`];
    return item;
  }) ?? String(value);
}

/** A row for a message, telling apart what a round trip must keep (-0, absent and null, bigint and number). */
function canonical(row: unknown): string {
  if (typeof row !== "object" || row === null) return `not a row: ${show(row)}`;
  const fields = Object.keys(row).sort().map((key) => `${key}=${canonicalValue((row as Record<string, unknown>)[key])}`);
  return `{${fields.join(", ")}}`;
}

function canonicalValue(value: unknown): string {
  if (typeof value === "string") return show(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  // Structured values keep their order of items and keys: a round trip must keep both.
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(", ")}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([key, item]) => `${show(key)}: ${canonicalValue(item)}`).join(", ")}}`;
  return `${Object.prototype.toString.call(value)} ${show(value)}`;
}

const shownRow = (row: unknown) => canonical(row).slice(0, 400);

function describeOutcome(outcome: Outcome): string {
  if (!outcome.ok) {
    const error = outcome.error;
    return error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : `threw ${show(error)}`;
  }
  if (Array.isArray(outcome.value)) return `${outcome.value.length} rows`;
  return `the value ${show(outcome.value)}`;
}

/**
 * Whether two values are the same as a round trip must keep them (`-0` is not `0`, `1n` is not
 * `1`), at every depth: arrays item by item, objects key by key in the same order (a key holding
 * undefined is not a key left out), each a plain object.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const [left, right] = [Object.keys(a), Object.keys(b)];
    return left.length === right.length && left.every((key, index) => key === right[index] && sameValue(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** Whether two rows hold the same fields (a field left out is not a field holding null or undefined) with the same values. */
function sameRow(actual: unknown, expected: Row): boolean {
  if (typeof actual !== "object" || actual === null) return false;
  const fields = Object.keys(expected);
  const given = actual as Record<string, unknown>;
  if (Object.keys(given).length !== fields.length) return false;
  return fields.every((field) => Object.hasOwn(given, field) && sameValue(given[field], expected[field]));
}

/** Whether `actual` holds the expected rows, each once, in any order: rows are matched by their key. */
function sameRows(modelName: ModelName, actual: readonly unknown[], expected: readonly Row[]): boolean {
  if (actual.length !== expected.length) return false;
  const keyOf = (row: Readonly<Record<string, unknown>>) => SCHEMA[modelName].keys.map((key) => canonicalValue(row[key])).join("|");
  const byKey = new Map(expected.map((row) => [keyOf(row), row]));
  for (const row of actual) {
    if (typeof row !== "object" || row === null) return false;
    const key = keyOf(row as Record<string, unknown>);
    const found = byKey.get(key);
    if (!found || !sameRow(row, found)) return false;
    byKey.delete(key);
  }
  return true;
}

/** Where two lists of rows (as text) first differ. */
function firstDifference(actual: readonly string[], expected: readonly string[]): string {
  for (let index = 0; index < Math.max(actual.length, expected.length); index++) {
    if (actual[index] !== expected[index]) return `at row ${index}: got ${actual[index]?.slice(0, 400) ?? "no row"}, expected ${expected[index]?.slice(0, 400) ?? "no row"}`;
  }
  return "the same rows as text (a difference of type, or a repeated row?)";
}

function rowsDisagree(expectation: Extract<Expectation, { kind: "rows" }>, value: unknown): string | undefined {
  if (!Array.isArray(value)) return `expected rows, got ${show(value)}`;
  const rows = value as unknown[];
  const exact = expectation.order === "exact";
  const matches = exact
    ? rows.length === expectation.rows.length && rows.every((row, index) => sameRow(row, expectation.rows[index] as Row))
    : sameRows(expectation.model, rows, expectation.rows);
  if (!matches) {
    const actual = rows.map(canonical);
    const expected = expectation.rows.map(canonical);
    const where = exact ? `in order, ${firstDifference(actual, expected)}` : `as sets (sorted by their text), ${firstDifference(actual.sort(), expected.sort())}`;
    return `${actual.length} rows, expected ${expected.length}; ${where}`;
  }
  if (expectation.order === "sorted") {
    const compare = comparator(expectation.sort ?? []);
    for (let index = 1; index < rows.length; index++) {
      if (compare(rows[index - 1] as Row, rows[index] as Row) > 0) return `rows ${index - 1} and ${index} are out of order: ${shownRow(rows[index - 1])} before ${shownRow(rows[index])}`;
    }
  }
  return undefined;
}

/** Why the outcome is not what was expected, or undefined when it is. */
export function disagreement(expectation: Expectation, outcome: Outcome): string | undefined {
  if (expectation.kind === "anyOf") {
    const problems = expectation.options.map((option) => disagreement(option, outcome));
    return problems.includes(undefined) ? undefined : problems.join("; or: ");
  }
  if (expectation.kind === "error") {
    const wanted = expectation.errors.join(" or ");
    if (outcome.ok) return `expected ${wanted}, got ${describeOutcome(outcome)}`;
    const error = outcome.error;
    if (!(error instanceof OmmiError) || !expectation.errors.includes(error.name as never)) return `expected ${wanted}, got ${describeOutcome(outcome)}`;
    if (error.message.length > LONGEST_MESSAGE) return `the ${error.name} message is ${error.message.length} characters long: it repeats an input instead of quoting it shortened`;
    return undefined;
  }
  if (!outcome.ok) return `expected ${expectation.kind === "rows" ? `${expectation.rows.length} rows` : expectation.kind === "number" ? expectation.value : "a row"}, got ${describeOutcome(outcome)}`;
  const { value } = outcome;
  switch (expectation.kind) {
    case "number":
      return value === expectation.value ? undefined : `expected ${expectation.value}, got ${show(value)}`;
    case "oneOf":
      if (expectation.rows.some((row) => sameRow(value, row))) return undefined;
      return `got ${shownRow(value)}, expected one of ${expectation.rows.slice(0, 3).map(shownRow).join(" | ")}${expectation.rows.length > 3 ? ` (and ${expectation.rows.length - 3} more)` : ""}`;
    case "rows":
      return rowsDisagree(expectation, value);
  }
}
