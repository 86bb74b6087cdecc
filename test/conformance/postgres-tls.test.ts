import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { useThrowawayPostgres } from "../support/throwaway-postgres.js";

/**
 * Ommi opens PostgreSQL's sockets itself, TLS included (drivers/postgres/socket.ts): these check
 * that every TLS setting means what it means to postgres.js, on clusters of the tests' own (one
 * with a self-signed certificate, one without TLS).
 */
const opened: Ommi[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

const collection = new ModelCollection();
const Note = model(z.object({ id: z.number().int(), text: z.string() }), { name: "Note", collection });

/** Opens a database, writes and reads a row in and out of a transaction; says whether Ommi's connections were encrypted. */
async function roundTrip(url: string, options: Omit<PostgreSQLOptions, "url">): Promise<boolean> {
  const db = new Ommi(await PostgreSQLDriver.connect({ ...options, url, connectTimeout: 3 }));
  opened.push(db);
  await db.schema(collection).createModels().raiseOnErrors();
  await db.find(Note).delete().raiseOnErrors();
  await db.transaction(async (tx) => void (await tx.add(Note, { id: 1, text: "over the wire" }).raiseOnErrors()));
  expect(await db.find(Note).timeout(5_000).all().value).toEqual([{ id: 1, text: "over the wire" }]);
  const admin = postgres(url.replace(/\?.*$/, ""), { max: 1, onnotice: () => undefined, connection: { application_name: "ommi-test-admin" } });
  try {
    const rows = await admin<{ ssl: boolean }[]>`SELECT ssl FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) WHERE application_name = 'ommi'`;
    expect(rows.length).toBeGreaterThan(0);
    return rows.every((row) => row.ssl);
  } finally {
    await admin.end({ timeout: 1 });
  }
}

async function connectionFailure(url: string, options: Omit<PostgreSQLOptions, "url">): Promise<unknown> {
  const db = new Ommi(await PostgreSQLDriver.connect({ ...options, url, connectTimeout: 3 }));
  opened.push(db);
  const result = await db.find(Note).count();
  return result.ok ? undefined : result.error;
}

describe("PostgreSQL over TLS (a server with a self-signed certificate)", () => {
  const cluster = useThrowawayPostgres({ ssl: true });

  it('ssl: "require" encrypts without checking the certificate', async () => {
    expect(await roundTrip(cluster.url, { ssl: "require" })).toBe(true);
  });

  it("sslmode=require in the url does the same", async () => {
    expect(await roundTrip(`${cluster.url}?sslmode=require`, {})).toBe(true);
  });

  it('ssl: "prefer" encrypts where the server can', async () => {
    expect(await roundTrip(cluster.url, { ssl: "prefer" })).toBe(true);
  });

  it("ssl: true checks the certificate: a self-signed one fails the first call with a ConnectionError", async () => {
    expect(await connectionFailure(cluster.url, { ssl: true })).toBeInstanceOf(ConnectionError);
  });

  it("without ssl the connection is not encrypted", async () => {
    expect(await roundTrip(cluster.url, {})).toBe(false);
  });
});

describe("PostgreSQL asked for TLS by a server without it", () => {
  const cluster = useThrowawayPostgres();

  it('ssl: "require" fails the first call with a ConnectionError that says so', async () => {
    const error = await connectionFailure(cluster.url, { ssl: "require" });
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/SSL/);
  });

  it('ssl: "prefer" falls back to an unencrypted connection', async () => {
    expect(await roundTrip(cluster.url, { ssl: "prefer" })).toBe(false);
  });
});
