import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { requireService } from "./availability.js";
import { freePort } from "./free-port.js";

/**
 * A private PostgreSQL cluster for destructive and hostile tests (killed backends, catalog-named
 * tables, long queries): `initdb` into a fresh temporary folder, started on a free port (never
 * the shared 5432), with trust authentication and fsync off, and removed again by `stop()`.
 * Starting one takes a second or two, so keep one per test file (`useThrowawayPostgres`).
 */

const run = promisify(execFile);

/** Where the binaries are: OMMI_TEST_PG_BIN, or Debian's place for PostgreSQL 15. */
const BIN = process.env.OMMI_TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** The OS user the cluster runs as when we are root: PostgreSQL refuses to run as root. */
const CLUSTER_USER = "postgres";

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/test */
  readonly url: string;
  readonly port: number;
  /** Stops the server at once (`-m immediate`) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** Why a throwaway cluster (with TLS, when asked) cannot be started here, or undefined when it can. */
export function throwawayPostgresUnavailable({ ssl = false }: ThrowawayOptions = {}): string | undefined {
  for (const binary of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(join(BIN, binary))) return `${join(BIN, binary)} is missing (install PostgreSQL 15 or set OMMI_TEST_PG_BIN)`;
  }
  if (isRoot()) {
    try {
      execFileSync("id", ["-u", CLUSTER_USER], { stdio: "ignore" });
    } catch {
      return `running as root, and there is no "${CLUSTER_USER}" OS user to run the cluster as`;
    }
  }
  if (ssl) {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
    } catch {
      return "openssl is missing (it makes the cluster's TLS certificate)";
    }
  }
  return undefined;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a PostgreSQL binary, as the cluster user when we are root. */
async function pg(binary: string, args: readonly string[]): Promise<void> {
  const command = join(BIN, binary);
  try {
    if (isRoot()) await run("runuser", ["-u", CLUSTER_USER, "--", command, ...args], { cwd: "/" });
    else await run(command, [...args], { cwd: "/" });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${binary} ${args.join(" ")} failed: ${stderr || stdout || String(error)}`, { cause: error });
  }
}

function pgSync(binary: string, args: readonly string[]): void {
  const command = join(BIN, binary);
  if (isRoot()) execFileSync("runuser", ["-u", CLUSTER_USER, "--", command, ...args], { stdio: "ignore", cwd: "/" });
  else execFileSync(command, [...args], { stdio: "ignore", cwd: "/" });
}

/** A certificate and key in the data folder (owned by the cluster's user); the server settings that use them. */
async function selfSignedCertificate(data: string): Promise<string> {
  const [certificate, key] = [join(data, "server.crt"), join(data, "server.key")];
  await run("openssl", ["req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate], { cwd: "/" });
  chmodSync(key, 0o600);
  if (isRoot()) {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, CLUSTER_USER]).toString().trim()));
    for (const file of [certificate, key]) chownSync(file, uid as number, gid as number);
  }
  return ` -c ssl=on -c ssl_cert_file=${certificate} -c ssl_key_file=${key}`;
}

/** Clusters this process started and has not stopped: stopped on exit, so a crashed run leaves no server behind. */
const running = new Set<string>();
let exitHookInstalled = false;

function stopSync(folder: string): void {
  try {
    pgSync("pg_ctl", ["stop", "-D", join(folder, "data"), "-m", "immediate", "-s"]);
  } catch {
    // Already stopped, or never started.
  }
  rmSync(folder, { recursive: true, force: true });
  running.delete(folder);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => [...running].forEach(stopSync));
}

export interface ThrowawayOptions {
  /** Also accept TLS connections, with a self-signed certificate for "localhost" made for the cluster. */
  ssl?: boolean;
}

/** Starts a fresh cluster with a database `test`; see the file comment. */
export async function startThrowawayPostgres({ ssl = false }: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const unavailable = throwawayPostgresUnavailable({ ssl });
  if (unavailable) throw new Error(`cannot start a throwaway PostgreSQL: ${unavailable}`);
  installExitHook();
  const folder = mkdtempSync(join(tmpdir(), "ommi-pg-"));
  running.add(folder);
  const data = join(folder, "data");
  try {
    if (isRoot()) {
      const uid = Number(execFileSync("id", ["-u", CLUSTER_USER]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", CLUSTER_USER]).toString().trim());
      chownSync(folder, uid, gid);
    }
    await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--encoding", "UTF8", "--locale", "C", "--no-sync"]);
    const tls = ssl ? await selfSignedCertificate(data) : "";
    // The port was free a moment ago; another process may take it first, so try a few.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${tls}`;
      try {
        await pg("pg_ctl", ["start", "-D", data, "-w", "-t", "30", "-s", "-l", join(folder, "server.log"), "-o", settings]);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const admin = postgres({ host: "127.0.0.1", port, user: "postgres", database: "postgres", max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe("CREATE DATABASE test");
    } finally {
      await admin.end({ timeout: 0 });
    }
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/test`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pg("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-s"]);
        } finally {
          rmSync(folder, { recursive: true, force: true });
          running.delete(folder);
        }
      },
    };
  } catch (error) {
    stopSync(folder);
    throw error;
  }
}

/**
 * One throwaway cluster for the test file: started before its tests, stopped after them.
 * Where it cannot start (no binaries), the tests skip loudly outside CI and fail in CI
 * (CI=true), as `requireService` does. Read `.url` inside tests (not at collection time).
 */
export function useThrowawayPostgres(options: ThrowawayOptions = {}): { readonly url: string; readonly port: number } {
  let cluster: ThrowawayPostgres | undefined;
  const unavailable = requireService("throwaway PostgreSQL cluster", () => Promise.resolve(throwawayPostgresUnavailable(options)));
  beforeAll(async () => {
    if (!unavailable()) cluster = await startThrowawayPostgres(options);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  beforeEach((test) => {
    const reason = unavailable();
    if (reason) test.skip(reason);
  });
  return {
    get url() {
      if (!cluster) throw new Error("the throwaway PostgreSQL cluster is not running (read .url inside a test)");
      return cluster.url;
    },
    get port() {
      if (!cluster) throw new Error("the throwaway PostgreSQL cluster is not running (read .port inside a test)");
      return cluster.port;
    },
  };
}
