/**
 * `ommi/adapter`: everything the reader of a schema library needs from Ommi. Ommi's own
 * adapters import the core only through this file (the lint rules hold them to it).
 */
export type { SchemaAdapter, SchemaDescription, Validated } from "../model/adapter.js";
export { registerAdapter } from "../builder/adapters.js";
export { ModelError, ValidationError, type ValidationIssue } from "../errors.js";
export { FIELD_TYPES, SCALAR_TYPES, isScalar, isStructured, typeName, type FieldType, type Literal, type ScalarType, type SchemaField, type StructuredType, type ValueType } from "../model/field.js";
export { decoratedMarkers, type MarkerSpec } from "../model/markers.js";
export { isPlainObject } from "../model/storable.js";
export type { ClassInput, ModelClass, SchemaTypes } from "../model/schema-types.js";
export { quote } from "../util/quote.js";
