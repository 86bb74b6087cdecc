import {
  isPlainObject, isStructured, QueryError, quote, ValidationError, type ConditionNode, type FieldMeta, type ModelMeta, type PreparedPatch,
  type PreparedQuery, type StoredRow, targetName, type ValidationIssue,
} from "../../src/kit/driver.js";
import { boundValues, firstComparison } from "../sql/comparisons.js";

/**
 * PostgreSQL's text cannot hold U+0000 at all (SQLite's can). A value containing it is refused
 * with an error naming the field, before anything is sent: storing it cut or changed would lose
 * data, and a comparison with it could only ever be answered by changing the value.
 */
const PROBLEM = "PostgreSQL text cannot contain the NUL character (U+0000)";

/**
 * Inside a structured value it is refused too: the `json` type would store `\u0000`, but
 * PostgreSQL cannot read it back out (`->>`, and jsonb for indexes, fail on it), so every
 * condition reaching into such a row would fail. SQLite stores it.
 */
const STRUCTURED_PROBLEM = "PostgreSQL cannot read the NUL character (U+0000) inside stored JSON, so a structured value cannot contain it";

/** The path to the first string (or key) inside `value` that holds NUL: [] for `value` itself; undefined when none does. */
function nulAt(value: unknown, depth = 0): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\0") ? [] : undefined;
  if (typeof value !== "object" || value === null || depth > 256) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const inner = nulAt(value[index], depth + 1);
      if (inner) return [index, ...inner];
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const key of Object.keys(value)) {
    if (key.includes("\0")) return [key];
    const inner = nulAt(value[key], depth + 1);
    if (inner) return [key, ...inner];
  }
  return undefined;
}

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  return typeof value === "object" && value !== null && nulAt(value) !== undefined;
}

/** Why a field's value cannot be stored here, as a ValidationError issue, or undefined. */
function nulIssue(field: FieldMeta, value: unknown): ValidationIssue | undefined {
  if (field.type === "string") return typeof value === "string" && value.includes("\0") ? { path: [field.name], message: `${PROBLEM}: ${quote(value)}` } : undefined;
  const at = nulAt(value);
  if (!at) return undefined;
  let inner: unknown = value;
  for (const step of at) inner = typeof inner === "object" && inner !== null ? (inner as Record<string | number, unknown>)[step] : inner;
  const what = typeof inner === "string" ? `: ${quote(inner)}` : `: the key ${quote(at.at(-1))} holds it`;
  return { path: [field.name, ...at], message: `${STRUCTURED_PROBLEM}${what}` };
}

const checkedFields = new WeakMap<ModelMeta, readonly FieldMeta[]>();

/** The fields whose values may hold NUL where PostgreSQL cannot: text, and structured values. */
function checkedFieldsOf(model: ModelMeta): readonly FieldMeta[] {
  let fields = checkedFields.get(model);
  if (!fields) checkedFields.set(model, (fields = model.fields.filter((field) => field.type === "string" || isStructured(field))));
  return fields;
}

/** Refuses rows to be added whose text or structured fields hold NUL. */
export function refuseNulInRows(model: ModelMeta, rows: readonly StoredRow[]): void {
  const fields = checkedFieldsOf(model);
  if (fields.length === 0) return;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as StoredRow;
    for (const field of fields) {
      const value = row[field.name];
      if (value === null || value === undefined) continue;
      const issue = nulIssue(field, value);
      if (issue) throw new ValidationError(model.name, [issue], [], rows.length > 1 ? index : undefined);
    }
  }
}

/** Refuses an update that would set a text or structured field to a value holding NUL. */
export function refuseNulInPatch(model: ModelMeta, patch: PreparedPatch): void {
  patch.fields.forEach((field, index) => {
    const value = patch.values[index];
    if (value === null || value === undefined || (field.type !== "string" && !isStructured(field))) return;
    const issue = nulIssue(field, value);
    if (issue) throw new ValidationError(model.name, [issue], []);
  });
}

/** Refuses a query that compares text with a value holding NUL, naming the condition (and the path inside a field). */
export function refuseNulInQuery(query: PreparedQuery): void {
  // The common case costs one pass over the values; the condition is looked for only on a hit.
  if (!query.values.some(hasNul)) return;
  const culprit = query.node.where && findCulprit(query.node.where, query.values);
  const where = culprit ? `${culprit.target}.${culprit.operator}(): ` : `${query.node.model.name}: `;
  throw new QueryError(`${where}${PROBLEM}, so the value ${quote(culprit?.value)} cannot be compared with stored values`);
}

interface Culprit {
  readonly target: string;
  readonly operator: string;
  readonly value: unknown;
}

function findCulprit(node: ConditionNode, values: readonly unknown[]): Culprit | undefined {
  return firstComparison(node, (comparison) => {
    const value = boundValues(comparison, values).find(hasNul);
    return value === undefined ? undefined : { target: targetName(comparison.field, comparison.path), operator: comparison.operator, value };
  });
}
