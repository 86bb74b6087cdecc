import { expectedAnswers, lookupIds, USER_COUNT, userBatches, users } from "./data.js";
import type { BenchLibrary } from "./library.js";
import { MemoryPeak } from "./memory.js";

/** What one timed run gives back: a count to check against the other libraries, and for streams the memory used. */
export interface Outcome {
  readonly answer: number;
  readonly memory?: MemoryPeak;
  /** SQL statements the run sent (the relations workloads count them). */
  readonly statements?: number;
}

/** The timed part of one run. */
export type TimedRun = () => Promise<Outcome>;

export type WorkloadId = "insert" | "fetch" | "lookup" | "count" | "update" | "cross" | "stream";

/** A workload of a library kind `L`: the core workloads below, or the structured-fields ones (structured/workloads.ts). */
export interface Workload<L = BenchLibrary, Id extends string = WorkloadId> {
  readonly id: Id;
  readonly name: string;
  /** "stream" workloads take fewer rounds: each one is long. */
  readonly kind: "query" | "stream";
  /** What every library must answer, when it can be known in advance. */
  readonly expected?: number;
  /** Whether the library can do this workload at all. */
  supports(library: L): boolean;
  /** Untimed preparation for one run; returns the run to time. */
  prepare(library: L, round: number): Promise<TimedRun>;
}

const expected = expectedAnswers();

/** A workload that is one call with no preparation. */
function single(id: WorkloadId, name: string, answer: number | undefined, call: (library: BenchLibrary, round: number) => unknown): Workload {
  return {
    id,
    name,
    kind: "query",
    expected: answer,
    supports: () => true,
    prepare: (library, round) => Promise.resolve(async () => ({ answer: Number(await call(library, round)) })),
  };
}

const insert: Workload = {
  id: "insert",
  name: `insert ${USER_COUNT.toLocaleString("en")} rows (one add / one transaction)`,
  kind: "query",
  supports: () => true,
  async prepare(library) {
    await library.clearInserted();
    // Fresh objects every run: Ommi and TypeORM write generated keys back into their inputs.
    const rows = users(USER_COUNT);
    return async () => {
      await library.insert(rows);
      return { answer: rows.length };
    };
  },
};

const ids = lookupIds();

const lookup: Workload = {
  id: "lookup",
  name: `${ids.length.toLocaleString("en")} key lookups, one at a time`,
  kind: "query",
  expected: expected.lookup,
  supports: () => true,
  prepare: (library) =>
    Promise.resolve(async () => {
      let found = 0;
      for (const id of ids) {
        // Synchronous drivers answer at once: no await, so they pay no promise per lookup.
        const result = library.lookup(id);
        if (result instanceof Promise ? await result : result) found++;
      }
      return { answer: found };
    }),
};

/** Streams UserStream through each library's own streaming API, sampling memory every 1,000 rows. */
function streamWorkload(rows: number): Workload {
  return {
    id: "stream",
    name: `stream ${rows.toLocaleString("en")} rows (async iteration)`,
    kind: "stream",
    expected: rows,
    supports: (library) => library.stream !== undefined,
    prepare(library) {
      if (!library.stream) throw new Error("this library cannot stream");
      const memory = new MemoryPeak();
      return Promise.resolve(async () => {
        const source = library.stream?.() ?? [];
        let count = 0;
        if (Symbol.iterator in source) {
          for (const _row of source) if (++count % 1000 === 0) memory.sample();
        } else {
          for await (const _row of source) if (++count % 1000 === 0) memory.sample();
        }
        memory.sample();
        return { answer: count, memory };
      });
    },
  };
}

/** Every workload, in the order they are run and reported. */
export function workloads(streamRows: number): Workload[] {
  return [
    insert,
    single("fetch", `fetch ${expected.fetchFiltered.toLocaleString("en")} of ${USER_COUNT.toLocaleString("en")} rows by a filter`, expected.fetchFiltered, (library) =>
      library.fetchFiltered(),
    ),
    lookup,
    single("count", "filtered count", expected.count, (library) => library.count()),
    single("update", `filtered update (${expected.update.toLocaleString("en")} rows)`, expected.update, (library, round) => library.update(round + 0.5)),
    single("cross", `cross-model fetch (${expected.crossModel.toLocaleString("en")} books by author country)`, expected.crossModel, (library) => library.crossModel()),
    streamWorkload(streamRows),
  ];
}

/** Batches for filling UserStream (not timed). */
export function streamBatches(rows: number): Iterable<ReturnType<typeof users>> {
  return userBatches(rows, 5000);
}
