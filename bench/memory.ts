import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Exposes gc() without a node flag, so that `tsx bench/run.ts` works as well as the npm script.
setFlagsFromString("--expose-gc");
const gc = (globalThis.gc ?? runInNewContext("gc")) as (options?: { type: "major" | "minor"; execution: "sync" }) => void;

/**
 * Empties the young generation, so that one library's garbage is not collected during the next
 * library's run (not timed). Only a minor collection: a full one before every run makes V8
 * discard compiled code of the functions not used since, and would time their warm-up again.
 */
export function collectYoungGarbage(): void {
  gc({ type: "minor", execution: "sync" });
}

/** A full collection, for a memory baseline. */
export function collectGarbage(): void {
  gc({ type: "major", execution: "sync" });
}

/** The highest memory use seen while streaming, above what was in use when it began. */
export class MemoryPeak {
  readonly #heapBase: number;
  readonly #rssBase: number;
  #heap = 0;
  #rss = 0;

  constructor() {
    collectGarbage();
    const { heapUsed, rss } = process.memoryUsage();
    this.#heapBase = heapUsed;
    this.#rssBase = rss;
  }

  sample(): void {
    const { heapUsed, rss } = process.memoryUsage();
    if (heapUsed > this.#heap) this.#heap = heapUsed;
    if (rss > this.#rss) this.#rss = rss;
  }

  /** Megabytes above the baseline. */
  get heapMB(): number {
    return Math.max(0, this.#heap - this.#heapBase) / 2 ** 20;
  }

  get rssMB(): number {
    return Math.max(0, this.#rss - this.#rssBase) / 2 ** 20;
  }
}
