import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const hide = fileURLToPath(new URL("./observe/hide-opentelemetry.ts", import.meta.url));
const program = fileURLToPath(new URL("./observe/without-opentelemetry.ts", import.meta.url));

/** Runs the program in a process where @opentelemetry/api cannot be loaded, installed or not. */
async function runWithout(argument: string): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ["--import", "tsx", "--import", hide, program, argument], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: 60_000,
  });
}

describe.concurrent("without @opentelemetry/api", () => {
  it("Ommi works and says nothing: tracing degrades silently", async () => {
    const { stdout, stderr } = await runWithout("default");
    expect(stdout).toBe("rows 1\n");
    expect(stderr).toBe("");
  });

  it("tracing: true is one warning that no spans are made, and Ommi works", async () => {
    const { stdout, stderr } = await runWithout("forced");
    expect(stdout).toBe("warning OMMI_NO_OPENTELEMETRY\nrows 1\n");
    expect(stderr).toMatch(/\[OMMI_NO_OPENTELEMETRY\] Warning: tracing is true, but @opentelemetry\/api cannot be loaded from here/);
  });
});
