import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { ConnectionError } from "ommi";
import { PostgreSQLDriver } from "ommi/postgres";
import { postgresJsOptions } from "../../drivers/postgres/settings.js";
import { requireService } from "../support/availability.js";
import { postgresUnderTest, testDatabaseUrl } from "../support/postgres.js";

// A PostgreSQL database left open (no `db.close()`) must not keep a Node process alive: idle
// connections close after `idleTimeout` seconds and the process exits by itself.

const unavailable = requireService("PostgreSQL", () => postgresUnderTest.unavailable());
const root = fileURLToPath(new URL("../..", import.meta.url));
const child = fileURLToPath(new URL("./fixtures/postgres-left-open.ts", import.meta.url));
/** Each run's own schema (the child creates it), dropped afterwards; nothing shared is touched. */
const schemas: string[] = [];

afterAll(async () => {
  if (schemas.length === 0) return;
  const admin = postgres(testDatabaseUrl, { max: 1, idle_timeout: 1, onnotice: () => undefined });
  try {
    for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end({ timeout: 5 });
  }
});

/**
 * Runs the child, which queries and never closes. Resolves with how it ended: "exited" once it
 * exits by itself, or "still running" when it has not `waitSeconds` after its query (then it is killed).
 */
function runLeftOpen(idleTimeout: number, waitSeconds: number): Promise<{ ended: "exited" | "still running"; code: number | null; output: string }> {
  const schema = `ommi_test_${randomBytes(8).toString("hex")}`;
  schemas.push(schema);
  const env = { ...process.env, OMMI_LEFT_OPEN_URL: testDatabaseUrl, OMMI_LEFT_OPEN_SCHEMA: schema, OMMI_LEFT_OPEN_IDLE: String(idleTimeout) };
  const running = spawn(process.execPath, ["--import", "tsx", child], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      // The wait starts once the query is done, so how long tsx takes to start does not count.
      if (timer === undefined && output.includes("queried")) {
        timer = setTimeout(() => {
          running.kill();
          resolve({ ended: "still running", code: null, output });
        }, waitSeconds * 1000);
      }
    };
    running.stdout.on("data", onOutput);
    running.stderr.on("data", onOutput);
    running.on("error", reject);
    running.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ ended: "exited", code, output });
    });
  });
}

describe("PostgreSQL idleTimeout", () => {
  it("closes idle connections after 10 seconds unless given, and passes a given one to postgres.js", () => {
    expect(postgresJsOptions({}).idle_timeout).toBe(10);
    expect(postgresJsOptions({ idleTimeout: 2.5 }).idle_timeout).toBe(2.5);
    expect(postgresJsOptions({ idleTimeout: 0 }).idle_timeout).toBe(0);
  });

  it("refuses a negative or non-finite idleTimeout before connecting", async () => {
    for (const idleTimeout of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const connecting = PostgreSQLDriver.connect({ url: testDatabaseUrl, idleTimeout });
      await expect(connecting).rejects.toBeInstanceOf(ConnectionError);
      await expect(connecting).rejects.toThrow(/idleTimeout must be a number of seconds/);
    }
  });

  it("a process that never closes its database exits by itself once the connections are idle", async ({ skip }) => {
    if (unavailable()) skip(unavailable());
    const run = await runLeftOpen(1, 1 + 10);
    expect(run.output).toContain("queried 1");
    expect(run).toMatchObject({ ended: "exited", code: 0 });
  });

  it("with idleTimeout 0 idle connections stay open, and so does the process (until close())", async ({ skip }) => {
    if (unavailable()) skip(unavailable());
    const run = await runLeftOpen(0, 3);
    expect(run.output).toContain("queried 1");
    expect(run.ended).toBe("still running");
  });
});
