import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const program = fileURLToPath(new URL("./fixtures/unchecked-failure.ts", import.meta.url));

/** Runs one scenario of the fixture program in a process of its own (exit and garbage collection are per process). */
async function run(scenario: string): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--expose-gc", "--import", "tsx", program, scenario], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: 60_000,
  });
  return { stdout, stderr };
}

const WARNING = "OMMI_UNCHECKED_FAILURE";

describe.concurrent("a failed operation whose result nobody checks", () => {
  it("is a process warning naming the operation, the model and the error, once its result is garbage", async () => {
    const { stdout, stderr } = await run("dropped");
    // Reported when the result was collected, not only at exit: between the two marks.
    expect(stdout.split("\n").filter(Boolean)).toEqual(["dropped", `warning ${WARNING}`, "collected"]);
    expect(stderr).toContain(`[${WARNING}]`);
    expect(stderr).toContain("add on User: SchemaError: adding User: no such table");
  });

  it("is reported at exit at the latest, when its result is kept but never read", async () => {
    const { stdout, stderr } = await run("never-read");
    expect(stdout.split("\n").filter(Boolean)).toEqual(["collected", `warning ${WARNING}`]);
    expect(stderr.match(new RegExp(WARNING, "g"))).toHaveLength(1);
  });

  it("covers createModels() too", async () => {
    const { stderr } = await run("schema");
    expect(stderr).toContain("schema.createModels: ConnectionError");
  });

  it("goes to the uncheckedFailures hook instead of a warning when one is given", async () => {
    const { stdout, stderr } = await run("hook");
    expect(stdout).toContain("hook add User SchemaError");
    expect(stderr).not.toContain(WARNING);
  });

  it('is not reported with uncheckedFailures: "ignore"', async () => {
    const { stdout, stderr } = await run("ignored");
    expect(stdout).toBe("dropped\ncollected\n");
    expect(stderr).not.toContain(WARNING);
  });
});

describe.concurrent("a failed operation whose result is checked", () => {
  it("is never reported: read ok, valueOr, .value", async () => {
    const { stdout, stderr } = await run("checked");
    expect(stdout).toBe("checked SchemaError\ncaught\ncollected\n");
    expect(stderr).not.toContain(WARNING);
  });

  it("is never reported when kept through garbage collections and checked later", async () => {
    const { stdout, stderr } = await run("kept");
    expect(stdout).toBe("collected\nchecked later SchemaError\n");
    expect(stderr).not.toContain(WARNING);
  });
});
