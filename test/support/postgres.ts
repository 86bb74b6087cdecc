import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import type { DriverUnderTest } from "./drivers.js";
import { droppedAfterClose } from "./fresh-namespace.js";

/** The test server: OMMI_TEST_PG_URL, or the local one that .ci/run starts. */
export const testDatabaseUrl = process.env.OMMI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Seconds to wait for the test server before calling it unavailable. */
const PROBE_TIMEOUT = 5;

let admin: postgres.Sql | undefined;

/** One small pool per test process, for creating and dropping schemas; idle connections close by themselves. */
function adminPool(): postgres.Sql {
  return (admin ??= postgres(testDatabaseUrl, { max: 2, idle_timeout: 2, connect_timeout: PROBE_TIMEOUT, onnotice: () => undefined }));
}

async function answers(): Promise<string | undefined> {
  const probe = postgres(testDatabaseUrl, { max: 1, connect_timeout: PROBE_TIMEOUT, onnotice: () => undefined });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${PROBE_TIMEOUT} s`), PROBE_TIMEOUT * 1000)));
  try {
    const failure = await Promise.race([probe`SELECT 1`.then(() => undefined, (error: Error) => error.message), deadline]);
    const { host, port } = probe.options;
    return failure && `PostgreSQL at ${host[0]}:${port[0]} is not available (${failure}); start it or set OMMI_TEST_PG_URL`;
  } finally {
    clearTimeout(timer);
    await probe.end({ timeout: 0 });
  }
}

/** Ends, from the server side, every other connection whose last statement contains `text`; says how many. */
export async function terminateConnectionsThatRan(text: string): Promise<number> {
  const ended = await adminPool().unsafe(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND strpos(query, $1) > 0",
    [text],
  );
  return ended.length;
}

/** A driver on a fresh schema (`ommi_test_<random>`), with any further options; `dispose` drops the schema with everything in it. */
export async function openPostgres(options: Omit<PostgreSQLOptions, "url" | "schema"> = {}): Promise<{ driver: PostgreSQLDriver; dispose(): Promise<void> }> {
  const schema = `ommi_test_${randomBytes(8).toString("hex")}`;
  await adminPool().unsafe(`CREATE SCHEMA "${schema}"`);
  const driver = await PostgreSQLDriver.connect({ ...options, url: testDatabaseUrl, schema });
  return droppedAfterClose(driver, () => adminPool().unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** PostgreSQL, one fresh schema per test: tests running at once never see each other's tables, and nothing is left behind. */
export const postgresUnderTest: DriverUnderTest = {
  name: "postgres",
  unavailable: answers,
  open: () => openPostgres(),
};
