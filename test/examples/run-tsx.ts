import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The repository's root, where examples run from, as a reader runs them. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs a TypeScript file as `npx tsx <file>` does and gives what it printed; rejects when it fails. */
export async function runTsx(file: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return stdout;
}
