/**
 * `ommi/driver`: everything a database driver needs from Ommi, and nothing else. Ommi's own
 * drivers import the core only through this file (the lint rules hold them to it), so a
 * third-party driver has exactly what they have.
 */
export type {
  BeginOptions, Driver, DriverCapabilities, DriverSession, IsolationLevel, PreparedPatch, StoredRow, TransactionSession,
} from "../driver.js";
export type { UpsertConflict } from "../driver.js";
export type { PreparedOperations } from "../driver.js";
export type { ObservedStatement, RowCount, StatementObserver } from "../observe/statement.js";
export { isIncrement } from "../query/nodes/increment.js";
export {
  asOmmiError, ConnectionError, ConstraintError, ModelError, NoResultError, OmmiError, QueryError, SchemaError,
  TimeoutError, TransactionError, transactionDoomed, transactionEnded, ValidationError, type TimeoutLimit, type ValidationIssue,
} from "../errors.js";
export { isScalar, isStructured, STRUCTURED_TYPES, typeName, type FieldType, type ScalarType, type SchemaField, type StructuredType, type ValueType } from "../model/field.js";
export type { FieldMeta, ModelMeta, NestedIndex } from "../model/meta.js";
export { isPlainObject, valueProblem } from "../model/value-check.js";
export { hopEnds, type Hop } from "../model/paths.js";
export { referencesOf, type Reference } from "../model/references.js";
export { MAX_NAME_BYTES, storedNameProblem, utf8Length } from "../model/names.js";
export { Param, prepareQuery, type PreparedQuery } from "../query/prepare.js";
export type { RawStatement, RawToken, RawValue } from "../query/raw.js";
export type * from "../query/nodes/index.js";
export { targetName } from "../query/nodes/path.js";
export * from "../query/text/index.js";
export { quote, shortenMessage } from "../util/quote.js";
export { MAX_TIMEOUT_MS, timeoutProblem } from "../util/timeouts.js";
