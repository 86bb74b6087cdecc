import { connect } from "node:net";
import postgres from "postgres";

export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether something answers on the URL's host and port (within a second). */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || "127.0.0.1", port: Number(port || 5432) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** The URL, with the schema first on the search path (postgres.js passes unknown query parameters to the server). */
export function urlWithSchema(url: string, schema: string): string {
  const withSchema = new URL(url);
  withSchema.searchParams.set("search_path", schema);
  return withSchema.toString();
}

/** Runs statements on a short-lived admin connection. */
async function admin(url: string, statements: readonly string[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    for (const statement of statements) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

/** A fresh, empty schema (dropping one a crashed run left behind). */
export function freshSchema(url: string, schema: string): Promise<void> {
  return admin(url, [`DROP SCHEMA IF EXISTS "${schema}" CASCADE`, `CREATE SCHEMA "${schema}"`]);
}

export function dropSchema(url: string, schema: string): Promise<void> {
  return admin(url, [`DROP SCHEMA IF EXISTS "${schema}" CASCADE`]);
}

export async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1 });
  try {
    const [row] = await sql<{ server_version: string }[]>`SHOW server_version`;
    return row?.server_version ?? "unknown";
  } finally {
    await sql.end();
  }
}
