import type { SchemaField, ValueType } from "./field.js";
import type { FieldMeta, ModelMeta } from "./meta.js";

/**
 * How a model is stored, as facts that can be compared: its name, library, fields in order,
 * and for each field its type, column and markers. Two definitions with the same facts store
 * the same table, so one may replace the other (a module loaded again by hot reload or a test).
 */
function storedShape(model: ModelMeta): Map<string, string> {
  const facts = new Map<string, string>([
    ["the name", model.name],
    ["the schema library", model.library],
    ["the fields", model.fields.map((field) => field.name).join(", ")],
  ]);
  for (const field of model.fields) facts.set(`field ${field.name}`, describeField(field));
  for (const index of model.nestedIndexes) {
    facts.set(`the index on ${[index.field.name, ...index.path].join(".")}`, `${index.type}${index.unique ? ", unique" : ""}`);
  }
  return facts;
}

/**
 * What differs between how `registered` and `redefined` (two models of the same name) are
 * stored, one item per difference ("field age: integer there, string here"), or nothing when
 * they are stored alike.
 */
export function storedShapeDifferences(registered: ModelMeta, redefined: ModelMeta): string[] {
  const before = storedShape(registered);
  const after = storedShape(redefined);
  const differences: string[] = [];
  for (const fact of new Set([...before.keys(), ...after.keys()])) {
    const there = before.get(fact);
    const here = after.get(fact);
    if (there === here) continue;
    if (fact.startsWith("field ") && (there === undefined || here === undefined)) continue; // said by "the fields"
    differences.push(`${fact}: ${there ?? "none"} there, ${here ?? "none"} here`);
  }
  // A reference that cannot resolve yet (to a model defined further down) is compared only when both can.
  for (const field of redefined.fields) {
    const other = registered.field(field.name);
    const [there, here] = [other && referenceOf(other), referenceOf(field)];
    if (other && there !== "unknown" && here !== "unknown" && there !== here) {
      differences.push(`field ${field.name} refers to ${there ?? "nothing"} there, ${here ?? "nothing"} here`);
    }
  }
  return differences;
}

function describeField(field: FieldMeta): string {
  const parts = [describeType(field)];
  if (field.optional) parts.push("optional");
  if (field.column !== field.name) parts.push(`stored as "${field.column}"`);
  if (field.key) parts.push("key");
  if (field.auto) parts.push("generated");
  if (field.unique) parts.push("unique");
  if (field.indexed) parts.push("indexed");
  return parts.join(", ");
}

/** A type in full (allowed values, nullability, nested keys), so that any stored difference shows. */
function describeType(type: ValueType): string {
  const nullable = type.nullable ? " | null" : "";
  switch (type.type) {
    case "array":
    case "record":
      return `${type.type} of (${type.of ? describeType(type.of) : "?"})${nullable}`;
    case "object":
      return `object { ${(type.fields ?? []).map(describeKey).join(", ")} }${nullable}`;
    case "union": {
      const by = type.discriminator === undefined ? "" : ` by ${type.discriminator}`;
      return `union${by} of ${(type.options ?? []).map(describeType).join(" or ")}${nullable}`;
    }
    default:
      return `${type.type}${type.values ? ` (one of ${type.values.map((value) => JSON.stringify(value)).join(", ")})` : ""}${nullable}`;
  }
}

function describeKey(field: SchemaField): string {
  return `${field.name}${field.optional ? "?" : ""}: ${describeType(field)}`;
}

/** The field a field refers to, "Model.field"; undefined for none; "unknown" while it cannot resolve yet. */
function referenceOf(field: FieldMeta): string | undefined {
  try {
    const target = field.reference;
    return target && `${target.model.name}.${target.name}`;
  } catch {
    return "unknown";
  }
}
