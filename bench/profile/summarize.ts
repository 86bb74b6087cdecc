/**
 * The functions that spent the most time themselves (self time) in a V8 .cpuprofile, and the
 * same time grouped by where the code lives (Ommi's own folders, or a package).
 *   npx tsx bench/profile/summarize.ts <file.cpuprofile> [top]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, topText = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: summarize.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

/** Microseconds of self time per node: each sample's delta belongs to the node it hit. */
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (packageMatch) return `${packageMatch[1]}/${packageMatch[2]}`;
  const own = /\/work\/[^/]+\/(.*)$/.exec(path);
  return own?.[1] ?? (path || "(native)");
}

function area(url: string): string {
  const short = shortUrl(url);
  if (url.includes("node_modules/")) return short.split("/").slice(0, short.startsWith("@") ? 2 : 1).join("/");
  if (!url) return "(V8/native: GC, program, idle, C++)";
  if (url.startsWith("node:")) return "node internals";
  return short.split("/").slice(0, 2).join("/");
}

const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || "(anonymous)"}  ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  byArea.set(area(url), (byArea.get(area(url)) ?? 0) + time);
}

const percent = (value: number) => `${((100 * value) / total).toFixed(1).padStart(5)}%`;
const print = (title: string, entries: Map<string, number>, top: number) => {
  console.log(`\n${title}`);
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${percent(time)}  ${(time / 1000).toFixed(1).padStart(8)} ms  ${name}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print("Self time by function:", byFunction, Number(topText));
print("Self time by area:", byArea, 15);
