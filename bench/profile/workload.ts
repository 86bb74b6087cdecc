/**
 * Runs one workload through one library on SQLite, over and over, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=bench/profile/out --import tsx bench/profile/workload.ts lookup [runs] [library]
 * then `npx tsx bench/profile/summarize.ts bench/profile/out/<file>.cpuprofile`.
 */
import { performance } from "node:perf_hooks";
import type { LibraryFactory } from "../library.js";
import { kysely } from "../libraries/kysely.js";
import { ommi } from "../libraries/ommi.js";
import { raw } from "../libraries/raw.js";
import { streamBatches, workloads, type WorkloadId } from "../workloads.js";

const LIBRARIES: Record<string, LibraryFactory> = { ommi, raw, kysely };

const [id = "lookup", runsText = "50", libraryName = "ommi"] = process.argv.slice(2);
const factory = LIBRARIES[libraryName];
const streamRows = Number(process.env.OMMI_BENCH_STREAM_ROWS ?? 200_000);
const workload = workloads(streamRows).find((candidate) => candidate.id === (id as WorkloadId));
if (!factory || !workload) throw new Error(`usage: workload.ts <insert|fetch|lookup|count|update|cross|stream> [runs] [${Object.keys(LIBRARIES).join("|")}]`);

const library = await factory.open({ kind: "sqlite" });
await library.setup();
if (workload.id === "stream" && library.loadStream) await library.loadStream(streamBatches(streamRows));
const runs = Number(runsText);
const times: number[] = [];
for (let round = 0; round < runs; round++) {
  const run = await workload.prepare(library, round);
  const started = performance.now();
  await run();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`${factory.name}, ${workload.name}: median ${times[times.length >> 1]?.toFixed(2)} ms over ${runs} runs`);
await library.teardown();
