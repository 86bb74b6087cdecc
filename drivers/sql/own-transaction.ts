import type { Atomically } from "./connection.js";
import type { MaybePromise } from "./maybe-promise.js";

/** An open transaction, as `inOwnTransaction` runs work in it. */
interface OpenTransaction<H> {
  readonly statements: H;
  commit(): MaybePromise<void>;
  rollback(): MaybePromise<void>;
}

/**
 * `atomically` for a pooled driver's own connection: `work` in a transaction of its own, which
 * commits when it returns and rolls back when it throws (what it threw is what the call fails with).
 */
export function inOwnTransaction<H>(begin: () => Promise<OpenTransaction<H>>): Atomically<H> {
  return async (work) => {
    const transaction = await begin();
    let value;
    try {
      value = await work(transaction.statements);
    } catch (error) {
      await Promise.resolve(transaction.rollback()).catch(() => undefined);
      throw error;
    }
    await transaction.commit();
    return value;
  };
}
