import type postgres from "postgres";
import { ConnectionError } from "../../src/kit/driver.js";
import { fromPostgresError } from "./errors.js";

/**
 * The postgres.js pool, used only once the server has answered. postgres.js connects lazily
 * and, when something that is not PostgreSQL accepts the connection and closes it (a proxy, a
 * wrong port), reconnects forever; its own timeout never fires. So the first call asks the
 * server one question under a deadline: on time out the stuck pool is ended (its waiting
 * queries fail) and a fresh one takes its place for the next call.
 */
export class Pool {
  #sql: postgres.Sql;
  #ready: Promise<void> | undefined;
  #answered = false;
  #closed = false;
  #currentSchema: string | null | undefined;

  constructor(
    private readonly create: () => postgres.Sql,
    /** Seconds. */
    private readonly connectTimeout: number,
  ) {
    this.#sql = create();
  }

  /** `host:port` (or the socket path), for messages; never the password. */
  get where(): string {
    const { host, port, path } = this.#sql.options;
    return typeof path === "string" && path ? path : `${host[0] ?? "localhost"}:${port[0] ?? 5432}`;
  }

  /**
   * The connection's `current_schema()` as the server first answered it: the first schema on
   * its search_path that exists, or null when none does. Undefined until the server has answered.
   */
  get currentSchema(): string | null | undefined {
    return this.#currentSchema;
  }

  /** The pool, once the server has answered (at once after that). */
  connection(): postgres.Sql | Promise<postgres.Sql> {
    if (this.#closed) return Promise.reject(new ConnectionError(`The PostgreSQL driver for ${this.where} is closed`));
    if (this.#answered) return this.#sql;
    return (this.#ready ??= this.#ask()).then(() => this.#sql);
  }

  /** A connection of its own, for a transaction; `release()` gives it back. */
  async reserve(): Promise<postgres.ReservedSql> {
    return (await this.connection()).reserve();
  }

  async #ask(): Promise<void> {
    const sql = this.#sql;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(Object.assign(new Error(`no answer within ${this.connectTimeout} s`), { code: "CONNECT_TIMEOUT" }));
      }, this.connectTimeout * 1000);
    });
    try {
      const question = "SELECT pg_catalog.current_setting('server_encoding') AS encoding, pg_catalog.current_schema() AS schema";
      const [row] = await Promise.race([sql.unsafe<{ encoding: string; schema: string | null }[]>(question), deadline]);
      // Text matching and code point order assume UTF-8; other encodings would silently differ.
      if (row?.encoding !== "UTF8") throw new ConnectionError(`The PostgreSQL database at ${this.where} uses ${row?.encoding} encoding; Ommi needs UTF8`);
      this.#currentSchema = row.schema;
      this.#answered = true;
    } catch (error) {
      this.#ready = undefined;
      if (timedOut && sql === this.#sql && !this.#closed) this.#replace();
      throw fromPostgresError(error, "connecting", this.where);
    } finally {
      clearTimeout(timer);
    }
  }

  #replace(): void {
    const stuck = this.#sql;
    this.#sql = this.create();
    stuck.end({ timeout: 0 }).catch(() => undefined);
  }

  /** Waits up to `timeout` seconds for running queries, then ends every connection. */
  async end(timeout: number): Promise<void> {
    this.#closed = true;
    await this.#sql.end({ timeout });
  }
}
