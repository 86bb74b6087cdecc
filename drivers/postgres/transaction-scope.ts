import type postgres from "postgres";
import { ConnectionError } from "../../src/kit/driver.js";

/**
 * One PostgreSQL transaction, or one savepoint inside one, held open for Ommi's session API.
 *
 * postgres.js runs a transaction as a callback (`sql.begin(fn)`, `tx.savepoint(fn)`): it
 * commits when the callback's promise resolves and rolls back when it rejects. Here that promise
 * is held until Ommi calls `commit()` or `rollback()`. Transactions go through `sql.begin`, not
 * `sql.reserve()`: in postgres.js 3.4 a reservation waiting in its queue is dropped for good when
 * a connection closes meanwhile (porsager/postgres#1195), and one whose connection attempt fails
 * stays queued and later takes a connection that nobody gets back. `sql.begin` sends its BEGIN
 * as an ordinary query, which fails or succeeds like any other.
 */

/** Why postgres.js's rollback happened: Ommi asked for it (see `rollback()`). Never shown to users. */
const ROLLBACK_ASKED = new Error("Ommi asked for this rollback");

/** The state one connection's transaction and its savepoints share. */
class ConnectionState {
  lost = false;
  /** Rejects (with the ConnectionError to report) once the connection is lost. */
  readonly closed: Promise<never>;
  #close!: (error: ConnectionError) => void;

  constructor(private readonly where: string) {
    this.closed = new Promise<never>((_, reject) => (this.#close = reject));
    // Nobody may be waiting on it; that is no unhandled rejection.
    this.closed.catch(() => undefined);
  }

  markLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.#close(this.lostError());
  }

  lostError(): ConnectionError {
    return new ConnectionError(`The connection of this transaction to PostgreSQL at ${this.where} was lost; the server rolled the transaction back`);
  }
}

type Body = (sql: postgres.TransactionSql<Record<string, postgres.PostgresType>>) => Promise<void>;

/** How a scope ended, as postgres.js reports it. */
export type Ending = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

export class TransactionScope {
  #settle: { commit(): void; rollback(reason: Error): void };
  #finished: Promise<Ending>;
  #asked: "commit" | "rollback" | undefined;

  private constructor(
    /** Runs statements inside this transaction or savepoint. */
    readonly sql: postgres.TransactionSql<Record<string, postgres.PostgresType>>,
    private readonly connection: ConnectionState,
    settle: { commit(): void; rollback(reason: Error): void },
    finished: Promise<Ending>,
  ) {
    this.#settle = settle;
    this.#finished = finished;
  }

  /**
   * Begins a transaction on `pool` (`options`: letters and spaces, e.g. "isolation level
   * serializable"; postgres.js drops anything else). `wrap` adapts the transaction's own sql
   * (see sparse-results.ts).
   */
  static begin(pool: postgres.Sql<Record<string, postgres.PostgresType>>, options: string, where: string, wrap: <S>(sql: S) => S): Promise<TransactionScope> {
    const connection = new ConnectionState(where);
    return TransactionScope.#hold((body) => pool.begin(options, body), connection, wrap, true);
  }

  /** A savepoint inside this transaction (or savepoint). */
  savepoint(wrap: <S>(sql: S) => S): Promise<TransactionScope> {
    if (this.connection.lost) return Promise.reject(this.connection.lostError());
    return TransactionScope.#hold((body) => this.sql.savepoint(body), this.connection, wrap, false);
  }

  static #hold(
    start: (body: Body) => Promise<unknown>,
    connection: ConnectionState,
    wrap: <S>(sql: S) => S,
    outermost: boolean,
  ): Promise<TransactionScope> {
    return new Promise<TransactionScope>((opened, failedToOpen) => {
      let scope: TransactionScope | undefined;
      const body: Body = (sql) =>
        new Promise<void>((commit, rollback) => {
          scope = new TransactionScope(wrap(sql), connection, { commit, rollback }, finished);
          opened(scope);
        });
      const finished: Promise<Ending> = start(body).then(
        () => ({ ok: true }),
        (error: unknown) => {
          // postgres.js's own error (BEGIN or SAVEPOINT failed), mapped by the driver.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          if (!scope) failedToOpen(error);
          // The outermost scope settles on its own, before Ommi asked, only when postgres.js
          // saw the connection close: the server rolled everything back.
          else if (outermost && scope.#asked === undefined) connection.markLost();
          return { ok: false, error };
        },
      );
    });
  }

  /**
   * How postgres.js ended the scope, or the connection's loss if that comes first: a savepoint's
   * ROLLBACK TO may wait in postgres.js's queue, which a closing connection never empties (#1186).
   */
  #ending(): Promise<Ending> {
    return Promise.race([this.#finished, this.connection.closed.then(() => ({ ok: true }) as const, (error: unknown) => ({ ok: false, error }) as const)]);
  }

  /** The connection closed (the server rolled the transaction back). */
  get lost(): boolean {
    return this.connection.lost;
  }

  /** A statement failed because the connection is gone (postgres.js may not have seen the close yet). */
  markLost(): void {
    this.connection.markLost();
  }

  /** Rejects once the connection is lost: statements race it, as postgres.js may never settle them (porsager/postgres#1186). */
  get closed(): Promise<never> {
    return this.connection.closed;
  }

  lostError(): ConnectionError {
    return this.connection.lostError();
  }

  /** Commits (or releases the savepoint); how postgres.js ended it. Never after the connection was lost. */
  commit(): Promise<Ending> {
    this.#asked = "commit";
    this.#settle.commit();
    return this.#ending();
  }

  /**
   * Rolls back (to the savepoint); how postgres.js ended it (a rollback Ommi asked for counts as
   * ok). Once the connection is lost nothing is sent (the server rolled back already): postgres.js
   * would write the ROLLBACK to a closed socket, which crashes the process (porsager/postgres#1208).
   */
  async rollback(): Promise<Ending> {
    this.#asked = "rollback";
    if (this.connection.lost) return { ok: true };
    this.#settle.rollback(ROLLBACK_ASKED);
    const ending = await this.#ending();
    return ending.ok || ending.error === ROLLBACK_ASKED ? { ok: true } : ending;
  }
}
