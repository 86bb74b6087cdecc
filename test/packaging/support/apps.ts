import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot, run } from "./package.js";

const fixtures = fileURLToPath(new URL("../apps/", import.meta.url));

/** A small app that installs the packed ommi and some packages beside it, and its compiler options. */
export interface AppSpec {
  /** The app's folder name, and what a failure names. */
  readonly name: string;
  /** Folders of test/packaging/apps whose sources the app holds. */
  readonly sources: readonly string[];
  /** What the app installs besides ommi (with what those depend on), as a user's `npm install` would. */
  readonly packages: readonly string[];
  /** Compiler options over the strict ones every app has. */
  readonly compilerOptions?: Readonly<Record<string, unknown>>;
}

/**
 * What every app compiles with: strict, TypeScript's default `skipLibCheck: false` (ommi's own
 * declarations are checked as the app's are), and Node's ESM resolution.
 */
const STRICT = { strict: true, skipLibCheck: false, module: "nodenext", target: "es2022", noEmit: true };

/**
 * Creates the app in `workDir`: its sources, a package.json and tsconfig.json, and node_modules
 * as an install would leave it. Nothing is downloaded: ommi is the tarball extracted, every other
 * package a link to this repository's copy, so that a package the app does not list is absent.
 */
export async function createApp(workDir: string, tarball: string, spec: AppSpec): Promise<string> {
  const app = join(workDir, spec.name);
  await mkdir(join(app, "node_modules", "ommi"), { recursive: true });
  for (const source of spec.sources) await cp(join(fixtures, source), join(app, "src"), { recursive: true });
  await writeFile(join(app, "package.json"), JSON.stringify({ name: spec.name, private: true, type: "module" }, null, 2));
  const compilerOptions = { ...STRICT, outDir: "out", ...spec.compilerOptions };
  await writeFile(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }, null, 2));
  await run("tar", ["-xzf", tarball, "-C", join(app, "node_modules", "ommi"), "--strip-components=1"], app);
  const ommi = JSON.parse(await readFile(join(app, "node_modules", "ommi", "package.json"), "utf8")) as Manifest;
  for (const name of installed([...spec.packages, ...Object.keys(ommi.dependencies ?? {})])) {
    const link = join(app, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(join(repoRoot, "node_modules", name), link, "dir");
  }
  return app;
}

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The packages an install of `wanted` puts at the top of node_modules: those, and what they
 * need (dependencies and required peers), hoisted as npm does. A package that keeps a copy of
 * its own in its node_modules brings that copy along with its link.
 */
function installed(wanted: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    if (found.has(name) || existsSync(join(from, "node_modules", name))) return;
    const folder = join(repoRoot, "node_modules", name);
    if (!existsSync(folder)) throw new Error(`${name} is not installed in ${repoRoot}node_modules`);
    found.add(name);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Manifest;
    const required = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !manifest.peerDependenciesMeta?.[peer]?.optional);
    for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...required]) visit(dependency, folder);
  };
  for (const name of wanted) visit(name, join(repoRoot, ".none"));
  return found;
}
