import "../adapters/index.js";

export { Ommi, Transaction, type SchemaOperations, type TransactionOptions } from "./ommi.js";
export { Find, type IterateOptions, type UpdatePatch } from "./find.js";
export { AsyncResult, type DBResult } from "./result.js";
export {
  OmmiError, ValidationError, ModelError, ConnectionError, QueryError, ConstraintError,
  TransactionError, SchemaError, NoResultError, TimeoutError, type TimeoutLimit, type ValidationIssue,
} from "./errors.js";
export { model, type ModelOptions } from "./model/model.js";
export { ModelCollection, defaultCollection } from "./model/collection.js";
export { Key, Auto, StoreAs, ReferenceTo, Unique, Index, type Marker, type FlagMarker } from "./model/markers.js";
export type { Model, ModelHandle, RowOf, InputOf, DataKeys } from "./model/handle.js";
export type { SchemaTypes, SchemaRow, SchemaInput, ModelClass } from "./model/schema-types.js";
export { when, not, Query, type Conditional } from "./query/builder.js";
export { Condition } from "./query/condition.js";
export { Sort } from "./query/sort.js";
export type { FieldRef, TextFieldRef, ComparableFieldRef, FieldValue } from "./query/field-ref.js";
export { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "./query/text/limits.js";

// For driver and adapter authors.
export type { Driver, DriverSession, TransactionSession, StoredRow, PreparedPatch, BeginOptions, IsolationLevel } from "./driver.js";
export type { SchemaAdapter, SchemaDescription, Validated } from "./model/adapter.js";
export { registerAdapter } from "./model/adapter.js";
export type { FieldMeta, FieldType, SchemaField } from "./model/field.js";
export type { ModelMeta } from "./model/meta.js";
export { metaOf } from "./model/handle.js";
export { Param, prepareQuery, type PreparedQuery } from "./query/prepare.js";
export type * from "./query/nodes/index.js";
