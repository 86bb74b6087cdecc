import type { Db } from "mongodb";
import type { ObservedStatement, RowCount, StatementObserver } from "../../src/kit/driver.js";

/** How a method's arguments show in a statement: user data (each value a `?`), options (shown, less the session), or shown as they are. */
type Argument = "data" | "options" | "shown";

interface Method {
  /** The server command it sends (OpenTelemetry's db.operation.name). */
  readonly command: string;
  readonly args: readonly Argument[];
  /** It gives a cursor: the command runs when its documents are read (toArray). */
  readonly cursor?: boolean;
  readonly rows?: RowCount<never>;
}

const written = (result: { matchedCount?: number; upsertedCount?: number; deletedCount?: number; insertedCount?: number }): number =>
  (result.matchedCount ?? 0) + (result.upsertedCount ?? 0) + (result.deletedCount ?? 0) + (result.insertedCount ?? 0);

/** The collection methods that send a command, and how each is shown. Other methods run unobserved. */
const COLLECTION_METHODS: Readonly<Record<string, Method>> = {
  find: { command: "find", args: ["data", "options"], cursor: true },
  aggregate: { command: "aggregate", args: ["data", "options"], cursor: true },
  listIndexes: { command: "listIndexes", args: ["options"], cursor: true },
  findOne: { command: "find", args: ["data", "options"], rows: (document: unknown) => (document ? 1 : 0) },
  countDocuments: { command: "aggregate", args: ["data", "options"], rows: () => 1 },
  estimatedDocumentCount: { command: "count", args: ["options"], rows: () => 1 },
  distinct: { command: "distinct", args: ["shown", "data", "options"], rows: (values: unknown[]) => values.length },
  insertOne: { command: "insert", args: ["data", "options"], rows: () => 1 },
  insertMany: { command: "insert", args: ["data", "options"], rows: written },
  updateOne: { command: "update", args: ["data", "data", "options"], rows: written },
  updateMany: { command: "update", args: ["data", "data", "options"], rows: written },
  replaceOne: { command: "update", args: ["data", "data", "options"], rows: written },
  deleteOne: { command: "delete", args: ["data", "options"], rows: written },
  deleteMany: { command: "delete", args: ["data", "options"], rows: written },
  findOneAndUpdate: { command: "findAndModify", args: ["data", "data", "options"], rows: (document: unknown) => (document ? 1 : 0) },
  findOneAndReplace: { command: "findAndModify", args: ["data", "data", "options"], rows: (document: unknown) => (document ? 1 : 0) },
  findOneAndDelete: { command: "findAndModify", args: ["data", "options"], rows: (document: unknown) => (document ? 1 : 0) },
  bulkWrite: { command: "bulkWrite", args: ["data", "options"], rows: written },
  createIndexes: { command: "createIndexes", args: ["shown", "options"] },
  createIndex: { command: "createIndexes", args: ["shown", "options"] },
  dropIndex: { command: "dropIndexes", args: ["shown", "options"] },
  drop: { command: "drop", args: ["options"] },
};

const DB_METHODS: Readonly<Record<string, Method>> = {
  listCollections: { command: "listCollections", args: ["shown", "options"], cursor: true },
  createCollection: { command: "create", args: ["shown", "options"] },
  dropCollection: { command: "drop", args: ["shown", "options"] },
};

/**
 * The database a MongoDB driver runs its operations on: the client's `Db`, or while something
 * observes, the same `Db` seen through proxies that report each command Ommi sends (a method of a
 * collection, or a cursor's toArray) to the observer. Unobserved, the plain `Db` is used and
 * nothing is added to any operation's path.
 */
export class ObservedDatabase {
  #observed: Db | undefined;

  constructor(private readonly plain: Db) {}

  get db(): Db {
    return this.#observed ?? this.plain;
  }

  observe(observer: StatementObserver | undefined): void {
    this.#observed = observer && observedDb(this.plain, observer);
  }
}

function observedDb(db: Db, observer: StatementObserver): Db {
  return new Proxy(db, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== "function" || typeof name !== "string") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (name === "collection") return (...args: unknown[]) => observedObject(method.apply(target, args) as object, COLLECTION_METHODS, String(args[0]), observer);
      return observedMethod(target, name, method, DB_METHODS[name], undefined, observer);
    },
  });
}

/** A collection (or cursor) whose command-sending methods report to the observer; `collection` names it in statements. */
function observedObject<T extends object>(object: T, methods: Readonly<Record<string, Method>>, collection: string, observer: StatementObserver): T {
  const proxy: T = new Proxy(object, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== "function" || typeof name !== "string") return value;
      const method = value as (...args: unknown[]) => unknown;
      const bound = observedMethod(target, name, method, methods[name], collection, observer);
      // A cursor's builder methods (sort, limit, ...) give the cursor itself: keep giving the observed one.
      return (...args: unknown[]) => {
        const result = bound(...args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

function observedMethod(target: object, name: string, method: (...args: unknown[]) => unknown, described: Method | undefined, collection: string | undefined, observer: StatementObserver) {
  if (!described) return method.bind(target);
  return (...args: unknown[]): unknown => {
    const statement = statementOf(name, described, collection, args);
    if (!described.cursor) return observer.run(statement, () => method.apply(target, args), described.rows as RowCount<unknown> | undefined);
    return observedCursor(method.apply(target, args) as Cursor, statement, observer);
  };
}

interface Cursor {
  toArray(): Promise<unknown[]>;
}

/**
 * A cursor whose command runs when its documents are read: `toArray` is observed (the getMore
 * commands it takes included), the rest is the cursor's own. Documents read another way (next,
 * for await) are not reported.
 */
function observedCursor(cursor: Cursor, statement: ObservedStatement, observer: StatementObserver): Cursor {
  const proxy: Cursor = new Proxy(cursor, {
    get(target, key) {
      if (key === "toArray") return () => observer.run(statement, () => target.toArray(), (documents) => documents.length);
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      // Builder methods (sort, limit, ...) give the cursor itself: keep giving the observed one.
      return (...args: unknown[]) => {
        const result = (value as (...args: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/** The call as it shows: `db.User.find({"age":{"$gte":?}}, {"limit":10})`, every value of user data a `?` (the statement's parameters, in order). */
function statementOf(name: string, method: Method, collection: string | undefined, args: readonly unknown[]): ObservedStatement {
  const params: unknown[] = [];
  const shown = method.args
    .map((role, index) => (index < args.length && args[index] !== undefined ? render(args[index], role, params) : undefined))
    .filter((text) => text !== undefined);
  while (shown.length > 0 && shown[shown.length - 1] === "{}") shown.pop();
  return {
    text: `db.${collection === undefined ? "" : `${collection}.`}${name}(${shown.join(", ")})`,
    operation: method.command,
    ...(collection === undefined ? {} : { model: collection }),
    params: () => params,
  };
}

function render(value: unknown, role: Argument, params: unknown[]): string | undefined {
  if (role === "data") return sanitized(value, params);
  if (role === "shown") return shownAsIs(value);
  return shownAsIs(withoutSession(value));
}

/** Options less what is not the command's (the client session, callbacks); an empty object when nothing is left. */
function withoutSession(options: unknown): unknown {
  if (!isPlainObject(options)) return {};
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => key !== "session" && typeof value !== "function"));
}

/** Arrays longer than this show their first items and how many more; the parameters still hold every value. */
const SHOWN_ITEMS = 10;

function sanitized(value: unknown, params: unknown[]): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => sanitized(item, params));
    const shown = items.length > SHOWN_ITEMS ? [...items.slice(0, SHOWN_ITEMS), `… (${items.length - SHOWN_ITEMS} more)`] : items;
    return `[${shown.join(",")}]`;
  }
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${sanitized(item, params)}`).join(",")}}`;
  }
  params.push(value);
  return "?";
}

function shownAsIs(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item));
  } catch {
    return "(not shown)";
  }
}

/** A document or an operator object, as opposed to a value (a Date, an ObjectId, binary data, ...). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
