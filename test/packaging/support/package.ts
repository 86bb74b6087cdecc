import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** This repository: its package.json, its tsconfig.build.json and the node_modules apps link from. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/** Runs a program to its end; a failure names the command and shows what it printed. */
export async function run(file: string, args: readonly string[], cwd: string, timeout = 240_000): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(file, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (failure) {
    const { stdout = "", stderr = "" } = failure as { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(" ")} (in ${cwd}) failed:\n${stdout}${stderr}`, { cause: failure });
  }
}

/** TypeScript's compiler, this repository's version, on `args`. */
export function runTsc(args: readonly string[], cwd: string): Promise<string> {
  return run(process.execPath, [tsc, ...args], cwd);
}

/**
 * Builds the package as `npm run build` does (tsconfig.build.json) and packs it as `npm pack`
 * does for a release; gives the tarball's path. The build goes to a folder of its own under
 * `workDir`, not to the repository's dist/, so that runs in parallel never see each other's files.
 */
export async function packPackage(workDir: string): Promise<string> {
  const staging = join(workDir, "package");
  await mkdir(staging, { recursive: true });
  // What npm puts in every tarball besides `files`; the build adds dist/.
  for (const file of ["package.json", "README.md", "LICENSE"]) await copyFile(join(repoRoot, file), join(staging, file));
  await runTsc(["-p", join(repoRoot, "tsconfig.build.json"), "--outDir", join(staging, "dist")], repoRoot);
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", workDir], staging);
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  return join(workDir, filename);
}

/** The packed package's package.json, as an app that installs it reads it. */
export async function packedManifest(appDir: string): Promise<{ dependencies?: Record<string, string>; exports: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(appDir, "node_modules", "ommi", "package.json"), "utf8")) as { exports: Record<string, unknown> };
}
