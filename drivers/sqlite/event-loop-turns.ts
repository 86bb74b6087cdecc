import { performance } from "node:perf_hooks";

/**
 * The real `setImmediate`, taken when this module loads: a test that installs fake timers
 * afterwards must not leave every database call waiting for a fake clock to move.
 */
const { setImmediate: afterThisTurn } = globalThis;

/**
 * Gives the event loop a turn while one SQLite connection is kept busy.
 *
 * better-sqlite3 works synchronously in this thread, and each result arrives in a microtask.
 * Callers that keep calling (one loop, or many clients at once) keep the microtask queue from
 * ever emptying, and then timers and I/O — the rest of the application — never run.
 *
 * A stretch of busy time begins with the first operation after the event loop last had a turn;
 * that operation queues an immediate, which runs as soon as the microtask queue empties and ends
 * the stretch. An application that is idle between calls therefore never waits here. Once a
 * stretch has lasted `budget` milliseconds, operations wait for that immediate: the event loop
 * runs its timers and I/O, then the waiting operations go on, in the order they came.
 *
 * One per connection, shared by the driver and all its transactions: they run on one thread.
 */
export class EventLoopTurns {
  /** When the current stretch of busy time began; undefined when the event loop had a turn since. */
  #busySince: number | undefined;
  /** Resolves when the current stretch ends; made only when an operation has to wait for it. */
  #turn: Promise<void> | undefined;
  #endTurn: (() => void) | undefined;

  constructor(private readonly budget: number) {}

  /**
   * Undefined when an operation may run now; otherwise a promise that resolves once the event
   * loop has had its turn. After it resolves, ask again.
   */
  due(): Promise<void> | undefined {
    const now = performance.now();
    if (this.#busySince === undefined) {
      this.#busySince = now;
      afterThisTurn(this.#endStretch);
      return undefined;
    }
    if (now - this.#busySince < this.budget) return undefined;
    return (this.#turn ??= new Promise<void>((resolve) => (this.#endTurn = resolve)));
  }

  readonly #endStretch = (): void => {
    const endTurn = this.#endTurn;
    this.#busySince = this.#turn = this.#endTurn = undefined;
    endTurn?.();
  };
}
