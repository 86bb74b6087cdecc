import { builtInAdapters } from "../adapters/index.js";
import { registerAdapter } from "./builder/adapters.js";

// The composition root: the only place the core meets the adapters.
for (const adapter of builtInAdapters) registerAdapter(adapter);

export { Ommi, Transaction, type SchemaOperations, type TransactionOptions } from "./ommi.js";
export { Find, type IterateOptions, type UpdatePatch } from "./find.js";
export { AsyncResult, type DBResult } from "./result.js";
export {
  OmmiError, ValidationError, ModelError, ConnectionError, QueryError, ConstraintError,
  TransactionError, SchemaError, NoResultError, TimeoutError, type TimeoutLimit, type ValidationIssue,
} from "./errors.js";
export { model, type ModelOptions } from "./builder/model.js";
export { ModelCollection, defaultCollection } from "./model/collection.js";
export { Key, Auto, StoreAs, ReferenceTo, Unique, Index, Stored, type Marker, type FlagMarker, type AnyFieldRef } from "./model/markers.js";
export type { Model, ModelHandle, RowOf, InputOf, DataKeys } from "./builder/handle.js";
export type { SchemaTypes, SchemaRow, SchemaInput, ModelClass } from "./model/schema-types.js";
export { when, not, Query, type Conditional } from "./builder/query.js";
export { Condition } from "./builder/condition.js";
export { Sort } from "./builder/sort.js";
export type { Lazy } from "./builder/lazy.js";
export { relations } from "./relations/declare.js";
export type { JoinOptions, ManyRelation, OneRelation, ReferenceFields, RelationHelpers, ThroughOptions } from "./relations/declaration.js";
export type { IncludeSpec, Included, RelationalModel, RelationalModels, RelationalRow, RelationNames } from "./relations/types.js";
export type { FieldRef, TextFieldRef, ComparableFieldRef, FieldValue } from "./builder/field-ref.js";
export { MAX_LIKE_WILDCARDS, MAX_PATTERN_LENGTH, MAX_REGEX_SIZE } from "./query/text/limits.js";
// A database's type and what it declares it can do; writing a driver is `ommi/driver`.
export type { Driver, DriverCapabilities } from "./driver.js";
// The metadata behind a handle, for tools that inspect models.
export { metaOf } from "./model/brands.js";
export type { ModelMeta } from "./model/meta.js";
export type { FieldType } from "./model/field.js";
export type { FieldMeta } from "./model/meta.js";
