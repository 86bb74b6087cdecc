import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import Database from "better-sqlite3";

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? "unknown CPU";
}

function versionOf(name: string): string {
  try {
    // Read the file directly: not every package exports its package.json.
    const manifest = readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8");
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

const LIBRARIES = ["better-sqlite3", "postgres", "mysql2", "mongodb", "drizzle-orm", "kysely", "typeorm", "pg", "zod"] as const;

/** The lines that head the results: what machine, runtime and library versions produced them. */
export function describeMachine(): string[] {
  const sqlite = new Database(":memory:");
  const sqliteVersion = sqlite.prepare("SELECT sqlite_version()").pluck().get() as string;
  sqlite.close();
  return [
    `- CPU: ${cpuModel()}, ${availableParallelism()} cores; ${Math.round(totalmem() / 2 ** 30)} GiB RAM; ${type()} ${release()}`,
    `- Node.js ${process.version}; SQLite ${sqliteVersion}`,
    `- ${LIBRARIES.map((name) => `${name} ${versionOf(name)}`).join(", ")}`,
  ];
}

/** The 1-minute load average: other work on the machine makes every figure noisier. */
export function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}
