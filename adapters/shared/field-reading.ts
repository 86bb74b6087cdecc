import { ModelError, type FieldType, type SchemaField } from "../../src/kit/adapter.js";

/** What an adapter has learnt about one field's value: a `SchemaField` without its name. */
export type FieldReading = Omit<SchemaField, "name">;

/** Builds the `ModelError` for a problem with the field being read, so readers need not know its name. */
export type Fail = (problem: string) => ModelError;

export function scalar(type: FieldType): FieldReading {
  return { type, optional: false, nullable: false };
}

/** Reads one field; a problem the reader reports becomes a `ModelError` naming the model and the field. */
export function readField(modelName: string, fieldName: string, read: (fail: Fail) => FieldReading): SchemaField {
  const fail: Fail = (problem) => new ModelError(`${modelName}.${fieldName}: ${problem}`);
  return { name: fieldName, ...read(fail) };
}
