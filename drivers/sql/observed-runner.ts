import type { ModelMeta, ObservedStatement, StatementObserver, StoredRow } from "../../src/kit/driver.js";
import type { CompiledStatement } from "./compiled.js";
import type { RawResult } from "./raw.js";
import type { StatementRunner } from "./runner.js";
import type { StatementKind } from "./statement-set.js";

/** What a kept statement is: its text and how it binds values, its kind, and the model it reads or writes. */
interface Described {
  readonly text: string;
  readonly bind: (values: readonly unknown[], patch?: readonly unknown[]) => unknown[];
  readonly operation: string;
  readonly model: string | undefined;
}

/**
 * A runner that hands every statement the inner runner runs to an observer (see
 * StatementObserver): the one place where the SQL drivers report what they run. The engine
 * swaps it in while something observes (SqlEngine.observe) and the plain runner back when
 * nothing does, so a database nobody watches pays nothing for this.
 *
 * What each statement is comes from when it was prepared: the compiled text and how it binds
 * values, so parameters are worked out again only for an observer that shows them. A model's
 * INSERT or upsert is one event per call, however many statements it takes (SQLite runs one per
 * row, PostgreSQL one per 10,000), its parameters each row's values in field order. Catalog
 * reads of `createModels()` (which columns a table has, PostgreSQL's advisory lock) and the
 * transaction statements (BEGIN, COMMIT, SAVEPOINT) are not reported.
 */
export function observedRunner<H, P extends object, I extends object>(runner: StatementRunner<H, P, I>, observer: StatementObserver): StatementRunner<H, P, I> {
  const described = new WeakMap<P, Described>();
  /**
   * Prepares a statement and notes what it is. SQLite checks a statement when preparing it (a
   * missing table fails there): such a failure is reported as the statement's, without parameters.
   */
  const prepared = (prepare: () => P, compiled: CompiledStatement, operation: string, model: ModelMeta | undefined): P => {
    const description: Described = { text: compiled.text, bind: (values, patch) => compiled.bind(values, patch), operation, model: model?.name };
    let kept: P;
    try {
      kept = prepare();
    } catch (error) {
      observer.run({ text: description.text, operation, model: description.model, params: () => [] }, () => {
        throw error;
      });
      throw error;
    }
    described.set(kept, description);
    return kept;
  };
  /** The statement as observers see it; the engine prepares every statement through this runner (SqlEngine.observe), so each is described. */
  const statementOf = (kept: P, values: readonly unknown[], patch?: readonly unknown[]): ObservedStatement => {
    const { text, bind, operation, model } = described.get(kept) ?? UNKNOWN;
    return { text, operation, model, params: () => bind(values, patch) };
  };
  const insertOf = (kept: I, model: ModelMeta, rows: readonly StoredRow[]): ObservedStatement => ({
    text: runner.insertText?.(kept) ?? `INSERT INTO ${model.name}`,
    operation: "INSERT",
    model: model.name,
    params: () => rows.map((row) => model.fields.map((field) => row[field.name] ?? null)),
  });
  return {
    // Members not observed below (catalog reads, decoders, one a later change adds) work as the runner's own.
    ...membersOf(runner),
    prepare: (compiled, kind, model) => prepared(() => runner.prepare(compiled, kind, model), compiled, operationOfKind(kind, compiled.text), model),
    prepareRaw: (compiled, model) => prepared(() => runner.prepareRaw(compiled, model), compiled, operationOf(compiled.text), model),
    rows: (on, kept, values, patch) => observer.run(statementOf(kept, values, patch), () => runner.rows(on, kept, values, patch), lengthOf),
    firstRow: runner.firstRow && ((on, kept, values) => observer.run(statementOf(kept, values), () => runner.firstRow?.(on, kept, values), oneIfAny)),
    count: (on, kept, values) => observer.run(statementOf(kept, values), () => runner.count(on, kept, values), one),
    changes: (on, kept, values, patch) => observer.run(statementOf(kept, values, patch), () => runner.changes(on, kept, values, patch), itself),
    rawResult: (on, kept, values) => observer.run(statementOf(kept, values), () => runner.rawResult(on, kept, values), rawRows),
    insert: (on, atomically, model, rows, insertOf_) => {
      if (rows.length === 0) return runner.insert(on, atomically, model, rows, insertOf_);
      return observer.run(insertOf(insertOf_(model), model, rows), () => runner.insert(on, atomically, model, rows, insertOf_), lengthOf);
    },
    upsert: (on, atomically, model, rows, conflict, upsertOf) => {
      if (rows.length === 0) return runner.upsert(on, atomically, model, rows, conflict, upsertOf);
      return observer.run(insertOf(upsertOf(model, conflict), model, rows), () => runner.upsert(on, atomically, model, rows, conflict, upsertOf), storedRows);
    },
    execute: (on, text, params) => observer.run({ text, operation: operationOf(text), params: () => params }, () => runner.execute(on, text, params)),
  };
}

/** Every member of the runner (its class's methods too), methods bound to it. */
function membersOf<R extends object>(runner: R): R {
  const members: Record<PropertyKey, unknown> = {};
  for (let owner: object | null = runner; owner && owner !== Object.prototype; owner = Object.getPrototypeOf(owner) as object | null) {
    for (const name of Reflect.ownKeys(owner)) {
      if (name === "constructor" || name in members) continue;
      const value: unknown = Reflect.get(runner, name);
      members[name] = typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(runner) : value;
    }
  }
  return members as R;
}

/** Never met: the engine forgets the statements it kept when observing begins, so every statement is prepared (and described) here. */
const UNKNOWN: Described = { text: "(a statement prepared before observing began)", bind: () => [], operation: "UNKNOWN", model: undefined };

/** The kind of statement as OpenTelemetry's db.operation.name says it. */
function operationOfKind(kind: StatementKind, text: string): string {
  switch (kind) {
    case "select":
    case "first":
    case "count":
      return "SELECT";
    case "delete":
      return "DELETE";
    case "update":
    case "updateReturning":
      return "UPDATE";
    default:
      return operationOf(text);
  }
}

/** A statement's kind from its text: its first keyword, or two for DDL ("CREATE TABLE", "DROP INDEX"). */
export function operationOf(text: string): string {
  const words = /^\s*(\w+)(?:\s+(?:UNIQUE\s+)?(\w+))?/i.exec(text);
  if (!words?.[1]) return "SQL";
  const first = words[1].toUpperCase();
  return DDL.has(first) && words[2] ? `${first} ${words[2].toUpperCase()}` : first;
}

const DDL: ReadonlySet<string> = new Set(["CREATE", "ALTER", "DROP"]);

const lengthOf = (rows: readonly unknown[]) => rows.length;
const oneIfAny = (row: unknown[] | undefined) => (row ? 1 : 0);
const one = () => 1;
const itself = (count: number) => count;
const rawRows = (result: RawResult) => (result.columns.length > 0 ? result.rows.length : undefined);
const storedRows = (rows: readonly (unknown[] | undefined)[]) => rows.filter((row) => row !== undefined).length;
