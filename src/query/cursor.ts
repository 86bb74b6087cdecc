import { createHash } from "node:crypto";
import { QueryError } from "../errors.js";
import type { ModelMeta } from "../model/meta.js";
import { pathKey, type ConditionNode, type SortNode } from "./nodes/index.js";

/**
 * The longest cursor `page()` makes or reads, in characters. A cursor holds the last row's sort
 * and key values, so its length follows theirs; one past this (a sort by long text) is a
 * QueryError when made, and anything longer given back is refused before it is decoded.
 */
export const MAX_CURSOR_LENGTH = 16_384;

/** Bytes of the check that ties a cursor to its query (128 bits, in base64url: 22 characters). */
const CHECK_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const CHECK = /^[A-Za-z0-9_-]{22}$/;
const BIGINT_TEXT = /^(0|-?[1-9][0-9]{0,79})$/;
const MAX_DATE_MS = 8.64e15;

/**
 * A cursor is `<payload>.<check>`: the payload is the position's values as JSON (base64url), one
 * per entry of the total order; the check is a SHA-256 of the query's description (model, sort,
 * the shape of its conditions, not their values) and the payload. A cursor given to another
 * query, or changed, fails the check and is refused before its payload is parsed. The check is
 * no signature: anyone may build a cursor for a position of their choosing in the same query,
 * which reads nothing that query does not; it keeps a cursor from being used by mistake, or
 * edited, into a wrong page.
 */
export function encodeCursor(model: ModelMeta, where: ConditionNode | undefined, order: readonly SortNode[], position: readonly unknown[]): string {
  const values = order.map((entry, index) => encodeValue(entry, position[index] ?? null));
  const payload = Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
  const cursor = `${payload}.${check(model, where, order, payload)}`;
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw new QueryError(
      `${model.name} page(): the cursor for this page would be ${cursor.length} characters, more than ${MAX_CURSOR_LENGTH}: the values of ${describeOrder(order)} are too long to carry (sort by shorter fields)`,
    );
  }
  return cursor;
}

/** The position a cursor made by `encodeCursor` for this query holds; a QueryError for anything else. */
export function decodeCursor(model: ModelMeta, where: ConditionNode | undefined, order: readonly SortNode[], cursor: unknown): unknown[] {
  const refused = (why: string) => new QueryError(`${model.name} page(): ${why}`);
  if (typeof cursor !== "string") throw refused(`after takes the cursor a page gave as next (a string), got ${cursor === null ? "null" : typeof cursor}`);
  if (cursor.length > MAX_CURSOR_LENGTH) throw refused(`the cursor is ${cursor.length} characters, more than any cursor Ommi makes (${MAX_CURSOR_LENGTH})`);
  const dot = cursor.lastIndexOf(".");
  const payload = cursor.slice(0, dot);
  const given = cursor.slice(dot + 1);
  const notOurs = refused(`the cursor was not made by this query (${describeOrder(order)}), or it was changed`);
  if (dot < 0 || !BASE64URL.test(payload) || !CHECK.test(given) || given !== check(model, where, order, payload)) throw notOurs;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw notOurs;
  }
  if (!Array.isArray(values) || values.length !== order.length) throw notOurs;
  return order.map((entry, index) => {
    const value = decodeValue(entry, values[index]);
    if (value === undefined) throw notOurs;
    return value;
  });
}

function check(model: ModelMeta, where: ConditionNode | undefined, order: readonly SortNode[], payload: string): string {
  const hash = createHash("sha256");
  hash.update(`ommi cursor 1\n${model.name}\n${describeOrder(order)}\n`);
  if (where) hash.update(conditionShape(where));
  hash.update(`\n${payload}`);
  return hash.digest().subarray(0, CHECK_BYTES).toString("base64url");
}

/** The order as messages name it, and as the check covers it: `User.name desc, User.id asc`. */
function describeOrder(order: readonly SortNode[]): string {
  return order.map((entry) => `${entry.field.model.name}.${entry.field.name}${pathKey(entry.path)} ${entry.direction}`).join(", ");
}

/**
 * The shape of a condition, by names (not by model ids and field positions, which belong to one
 * process: a cursor must outlive it), without its values: a cursor stays good for the same
 * query with other values (a `now` that moves between requests).
 */
function conditionShape(node: ConditionNode): string {
  switch (node.kind) {
    case "comparison":
      return `(${JSON.stringify(node.field.model.name)}.${JSON.stringify(node.field.name)}${pathKey(node.path)} ${node.operator})`;
    case "and":
    case "or":
      return `${node.kind}[${node.items.map(conditionShape).join(",")}]`;
    case "not":
      return `not[${conditionShape(node.item)}]`;
    case "some":
      return `(${JSON.stringify(node.field.model.name)}.${JSON.stringify(node.field.name)}${pathKey(node.path)} some[${conditionShape(node.where)}])`;
    case "related":
      return `related[${conditionShape(node.item)}]`;
  }
}

/** The type of the values an order entry compares: the field's, the path's (an integer for a length). */
function typeOf(entry: SortNode): string {
  return (entry.path?.type ?? entry.field).type;
}

/** A sort value as JSON: numbers and bigints as their exact text (-0 included), dates as milliseconds. */
function encodeValue(entry: SortNode, value: unknown): unknown {
  if (value === null) return null;
  const type = typeOf(entry);
  if (type === "string" && typeof value === "string") return value;
  if ((type === "integer" || type === "float") && typeof value === "number" && Number.isFinite(value)) return Object.is(value, -0) ? "-0" : String(value);
  if (type === "bigint" && typeof value === "bigint") return String(value);
  if (type === "boolean" && typeof value === "boolean") return value;
  if (type === "date" && value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  throw new QueryError(`${entry.field.model.name} page(): a row holds a value of ${entry.field.name} that is no ${type}, so no cursor can hold it`);
}

/** The value `encodeValue` wrote, checked against the entry's type; undefined when it is not one. */
function decodeValue(entry: SortNode, value: unknown): unknown {
  // A null where the schema has none (a document that lacks a required property) still pages on.
  if (value === null) return null;
  switch (typeOf(entry)) {
    case "string":
      return typeof value === "string" ? value : undefined;
    case "integer":
    case "float": {
      if (typeof value !== "string" || value.length > 32) return undefined;
      const number = Number(value);
      const exact = Number.isFinite(number) && (Object.is(number, -0) ? value === "-0" : String(number) === value);
      return exact && (typeOf(entry) === "float" || Number.isInteger(number)) ? number : undefined;
    }
    case "bigint":
      return typeof value === "string" && BIGINT_TEXT.test(value) ? BigInt(value) : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "date":
      return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= MAX_DATE_MS ? new Date(value) : undefined;
    default:
      return undefined;
  }
}
