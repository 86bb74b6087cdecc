import type postgres from "postgres";

/**
 * postgres.js's connection object, as its `onexecute` query option hands it over (this option,
 * which postgres.js's own `sql.begin` uses, is not in its types). `onclose` is called, once,
 * when the connection closes.
 */
interface NativeConnection {
  onclose?: ((error: Error) => void) | null;
}

/**
 * A connection reserved for one transaction, that knows when it has been lost. postgres.js 3.4
 * crashes the process (from a timer, past any try/catch) when a statement is sent on a reserved
 * connection after it closed (porsager/postgres#1208), and would later hand the same connection
 * object, reconnected, to other work. So once it is lost, nothing is sent on it again and it is
 * never released back to the pool (postgres.js reconnects it there by itself).
 */
export class ReservedConnection {
  #lost = false;

  private constructor(readonly sql: postgres.ReservedSql) {}

  /** Reserves a connection and runs `begin` (BEGIN ...) on it, watching it from then on. */
  static async open(reserve: () => Promise<postgres.ReservedSql>, begin: string): Promise<ReservedConnection> {
    const sql = await reserve();
    const connection = new ReservedConnection(sql);
    const watch = (native: NativeConnection) => {
      native.onclose = () => (connection.#lost = true);
      // Called as BEGIN is sent on the idle, just reserved connection. A truthy answer tells
      // postgres.js the connection can take more statements (it is ours).
      return true;
    };
    try {
      await sql.unsafe(begin, [], { onexecute: watch } as postgres.UnsafeQueryOptions);
    } catch (error) {
      connection.release();
      throw error;
    }
    return connection;
  }

  /** The connection closed (the server rolled the transaction back). */
  get lost(): boolean {
    return this.#lost;
  }

  release(): void {
    if (!this.#lost) this.sql.release();
  }
}
