import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The local MongoDB stand-in: `test/support/mongo-standin/server.py` serves MongoDB's wire protocol
 * on 127.0.0.1 with mongomock (Debian's python3-mongomock) as the engine and mockupdb's packages
 * alongside, because no real MongoDB can be installed here. It advertises a one-member replica set
 * "rs0", so the official client uses sessions and transactions: connect with `url`, which names
 * the set (`?replicaSet=rs0`). Its `buildInfo` answers `ommiStandin: true`; tests that need what
 * the stand-in lacks detect it that way. What it does not do is listed in server.py's modules.
 */

/** Debian's interpreter: the first python3 on PATH may be another one without Debian's packages. */
const PYTHON = process.env.OMMI_STANDIN_PYTHON ?? "/usr/bin/python3";
const SERVER = fileURLToPath(new URL("./mongo-standin/server.py", import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 2_000;

export interface MongoStandin {
  /** mongodb://127.0.0.1:<port>/?replicaSet=rs0 */
  readonly url: string;
  readonly port: number;
  /** SIGTERM, then SIGKILL when it has not exited after a short wait. Safe to call twice. */
  stop(): Promise<void>;
}

/** Why the stand-in cannot run here (no Debian python, or a package missing), or undefined when it can. */
export function standinUnavailable(): string | undefined {
  const probe = spawnSync(PYTHON, ["-c", "import mongomock, mockupdb, bson"], { encoding: "utf8", timeout: 20_000 });
  if (probe.error) return `${PYTHON} cannot run (${probe.error.message}); install python3, python3-mongomock and python3-mockupdb`;
  if (probe.status !== 0) {
    const missing = /No module named '([^']+)'/.exec(probe.stderr)?.[1];
    return missing
      ? `${PYTHON} lacks the module "${missing}" (apt-get install python3-mongomock python3-mockupdb)`
      : `${PYTHON} cannot import mongomock and mockupdb: ${probe.stderr.trim()}`;
  }
  return undefined;
}

/** Stand-ins this process started and has not stopped: killed on exit, so none outlives a crashed run. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/** Starts a stand-in on a free port; rejects with the server's stderr when it cannot start. */
export async function startMongoStandin(): Promise<MongoStandin> {
  installExitHook();
  // stdin stays an open pipe: the server exits when it reaches EOF, i.e. when this process is gone.
  // PYTHONDONTWRITEBYTECODE: no __pycache__ folders appear in the source tree.
  const child = spawn(PYTHON, [SERVER, "--port", "0"], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  running.add(child);
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    // Keep the tail only: a long test run must not grow this without bound.
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      running.delete(child);
      reject(new Error(`the MongoDB stand-in did not start: ${reason}${stderr ? `\n${stderr.trim()}` : ""}`));
    };
    const timer = setTimeout(() => fail(`no LISTENING line within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once("error", (error) => fail(error.message));
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`it exited (${signal ?? `code ${String(code)}`})`);
    child.once("exit", onEarlyExit);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      const match = /^LISTENING (\d+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.off("exit", onEarlyExit);
        resolve(Number(match[1]));
      }
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    url: `mongodb://127.0.0.1:${port}/?replicaSet=rs0`,
    port,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        }
        child.stdin.destroy();
        running.delete(child);
      })();
      return stopped;
    },
  };
}
