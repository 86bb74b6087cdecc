import { performance } from "node:perf_hooks";
import type { BenchLibrary, LibraryFactory, Target } from "./library.js";
import { collectYoungGarbage } from "./memory.js";
import type { BenchOptions } from "./options.js";
import { streamBatches, workloads, type Workload } from "./workloads.js";

/** One library's measurements of one workload. */
export interface Cell {
  /** Milliseconds of each measured round. */
  readonly samples: number[];
  readonly answers: Set<number>;
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

export interface SuiteResult {
  readonly database: string;
  /** The libraries that ran, in report order. */
  readonly libraries: string[];
  readonly skipped: { readonly name: string; readonly reason: string }[];
  readonly workloads: Workload[];
  /** Workload name → library name → measurements. */
  readonly cells: Map<string, Map<string, Cell>>;
  /** Answers that differ from what the data says (a library not doing the same work). */
  readonly problems: string[];
}

export interface SuiteTarget {
  readonly database: string;
  /** The target for one library (each gets its own database or schema). */
  targetFor(factory: LibraryFactory): Target;
  /** Prepares and removes a library's database or schema (PostgreSQL schemas). */
  create?(target: Target): Promise<void>;
  remove?(target: Target): Promise<void>;
}

interface Opened {
  readonly name: string;
  readonly library: BenchLibrary;
  readonly target: Target;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? error.name : String(error);
}

async function openAll(factories: readonly LibraryFactory[], suite: SuiteTarget, options: BenchOptions, result: SuiteResult): Promise<Opened[]> {
  const opened: Opened[] = [];
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
      if (library.loadStream) await library.loadStream(streamBatches(options.streamRows));
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

async function measure(workload: Workload, opened: readonly Opened[], options: BenchOptions, cells: Map<string, Cell>): Promise<void> {
  const stream = workload.kind === "stream";
  const warmup = stream ? 0 : options.warmup;
  const rounds = warmup + (stream ? options.streamRounds : options.rounds);
  for (const { name, library } of opened) {
    if (workload.supports(library)) cells.set(name, { samples: [], answers: new Set(), heapMB: 0, rssMB: 0, spentMs: 0 });
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

function check(workload: Workload, cells: Map<string, Cell>, problems: string[]): void {
  if (workload.expected === undefined) return;
  for (const [name, cell] of cells) {
    const wrong = [...cell.answers].filter((answer) => answer !== workload.expected);
    if (wrong.length) problems.push(`${name}, ${workload.name}: answered ${wrong.join(", ")}, expected ${workload.expected}`);
  }
}

/** Sets up every library on the database, runs each workload round by round across them, and tears down. */
export async function runSuite(suite: SuiteTarget, factories: readonly LibraryFactory[], options: BenchOptions): Promise<SuiteResult> {
  const result: SuiteResult = {
    database: suite.database,
    libraries: [],
    skipped: [],
    workloads: workloads(options.streamRows),
    cells: new Map(),
    problems: [],
  };
  log(`${suite.database}:`);
  const opened = await openAll(factories, suite, options, result);
  result.libraries.push(...opened.map(({ name }) => name));
  try {
    for (const workload of result.workloads) {
      const started = performance.now();
      const cells = new Map<string, Cell>();
      result.cells.set(workload.name, cells);
      await measure(workload, opened, options, cells);
      check(workload, cells, result.problems);
      log(`  ${workload.name}: ${seconds(started)}`);
    }
  } finally {
    for (const { name, library, target } of opened) {
      await library.teardown().catch((error: unknown) => result.problems.push(`${name}: teardown failed: ${message(error)}`));
      await suite.remove?.(target).catch((error: unknown) => result.problems.push(`${name}: cleanup failed: ${message(error)}`));
    }
  }
  return result;
}
