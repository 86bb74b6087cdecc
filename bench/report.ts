import type { BenchOptions } from "./options.js";
import type { Cell, SuiteResult } from "./suite.js";
import type { Workload } from "./workloads.js";

/** A workload of any suite, as the report sees it. */
type AnyWorkload = Workload<never, string>;

export const BASELINE = "raw driver";
export const OMMI = "Ommi";
/** Ommi with its queries prepared (`find(...).prepare()`, issue 13): a column of its own, measured against Drizzle (prepared). */
export const OMMI_PREPARED = "Ommi (prepared)";
const OTHERS = ["Drizzle", "Drizzle (prepared)", "Kysely", "TypeORM"];

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function milliseconds(value: number): string {
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString("en")} ms`;
}

function medianOf(cell: Cell | undefined): number | undefined {
  return cell && !cell.failure && cell.samples.length ? median(cell.samples) : undefined;
}

function ratioTo(result: SuiteResult, workload: AnyWorkload, library: string): number | undefined {
  const cells = result.cells.get(workload.name);
  const own = medianOf(cells?.get(library));
  const base = medianOf(cells?.get(BASELINE));
  return own !== undefined && base ? own / base : undefined;
}

function cellText(result: SuiteResult, workload: AnyWorkload, library: string): string {
  const cell = result.cells.get(workload.name)?.get(library);
  if (!cell) return "n/a";
  if (cell.failure) return `failed: ${cell.failure.replace(/\|/g, "\\|")}`;
  const value = medianOf(cell);
  if (value === undefined) return "n/a";
  const ratio = ratioTo(result, workload, library);
  const time = library === BASELINE || ratio === undefined ? milliseconds(value) : `${milliseconds(value)} (${ratio.toFixed(2)}×)`;
  const text = cell.statements.size ? `${time}, ${statementsText(cell.statements)}` : time;
  const rounds = roundsOf(workload, result.options);
  return cell.samples.length < rounds ? `${text} [${cell.samples.length} of ${rounds} rounds: too slow to repeat]` : text;
}

/** The statements one run sent: one figure, or each figure when the rounds differed. */
function statementsText(counts: ReadonlySet<number>): string {
  const figures = [...counts].sort((a, b) => a - b);
  return `${figures.map((count) => count.toLocaleString("en")).join(" or ")} ${figures.length === 1 && figures[0] === 1 ? "statement" : "statements"}`;
}

function roundsOf(workload: AnyWorkload, options: BenchOptions): number {
  return workload.kind === "stream" ? options.streamRounds : options.rounds;
}

function table(result: SuiteResult): string[] {
  const libraries = result.libraries;
  const lines = [`| workload | ${libraries.join(" | ")} |`, `|---|${libraries.map(() => "--:").join("|")}|`];
  for (const workload of result.workloads) lines.push(`| ${workload.name} | ${libraries.map((library) => cellText(result, workload, library)).join(" | ")} |`);
  return lines;
}

function memoryTable(result: SuiteResult): string[] {
  const stream = result.workloads.find((workload) => workload.id === "stream");
  const cells = stream && result.cells.get(stream.name);
  if (!cells?.size) return [];
  const lines = ["", `Streaming memory, highest use above the baseline while streaming (max of the rounds):`, "", "| library | JS heap | RSS |", "|---|--:|--:|"];
  for (const [library, cell] of cells) {
    if (!cell.failure) lines.push(`| ${library} | +${cell.heapMB.toFixed(1)} MB | +${cell.rssMB.toFixed(1)} MB |`);
  }
  return lines;
}

const onMongoDB = (result: SuiteResult) => result.database.startsWith("MongoDB");

/** A SQL server reached over a socket (PostgreSQL, MySQL, MariaDB), where a lookup's round trip dwarfs what a library adds to it. */
const onSqlServer = (result: SuiteResult) => /^(PostgreSQL|MySQL|MariaDB)\b/.test(result.database);

/**
 * The targets issue #5 sets for Ommi's core workloads on SQL databases, as ratios to the raw
 * driver (issue 10 sets none for structured fields, issue 12 none for MongoDB). Key lookups: 1.2×
 * on PostgreSQL, which MySQL and MariaDB share (servers too), 2.0× on SQLite in process.
 */
function ratioTarget(result: SuiteResult, id: string): number | undefined {
  if (result.suite !== "core" || onMongoDB(result)) return undefined;
  if (id === "lookup") return onSqlServer(result) ? 1.2 : 2.0;
  return id === "stream" ? undefined : 1.2;
}

function targets(result: SuiteResult): string[] {
  if (!result.libraries.includes(OMMI) || !result.libraries.includes(BASELINE)) return [];
  const lines = [
    "",
    result.suite === "core" && !onMongoDB(result)
      ? "Ommi against the targets of issue #5 (ratio to the raw driver; at least as fast as the best other library):"
      : "Ommi against the raw driver (ratio) and the best other library:",
    "",
  ];
  for (const workload of result.workloads) {
    const ratio = ratioTo(result, workload, OMMI);
    if (ratio === undefined) continue;
    const cells = result.cells.get(workload.name);
    const own = medianOf(cells?.get(OMMI)) ?? Infinity;
    const rivals = result.libraries
      .filter((name) => name !== OMMI && name !== BASELINE && (result.suite !== "core" || OTHERS.includes(name)))
      .map((name) => ({ name, value: medianOf(cells?.get(name)) })).filter((rival): rival is { name: string; value: number } => rival.value !== undefined);
    const best = rivals.sort((a, b) => a.value - b.value)[0];
    const limit = ratioTarget(result, workload.id);
    const checks: string[] = [];
    if (limit !== undefined) checks.push(`${ratio.toFixed(2)}× (target ≤ ${limit.toFixed(1)}×) ${ratio <= limit ? "✓" : "✗"}`);
    else checks.push(`${ratio.toFixed(2)}×`);
    if (best) checks.push(`best other: ${best.name} ${milliseconds(best.value)} ${own <= best.value ? "✓" : "✗"}`);
    if (workload.id === "stream") {
      const rss = cells?.get(OMMI)?.rssMB ?? 0;
      checks.push(`RSS +${rss.toFixed(1)} MB (target well under 100 MB) ${rss < 100 ? "✓" : "✗"}`);
    }
    lines.push(`- ${workload.name}: ${checks.join("; ")}`);
  }
  return lines;
}

/** Issue 13 asks prepared key lookups within 1.2× of the raw driver on the SQL databases. */
function preparedTarget(result: SuiteResult, id: string): number | undefined {
  return result.suite === "core" && !onMongoDB(result) && id === "lookup" ? 1.2 : undefined;
}

/** Ommi (prepared) against the raw driver and against Drizzle (prepared), the other library that prepares its statements. */
function preparedTargets(result: SuiteResult): string[] {
  if (!result.libraries.includes(OMMI_PREPARED) || !result.libraries.includes(BASELINE)) return [];
  const rival = "Drizzle (prepared)";
  const lines = ["", `${OMMI_PREPARED} against the raw driver (ratio; issue 13 sets a target for key lookups) and ${rival}:`, ""];
  for (const workload of result.workloads) {
    const ratio = ratioTo(result, workload, OMMI_PREPARED);
    if (ratio === undefined) continue;
    const cells = result.cells.get(workload.name);
    const own = medianOf(cells?.get(OMMI_PREPARED)) ?? Infinity;
    const other = medianOf(cells?.get(rival));
    const limit = preparedTarget(result, workload.id);
    const checks = [limit === undefined ? `${ratio.toFixed(2)}×` : `${ratio.toFixed(2)}× (target ≤ ${limit.toFixed(1)}×) ${ratio <= limit ? "✓" : "✗"}`];
    if (other !== undefined) checks.push(`${rival} ${milliseconds(other)} ${own <= other ? "✓" : "✗"}`);
    lines.push(`- ${workload.name}: ${checks.join("; ")}`);
  }
  return lines;
}

function suiteSection(result: SuiteResult): string[] {
  const { options } = result;
  const lines = [`### ${result.database}${result.title ? `: ${result.title}` : ""}`, ""];
  if (!result.libraries.length) return [...lines, "Nothing ran.", ...skipped(result)];
  lines.push(
    result.suite === "relations"
      ? `Median of ${options.rounds} rounds after ${options.warmup} warm-up rounds, libraries interleaved round by round; after each time, the SQL statements one load sends.`
      : `Median of ${options.rounds} rounds after ${options.warmup} warm-up rounds (stream: ${options.streamRounds}), libraries interleaved round by round; in parentheses, the ratio to the raw driver (lower is faster).`,
    "",
    ...table(result),
    ...memoryTable(result),
    ...targets(result),
    ...preparedTargets(result),
    ...skipped(result),
  );
  if (result.problems.length) lines.push("", "**Problems** (libraries that did not do the same work):", "", ...result.problems.map((problem) => `- ${problem}`));
  return lines;
}

function skipped(result: SuiteResult): string[] {
  return result.skipped.length ? ["", ...result.skipped.map(({ name, reason }) => `- ${name} skipped: ${reason}`)] : [];
}

/** The whole report, as Markdown ready for the README. */
export function renderReport(machine: readonly string[], results: readonly SuiteResult[], notes: readonly string[], options: BenchOptions): string {
  const lines = ["## Benchmarks", "", ...machine, ""];
  if (options.quick) lines.push("**Quick run (`--quick`): too few rounds and rows for conclusions.**", "");
  for (const result of results) lines.push(...suiteSection(result), "");
  lines.push(...notes.map((note) => `- ${note}`));
  return `${lines.join("\n").trimEnd()}\n`;
}
