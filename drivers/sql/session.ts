import type {
  DriverSession, ModelMeta, OmmiError, PreparedOperations, PreparedPatch, PreparedQuery, RawStatement, StoredRow, UpsertConflict,
} from "../../src/kit/driver.js";
import type { SessionConnection } from "./connection.js";
import type { Engine } from "./engine.js";
import type { MaybePromise } from "./maybe-promise.js";
import { SqlPreparedOperations } from "./prepared.js";

/**
 * The operations of a SQL driver and of its transactions: each runs on the session's connection
 * once `blocked()` is clear, its errors become Ommi errors (the dialect's mapping) and are
 * reported to `failed`. Values the database cannot take are refused first, before anything is
 * sent, and throw at once.
 */
export abstract class SqlSession<H, C extends SessionConnection<H> = SessionConnection<H>> implements DriverSession {
  constructor(
    protected readonly engine: Engine<H>,
    protected readonly connection: C,
  ) {}

  /** Undefined when this session's calls may run now; otherwise what to wait for before asking again. */
  protected blocked(): Promise<unknown> | undefined {
    return this.connection.blocked();
  }

  /** Called when an operation of this session failed, with the error it fails with. */
  protected failed(_error: OmmiError): void {}

  /**
   * Runs `work` once the session may; `action` and `subject` name it in an error (joined only
   * then: this is the hot path). Work that gives a value at once (SQLite) costs no await.
   */
  #run<T>(action: string, subject: string | undefined, work: (on: H) => MaybePromise<T>, timeout?: number): Promise<T> {
    try {
      const result = this.#runWhenClear(action, subject, work, timeout);
      return result instanceof Promise ? result : Promise.resolve(result);
    } catch (failure) {
      // The OmmiError #runWhenClear made of the error: the only thing it throws.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(failure);
    }
  }

  /**
   * Ask again after every wait: another caller may begin a transaction meanwhile, and the work
   * must not run inside it. Only a synchronous "clear" right before the work counts. Gives the
   * value itself when the work gave one, which spares the `then` that called it adopting a promise.
   */
  #runWhenClear<T>(action: string, subject: string | undefined, work: (on: H) => MaybePromise<T>, timeout: number | undefined): MaybePromise<T> {
    const waiting = this.blocked();
    if (waiting) return waiting.then(() => this.#runWhenClear(action, subject, work, timeout));
    try {
      const result = this.connection.run(work, timeout);
      return result instanceof Promise ? this.#watch(result, action, subject) : result;
    } catch (error) {
      throw this.#failure(error, action, subject);
    }
  }

  #watch<T>(result: Promise<T>, action: string, subject: string | undefined): Promise<T> {
    return result.catch((error: unknown) => {
      throw this.#failure(error, action, subject);
    });
  }

  #failure(error: unknown, action: string, subject: string | undefined): OmmiError {
    const failure = this.connection.error(error, subject === undefined ? action : `${action} ${subject}`);
    this.failed(failure);
    return failure;
  }

  add(model: ModelMeta, rows: readonly StoredRow[]): Promise<StoredRow[]> {
    this.engine.refusals.rows?.(model, rows);
    return this.#run("adding", model.name, (on) => this.engine.add(on, this.connection.atomically, model, rows));
  }
  fetch(query: PreparedQuery): Promise<StoredRow[]> {
    this.engine.refusals.query?.(query);
    return this.#run("finding", query.node.model.name, (on) => this.engine.fetch(on, query), query.timeout);
  }
  count(query: PreparedQuery): Promise<number> {
    this.engine.refusals.query?.(query);
    return this.#run("counting", query.node.model.name, (on) => this.engine.count(on, query), query.timeout);
  }
  update(query: PreparedQuery, patch: PreparedPatch): Promise<number> {
    const { refusals } = this.engine;
    refusals.query?.(query);
    refusals.patch?.(query.node.model, patch);
    return this.#run("updating", query.node.model.name, (on) => this.engine.update(on, query, patch), query.timeout);
  }
  updateReturning(query: PreparedQuery, patch: PreparedPatch): Promise<StoredRow[]> {
    const { refusals } = this.engine;
    refusals.query?.(query);
    refusals.patch?.(query.node.model, patch);
    return this.#run("updating", query.node.model.name, (on) => this.engine.updateReturning(on, query, patch), query.timeout);
  }
  upsert(model: ModelMeta, rows: readonly StoredRow[], conflict: UpsertConflict): Promise<(StoredRow | undefined)[]> {
    this.engine.refusals.rows?.(model, rows);
    return this.#run("upserting", model.name, (on) => this.engine.upsert(on, this.connection.atomically, model, rows, conflict));
  }
  /** A query shape made ready for many calls (prepared.ts): each runs as this session's own operations run. */
  prepare(query: PreparedQuery): PreparedOperations {
    const { refusals } = this.engine;
    const refuseQuery = this.engine.refusesQueries ? (refused: PreparedQuery) => refusals.query?.(refused) : undefined;
    const refusePatch = (model: ModelMeta, patch: PreparedPatch) => refusals.patch?.(model, patch);
    const run = <T>(action: string, subject: string, work: (on: H) => MaybePromise<T>, timeout: number | undefined) => this.#runWhenClear(action, subject, work, timeout);
    return new SqlPreparedOperations(query, this.engine.prepare(query), run, refuseQuery, refusePatch);
  }
  delete(query: PreparedQuery): Promise<number> {
    this.engine.refusals.query?.(query);
    return this.#run("deleting", query.node.model.name, (on) => this.engine.delete(on, query), query.timeout);
  }
  raw(statement: RawStatement, model?: ModelMeta): Promise<StoredRow[]> {
    this.engine.refusals.raw?.(statement);
    const running = this.#run(model ? "running SQL for" : "running SQL", model?.name, (on) => this.engine.raw(on, statement, model));
    return running.then((result) => this.engine.rawRows(result, model));
  }
  applySchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("creating tables", undefined, () => this.engine.applySchema(this.connection.atomically, models));
  }
  deleteSchema(models: readonly ModelMeta[]): Promise<void> {
    return this.#run("dropping tables", undefined, () => this.engine.deleteSchema(this.connection.atomically, models));
  }
}
