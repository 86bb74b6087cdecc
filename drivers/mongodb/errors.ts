import {
  MongoBulkWriteError, MongoClientClosedError, MongoError, MongoNetworkError, MongoNotConnectedError, MongoServerClosedError,
  MongoServerError, MongoServerSelectionError, MongoTopologyClosedError, type WriteError,
} from "mongodb";
import {
  ConnectionError, ConstraintError, OmmiError, QueryError, SchemaError, shortenMessage, TimeoutError, TransactionError,
  type FieldMeta, type ModelMeta,
} from "../../src/kit/driver.js";
import { fieldsOfIndex } from "./indexes.js";

/** Server error codes Ommi tells apart (https://www.mongodb.com/docs/manual/reference/error-codes/). */
export const CODES = {
  namespaceNotFound: 26,
  namespaceExists: 48,
  maxTimeMSExpired: 50,
  indexOptionsConflict: 85,
  indexKeySpecsConflict: 86,
  writeConflict: 112,
  noSuchTransaction: 251,
  transactionTooOld: 225,
  duplicateKey: 11000,
} as const;

/** What a failed write reports about the index it broke: on the error itself, or on its first write error. */
interface DuplicateDetails {
  readonly keyPattern?: Record<string, unknown>;
  readonly errmsg?: string;
}

/** The official client's errors, as Ommi errors; `model` names the model for a duplicate key. The original stays as `cause`. */
export function fromMongoError(error: unknown, doing: string, model?: ModelMeta): OmmiError {
  if (error instanceof OmmiError) return error;
  if (!(error instanceof Error)) return new OmmiError(`${doing}: ${String(error)}`, { cause: error });
  if (isConnectionTrouble(error)) return new ConnectionError(`${doing}: cannot reach MongoDB: ${shortenMessage(error.message)}`, { cause: error });
  if (!(error instanceof MongoError)) return new QueryError(`${doing}: ${shortenMessage(error.message)}`, { cause: error });
  const code = typeof error.code === "number" ? error.code : Number(error.code);
  const message = `${doing}: ${shortenMessage(error.message)}`;
  if (code === CODES.duplicateKey) return duplicateKey(error, doing, model);
  if (code === CODES.maxTimeMSExpired) return new TimeoutError(`${doing}: MongoDB stopped the operation at its time limit (maxTimeMS)`, { cause: error, limit: "statement" });
  if (code === CODES.namespaceNotFound) return missingCollection(doing, model, error);
  if (error.hasErrorLabel("TransientTransactionError") || code === CODES.writeConflict) {
    return new TransactionError(`${message} (a conflict with a concurrent transaction: running the transaction again may succeed)`, { cause: error, retryable: true });
  }
  if (code === CODES.noSuchTransaction || code === CODES.transactionTooOld) return new TransactionError(message, { cause: error });
  return new QueryError(message, { cause: error });
}

/** The error for a model whose collection is missing: create the models first. */
export function missingCollection(doing: string, model: ModelMeta | undefined, cause?: unknown): SchemaError {
  const what = model ? `the collection ${JSON.stringify(model.name)} of ${model.name} does not exist` : "the collection does not exist";
  return new SchemaError(`${doing}: ${what} (create the models first: await db.schema().createModels())`, { cause });
}

function isConnectionTrouble(error: Error): boolean {
  return (
    error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError || error instanceof MongoServerClosedError || error instanceof MongoClientClosedError
  );
}

function duplicateKey(error: MongoError, doing: string, model: ModelMeta | undefined): ConstraintError {
  const details = duplicateDetails(error);
  const fields = model ? brokenFields(model, details) : [];
  const names = fields.map((field) => field.name).join(", ");
  const what = !model
    ? "a row with the same unique value exists"
    : fields.length === 0
      ? `another ${model.name} row has the same unique value`
      : fields.length === 1
        ? `another ${model.name} row has the same ${names} (${model.name}.${names} is ${fields[0]?.key ? "its key" : "unique"})`
        : `another ${model.name} row has the same ${names} (${fields.every((field) => field.key) ? "its key" : "unique together"})`;
  return new ConstraintError(`${doing}: ${what}`, { cause: error });
}

function duplicateDetails(error: MongoError): DuplicateDetails {
  const own = error as MongoError & DuplicateDetails;
  if (own.keyPattern) return own;
  if (error instanceof MongoBulkWriteError) {
    const reported = error.writeErrors as WriteError | readonly WriteError[];
    const writeError: WriteError | undefined = isWriteErrorList(reported) ? reported[0] : reported;
    const raw = writeError?.err as DuplicateDetails | undefined;
    if (raw?.keyPattern) return raw;
    return { errmsg: writeError?.errmsg ?? error.message };
  }
  return { errmsg: error instanceof MongoServerError ? (error.errmsg ?? error.message) : error.message };
}

function isWriteErrorList(reported: WriteError | readonly WriteError[]): reported is readonly WriteError[] {
  return Array.isArray(reported);
}

/** The model's fields an index covers: from the key pattern the server reports, else from the index name in its message. */
function brokenFields(model: ModelMeta, details: DuplicateDetails): readonly FieldMeta[] {
  if (details.keyPattern) return fieldsOfPaths(model, Object.keys(details.keyPattern));
  const index = /index: (\S+)/.exec(details.errmsg ?? "")?.[1];
  return index === undefined ? [] : fieldsOfIndex(model, index);
}

function fieldsOfPaths(model: ModelMeta, paths: readonly string[]): FieldMeta[] {
  const found: FieldMeta[] = [];
  for (const path of paths) {
    const root = path === "_id" ? path : (path.split(".")[0] as string);
    const field = root === "_id" ? (model.keys.length === 1 ? model.keys[0] : undefined) : model.fields.find((each) => each.column === root && !(each.key && model.keys.length === 1));
    if (field && !found.includes(field)) found.push(field);
  }
  return found;
}

export { fieldsOfPaths };
