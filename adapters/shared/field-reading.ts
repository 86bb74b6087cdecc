import { ModelError, type FieldType, type SchemaField, type ValueType } from "../../src/kit/adapter.js";

/** What an adapter has learnt about one field's value: a `SchemaField` without its name. */
export type FieldReading = Omit<SchemaField, "name">;

/** Builds the `ModelError` for a problem with the field being read, so readers need not know its name. */
export type Fail = (problem: string) => ModelError;

/** A required, non-null value of a type without parts: a scalar, `binary` or a `json` value. */
export function scalar(type: FieldType): FieldReading {
  return { type, optional: false, nullable: false };
}

/** An object of known keys, in the schema's order. */
export function objectOf(fields: readonly SchemaField[]): FieldReading {
  return { type: "object", optional: false, nullable: false, fields };
}

/**
 * An array (or, with `kind: "record"`, a record) whose items are `item`. An item that may be
 * left out (`undefined`) has no JSON form, and would come back as null or not at all: refused.
 */
export function collectionOf(kind: "array" | "record", item: FieldReading, fail: Fail): FieldReading {
  if (item.problem) throw fail(`its ${kind === "array" ? "items" : "values"}: ${item.problem}`);
  if (item.optional) {
    throw fail(`${kind === "array" ? "an array whose items" : "a record whose values"} may be undefined cannot be stored exactly (JSON has no undefined); allow null instead (.nullable())`);
  }
  return { type: kind, optional: false, nullable: false, of: valueTypeOf(item) };
}

/** A union of object types, told apart by `discriminator` when the schema names one (or one can be found). */
export function unionOf(options: readonly FieldReading[], discriminator: string | undefined): FieldReading {
  const types = options.map(valueTypeOf);
  const found = discriminator ?? findDiscriminator(types);
  return { type: "union", optional: false, nullable: false, options: types, ...(found ? { discriminator: found } : {}) };
}

/**
 * A field the adapter cannot read or store: the model is refused with `problem` (listed with
 * every other refused field) unless a `Stored.<type>` marker names what the field holds.
 */
export function unreadable(problem: string): FieldReading {
  return { type: "json", optional: false, nullable: false, problem };
}

/** The reading as a value type: nested values have no optionality of their own (their key has). */
export function valueTypeOf(reading: FieldReading): ValueType {
  const { optional: _optional, problem: _problem, ...type } = reading;
  return type;
}

/** A key every option has, with literal values that tell the options apart. */
function findDiscriminator(options: readonly ValueType[]): string | undefined {
  const first = options[0]?.fields ?? [];
  for (const candidate of first) {
    const seen = new Set<unknown>();
    const tells = options.every((option) => {
      const field = option.fields?.find((each) => each.name === candidate.name);
      if (!field?.values || field.optional || field.nullable) return false;
      return field.values.every((value) => !seen.has(value) && seen.add(value));
    });
    if (tells) return candidate.name;
  }
  return undefined;
}

/**
 * Reads one field. A problem the reader reports (by throwing `fail(...)`) becomes the field's
 * `problem`, so that the model lists every refused field at once, each naming the model and the field.
 */
export function readField(modelName: string, fieldName: string, read: (fail: Fail) => FieldReading): SchemaField {
  const fail: Fail = (problem) => new ModelError(`${modelName}.${fieldName}: ${problem}`);
  try {
    return { name: fieldName, ...read(fail) };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const prefix = `${modelName}.${fieldName}: `;
    return { name: fieldName, ...unreadable(error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message) };
  }
}

/**
 * Reads the keys of a nested object. A problem with a key is reported as the enclosing field's,
 * naming the key's path (`address.geo: ...`).
 */
export function readNestedFields<S>(entries: readonly (readonly [string, S])[], read: (schema: S, fail: Fail) => FieldReading, fail: Fail): SchemaField[] {
  return entries.map(([name, schema]) => {
    const reading = read(schema, (problem) => fail(`${name}: ${problem}`));
    if (reading.problem) throw fail(`${name}: ${reading.problem}`);
    return { name, ...reading };
  });
}
