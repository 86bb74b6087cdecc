import {
  Param, QueryError, quote, ValidationError, type ConditionNode, type FieldMeta, type ModelMeta, type PreparedPatch, type PreparedQuery, type StoredRow,
} from "../../src/kit/driver.js";

/**
 * PostgreSQL's text cannot hold U+0000 at all (SQLite's can). A value containing it is refused
 * with an error naming the field, before anything is sent: storing it cut or changed would lose
 * data, and a comparison with it could only ever be answered by changing the value.
 */
const PROBLEM = "PostgreSQL text cannot contain the NUL character (U+0000)";

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  return Array.isArray(value) && value.some((item) => typeof item === "string" && item.includes("\0"));
}

const textFields = new WeakMap<ModelMeta, readonly FieldMeta[]>();

function textFieldsOf(model: ModelMeta): readonly FieldMeta[] {
  let fields = textFields.get(model);
  if (!fields) textFields.set(model, (fields = model.fields.filter((field) => field.type === "string")));
  return fields;
}

/** Refuses rows to be added whose text fields hold NUL. */
export function refuseNulInRows(model: ModelMeta, rows: readonly StoredRow[]): void {
  const fields = textFieldsOf(model);
  if (fields.length === 0) return;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as StoredRow;
    for (const field of fields) {
      const value = row[field.name];
      if (typeof value === "string" && value.includes("\0")) {
        throw new ValidationError(model.name, [{ path: [field.name], message: `${PROBLEM}: ${quote(value)}` }], [], rows.length > 1 ? index : undefined);
      }
    }
  }
}

/** Refuses an update that would set a text field to a value holding NUL. */
export function refuseNulInPatch(model: ModelMeta, patch: PreparedPatch): void {
  patch.fields.forEach((field, index) => {
    const value = patch.values[index];
    if (field.type === "string" && hasNul(value)) {
      throw new ValidationError(model.name, [{ path: [field.name], message: `${PROBLEM}: ${quote(value)}` }], []);
    }
  });
}

/** Refuses a query that compares text with a value holding NUL, naming the condition. */
export function refuseNulInQuery(query: PreparedQuery): void {
  // The common case costs one pass over the values; the condition is looked for only on a hit.
  if (!query.values.some(hasNul)) return;
  const culprit = query.node.where && findCulprit(query.node.where, query.values);
  const where = culprit ? `${culprit.field.model.name}.${culprit.field.name}.${culprit.operator}(): ` : `${query.node.model.name}: `;
  throw new QueryError(`${where}${PROBLEM}, so the value ${quote(culprit?.value)} cannot be compared with stored text`);
}

interface Culprit {
  readonly field: FieldMeta;
  readonly operator: string;
  readonly value: unknown;
}

function findCulprit(node: ConditionNode, values: readonly unknown[]): Culprit | undefined {
  switch (node.kind) {
    case "comparison": {
      const params = Array.isArray(node.value) ? (node.value as unknown[]) : [node.value];
      for (const param of params) {
        const value = param instanceof Param ? values[param.index] : undefined;
        if (hasNul(value)) return { field: node.field, operator: node.operator, value };
      }
      return undefined;
    }
    case "and":
    case "or":
      for (const item of node.items) {
        const found = findCulprit(item, values);
        if (found) return found;
      }
      return undefined;
    case "not":
    case "related":
      return findCulprit(node.item, values);
  }
}
