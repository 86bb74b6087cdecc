import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectionError, model, ModelCollection, Ommi, TransactionError } from "ommi";
import { PostgreSQLDriver, type PostgreSQLOptions } from "ommi/postgres";
import { testDatabaseUrl } from "../support/postgres.js";
import { postgresOnly } from "../support/postgres-suite.js";
import { freePort } from "../support/free-port.js";

const PASSWORD = "s3cret-Passw0rd";
const collection = new ModelCollection();
const Thing = model(z.object({ id: z.number().int(), name: z.string() }), { name: "Thing", collection });

const drivers: PostgreSQLDriver[] = [];
const servers: { server: Server; sockets: Set<Socket> }[] = [];

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((driver) => driver.close()));
  for (const { server, sockets } of servers.splice(0)) {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The first call's error, through the result, and how long it took to come. */
async function firstCallFails(options: PostgreSQLOptions): Promise<{ error: unknown; seconds: number }> {
  const driver = await PostgreSQLDriver.connect(options);
  drivers.push(driver);
  const started = performance.now();
  const result = await new Ommi(driver).find(Thing).all();
  return { error: result.ok ? undefined : result.error, seconds: (performance.now() - started) / 1000 };
}

function expectConnectionError(error: unknown, where: string): void {
  expect(error).toBeInstanceOf(ConnectionError);
  expect((error as Error).message).toContain(where);
  expect((error as Error).message).not.toContain(PASSWORD);
}

/** A local TCP server that is not PostgreSQL: `behave` decides what it does with each connection. */
async function listen(behave: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    behave(socket);
  });
  servers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("PostgreSQL: connections that cannot work fail the first call with a ConnectionError", () => {
  it("a port with nothing listening", async () => {
    const port = await freePort();
    const { error, seconds } = await firstCallFails({ host: "127.0.0.1", port, user: "postgres", password: PASSWORD, database: "test" });
    expectConnectionError(error, `127.0.0.1:${port}`);
    expect(seconds).toBeLessThan(5);
  });

  it("a server that is not PostgreSQL and hangs up (postgres.js alone would retry forever): within connectTimeout", async () => {
    const port = await listen((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    const { error, seconds } = await firstCallFails({ host: "127.0.0.1", port, password: PASSWORD, connectTimeout: 1 });
    expectConnectionError(error, `127.0.0.1:${port}`);
    expect(seconds).toBeLessThan(3);
  });

  it("a server that accepts and never answers: within connectTimeout", async () => {
    const port = await listen(() => undefined);
    const { error, seconds } = await firstCallFails({ host: "127.0.0.1", port, password: PASSWORD, connectTimeout: 1 });
    expectConnectionError(error, `127.0.0.1:${port}`);
    expect(seconds).toBeLessThan(3);
  });

  it("a transaction on an unreachable server fails with a TransactionError caused by the ConnectionError", async () => {
    const port = await freePort();
    const driver = await PostgreSQLDriver.connect({ host: "127.0.0.1", port, password: PASSWORD });
    drivers.push(driver);
    const failure = await new Ommi(driver).transaction(() => Promise.resolve()).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(TransactionError);
    expect((failure as Error).cause).toBeInstanceOf(ConnectionError);
  });

  it("options that cannot work reject connect() with a ConnectionError, never echoing the url", async () => {
    await expect(PostgreSQLDriver.connect({ max: 0 })).rejects.toBeInstanceOf(ConnectionError);
    await expect(PostgreSQLDriver.connect({ connectTimeout: -1 })).rejects.toBeInstanceOf(ConnectionError);
    const malformed = await PostgreSQLDriver.connect({ url: `postgres://user:${PASSWORD}@[broken/db` }).catch((error: unknown) => error);
    expect(malformed).toBeInstanceOf(ConnectionError);
    expect((malformed as Error).message).not.toContain(PASSWORD);
    expect((malformed as Error).cause).toBeUndefined();
  });

  describe("against the test server", () => {
    const postgres = postgresOnly();
    const server = new URL(testDatabaseUrl);
    const where = `${server.hostname}:${server.port || 5432}`;
    const url = (change: (url: URL) => void) => {
      const changed = new URL(testDatabaseUrl);
      change(changed);
      return changed.toString();
    };

    it("wrong credentials (a role that does not exist)", async () => {
      const { error, seconds } = await firstCallFails({ url: url((u) => ((u.username = "ommi_no_such_role"), (u.password = PASSWORD))) });
      expectConnectionError(error, where);
      expect((error as Error).message).toMatch(/ommi_no_such_role/);
      expect(seconds).toBeLessThan(5);
    });

    it("a database that does not exist", async () => {
      const { error, seconds } = await firstCallFails({ url: url((u) => ((u.pathname = "/ommi_no_such_database"), (u.password = PASSWORD))) });
      expectConnectionError(error, where);
      expect((error as Error).message).toMatch(/ommi_no_such_database/);
      expect(seconds).toBeLessThan(5);
    });

    it("a closed driver fails every call with a ConnectionError", async () => {
      const { db, collection: own, create } = await postgres.open();
      const Other = model(z.object({ id: z.number().int() }), { name: "Other", collection: own });
      await create();
      await db.close();
      const result = await db.find(Other).count();
      expect(result.ok ? undefined : result.error).toBeInstanceOf(ConnectionError);
      const failure = await db.transaction(() => Promise.resolve()).then(() => undefined, (error: unknown) => error);
      expect((failure as Error).cause).toBeInstanceOf(ConnectionError);
    });
  });
});
