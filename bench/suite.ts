import { performance } from "node:perf_hooks";
import type { UserInput } from "./data.js";
import type { LibraryFactory, Target } from "./library.js";
import { collectYoungGarbage } from "./memory.js";
import type { BenchOptions } from "./options.js";
import { streamBatches, type Workload } from "./workloads.js";

/** One library's measurements of one workload. */
export interface Cell {
  /** Milliseconds of each measured round. */
  readonly samples: number[];
  readonly answers: Set<number>;
  /** Statements each measured round sent, when the workload counts them (relations). */
  readonly statements: Set<number>;
  /** Highest memory above baseline over the rounds (streams only). */
  heapMB: number;
  rssMB: number;
  /** Milliseconds spent on this cell so far, warm-up included (see TIME_BUDGET_MS). */
  spentMs: number;
  failure?: string;
}

/**
 * Time one library may spend on one workload. A pathologically slow case (minutes for a
 * stream) is measured once and not repeated, so the whole run stays within minutes.
 */
const TIME_BUDGET_MS = 20_000;

/** What every library kind has: tables set up and torn down, and for the core workloads a stream table. */
export interface SuiteLibrary {
  setup(): Promise<void>;
  loadStream?(batches: Iterable<UserInput[]>): Promise<void>;
  teardown(): Promise<void>;
}

export type SuiteId = "core" | "structured" | "relations";

/** A set of workloads and the libraries that do them, run as one table per database. */
export interface Suite<L extends SuiteLibrary> {
  /** "core" (the workloads of issue #5), "structured" (nested objects and arrays, issue 10) or "relations" (issue 11). */
  readonly id: SuiteId;
  /** Shown after the database's name in the report ("" for the core suite). */
  readonly title: string;
  readonly factories: readonly LibraryFactory<L>[];
  readonly workloads: readonly Workload<L, string>[];
}

export interface SuiteResult {
  readonly suite: SuiteId;
  readonly title: string;
  readonly database: string;
  /** The libraries that ran, in report order. */
  readonly libraries: string[];
  readonly skipped: { readonly name: string; readonly reason: string }[];
  readonly workloads: Workload<never, string>[];
  /** Workload name → library name → measurements. */
  readonly cells: Map<string, Map<string, Cell>>;
  /** Answers that differ from what the data says (a library not doing the same work). */
  readonly problems: string[];
  /** The rounds and rows it was measured with (the MongoDB stand-in takes fewer than the SQL databases). */
  readonly options: BenchOptions;
}

export interface SuiteTarget {
  readonly database: string;
  /** The target for one library (each gets its own database or schema). */
  targetFor(factory: { readonly name: string }): Target;
  /** Prepares and removes a library's database or schema (PostgreSQL schemas). */
  create?(target: Target): Promise<void>;
  remove?(target: Target): Promise<void>;
}

interface Opened<L> {
  readonly name: string;
  readonly library: L;
  readonly target: Target;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? error.name : String(error);
}

async function openAll<L extends SuiteLibrary>(
  factories: readonly LibraryFactory<L>[],
  suite: SuiteTarget,
  options: BenchOptions,
  result: SuiteResult,
  withStream: boolean,
): Promise<Opened<L>[]> {
  const opened: Opened<L>[] = [];
  for (const factory of factories) {
    const target = suite.targetFor(factory);
    const reason = await factory.unavailable?.(target);
    if (reason) {
      result.skipped.push({ name: factory.name, reason });
      continue;
    }
    const started = performance.now();
    try {
      await suite.create?.(target);
      const library = await factory.open(target);
      await library.setup();
      if (withStream && library.loadStream) await library.loadStream(streamBatches(options.streamRows));
      opened.push({ name: factory.name, library, target });
      log(`  ${factory.name}: set up in ${seconds(started)}`);
    } catch (error) {
      result.skipped.push({ name: factory.name, reason: `setup failed: ${message(error)}` });
      await suite.remove?.(target).catch(() => undefined);
    }
  }
  return opened;
}

/** Round r starts with library r (mod n): no library is always first or always last. */
function rotate<T>(items: readonly T[], round: number): T[] {
  const start = round % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

async function measure<L>(workload: Workload<L, string>, opened: readonly Opened<L>[], options: BenchOptions, cells: Map<string, Cell>): Promise<void> {
  const stream = workload.kind === "stream";
  const warmup = stream ? 0 : options.warmup;
  const rounds = warmup + (stream ? options.streamRounds : options.rounds);
  for (const { name, library } of opened) {
    if (workload.supports(library)) cells.set(name, { samples: [], answers: new Set(), statements: new Set(), heapMB: 0, rssMB: 0, spentMs: 0 });
  }
  for (let round = 0; round < rounds; round++) {
    for (const { name, library } of rotate(opened, round)) {
      const cell = cells.get(name);
      if (!cell || cell.failure || (cell.spentMs > TIME_BUDGET_MS && cell.samples.length > 0)) continue;
      try {
        const run = await workload.prepare(library, round);
        collectYoungGarbage();
        const started = performance.now();
        const outcome = await run();
        const elapsed = performance.now() - started;
        cell.spentMs += elapsed;
        if (round < warmup) continue;
        cell.samples.push(elapsed);
        cell.answers.add(outcome.answer);
        if (outcome.statements !== undefined) cell.statements.add(outcome.statements);
        if (outcome.memory) {
          cell.heapMB = Math.max(cell.heapMB, outcome.memory.heapMB);
          cell.rssMB = Math.max(cell.rssMB, outcome.memory.rssMB);
        }
      } catch (error) {
        cell.failure = message(error);
      }
    }
  }
}

function check(workload: Workload<never, string>, cells: Map<string, Cell>, problems: string[]): void {
  if (workload.expected === undefined) return;
  for (const [name, cell] of cells) {
    const wrong = [...cell.answers].filter((answer) => answer !== workload.expected);
    if (wrong.length) problems.push(`${name}, ${workload.name}: answered ${wrong.join(", ")}, expected ${workload.expected}`);
  }
}

/** Sets up every library of the suite on the database, runs each workload round by round across them, and tears down. */
export async function runSuite<L extends SuiteLibrary>(target: SuiteTarget, suite: Suite<L>, options: BenchOptions): Promise<SuiteResult> {
  const workloads = suite.workloads.filter((workload) => selected(workload, suite, options));
  const result: SuiteResult = {
    suite: suite.id,
    title: suite.title,
    database: target.database,
    libraries: [],
    skipped: [],
    workloads: [...workloads],
    cells: new Map(),
    problems: [],
    options,
  };
  log(`${target.database}${suite.title ? `, ${suite.title}` : ""}:`);
  const factories = suite.factories.filter((factory) => !options.only || options.only.includes(factory.name.toLowerCase()));
  const opened = await openAll(factories, target, options, result, workloads.some((workload) => workload.kind === "stream"));
  result.libraries.push(...opened.map(({ name }) => name));
  try {
    for (const workload of workloads) {
      // A workload no library here can do (the GIN index on SQLite) is left out of this database's table.
      if (!opened.some(({ library }) => workload.supports(library))) {
        result.workloads.splice(result.workloads.indexOf(workload), 1);
        continue;
      }
      const started = performance.now();
      const cells = new Map<string, Cell>();
      result.cells.set(workload.name, cells);
      await measure(workload, opened, options, cells);
      check(workload, cells, result.problems);
      log(`  ${workload.name}: ${seconds(started)}`);
    }
  } finally {
    for (const { name, library, target: own } of opened) {
      await library.teardown().catch((error: unknown) => result.problems.push(`${name}: teardown failed: ${message(error)}`));
      await target.remove?.(own).catch((error: unknown) => result.problems.push(`${name}: cleanup failed: ${message(error)}`));
    }
  }
  return result;
}

/** Whether OMMI_BENCH_WORKLOADS (when set) names the workload or its suite. */
export function selected(workload: { readonly id: string }, suite: { readonly id: string }, options: BenchOptions): boolean {
  return !options.workloads || options.workloads.includes(workload.id) || options.workloads.includes(suite.id);
}
