import { builtInAdapters } from "../adapters/index.js";
// Again as a side effect, which the published declarations keep (they drop the import above): the
// adapters' declarations carry TypeBox's row types (adapters/typebox/schema-types.ts).
import "../adapters/index.js";
import { registerAdapter } from "./builder/adapters.js";

// The composition root: the only place the core meets the adapters.
for (const adapter of builtInAdapters) registerAdapter(adapter);

export { Ommi, Transaction, type OmmiOptions, type SchemaOperations, type TransactionOptions, type UpsertOptions } from "./ommi.js";
export { increment, type IncrementNode } from "./query/nodes/increment.js";
export { Find, type IterateOptions, type Page, type PageOptions, type UpdatePatch, type UpdateOptions, type IncrementOf } from "./find.js";
export type { SqlRecord, SqlTemplate } from "./raw-sql.js";
export { MAX_CURSOR_LENGTH } from "./query/cursor.js";
export { AsyncResult, type DBResult } from "./result.js";
// Watching a database: failed operations, and the statements it runs (logger, slow queries, OpenTelemetry).
export { formatStatement } from "./observe/format.js";
export type { FailureHook, ObserveOptions, OperationContext, ParamRedactor, StatementEvent, StatementLogger } from "./observe/options.js";
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
export { placeholder, Placeholder } from "./query/nodes/placeholder.js";
export { PreparedFind, type PlaceholderValues, type ValuesArgument } from "./prepared.js";
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
