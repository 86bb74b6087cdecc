import { EventEmitter, once } from "node:events";
import net from "node:net";
import tls from "node:tls";
import postgres from "postgres";

/**
 * The sockets postgres.js talks over, opened by Ommi (postgres.js's documented `socket` option)
 * for one reason: postgres.js 3.4 leaves queries pending forever when a connection fails with an
 * error (ECONNRESET, EPIPE). It rejects what it has sent when the socket emits 'error', but
 * queries it is given between that 'error' and the 'close' that follows (a later turn of the
 * event loop) are only rejected by a close *without* error, so they never settle; after the
 * reconnect they wait for answers to statements the new server session never received.
 * A transaction's ROLLBACK sent in that gap hung `transaction()` and kept its connection.
 *
 * So every socket here reports its close as a clean one: postgres.js then rejects everything
 * still queued on it with CONNECTION_CLOSED. The 'error' event itself still arrives first, with
 * its own message. Ommi also does TLS itself (postgres.js is told `ssl: false`) because
 * postgres.js would otherwise replace the socket with a TLS socket of its own.
 */

type Settings = postgres.Options<Record<string, postgres.PostgresType>>;

/** The parts of postgres.js's parsed options that say where and how to connect. */
interface ParsedOptions {
  readonly host: string[];
  readonly port: number[];
  readonly path: string | false;
  readonly ssl: SocketTarget["ssl"];
  readonly sslnegotiation?: string | null;
  readonly connect_timeout: number;
}

/**
 * A postgres.js pool whose connections go through `openSockets`. postgres.js parses the url, the
 * settings and the PG* environment first (a pool it creates for that opens no connection), so
 * host, port, socket path and TLS mean exactly what they mean to postgres.js.
 */
export function postgresOverOwnSockets(url: string | undefined, settings: Settings): postgres.Sql<Record<string, postgres.PostgresType>> {
  const parsed = (url === undefined ? postgres(settings) : postgres(url, settings)).options as unknown as ParsedOptions;
  const socket = openSockets({
    host: parsed.host,
    port: parsed.port,
    path: parsed.path,
    ssl: parsed.ssl,
    sslnegotiation: parsed.sslnegotiation,
    connectTimeout: parsed.connect_timeout,
  });
  const own = { ...settings, ssl: false, socket } as Settings;
  return url === undefined ? postgres(own) : postgres(url, own);
}

/** What postgres.js parsed from the url, the options and the environment; see `openSockets`. */
export interface SocketTarget {
  readonly host: readonly string[];
  readonly port: readonly number[];
  /** A Unix socket path, or false. */
  readonly path: string | false;
  readonly ssl: postgres.Options<Record<string, never>>["ssl"] | "allow" | "verify-full";
  readonly sslnegotiation?: string | null;
  /** Seconds for the TCP connection and the TLS handshake. */
  readonly connectTimeout: number;
}

/** PostgreSQL's SSLRequest: length 8, code 80877103. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
const SSL_ACCEPTED = 0x53; // "S"

/**
 * postgres.js's `socket` option: each call opens one connection, to the next host in turn as
 * postgres.js does, and resolves once it is connected (and secure, with TLS). It never rejects
 * (postgres.js would lose the connection slot): a failure comes back as a socket that reports it.
 */
export function openSockets(target: SocketTarget): () => Promise<EventEmitter> {
  let next = 0;
  return async () => {
    const index = next;
    next = (next + 1) % Math.max(target.host.length, 1);
    const host = target.host[index] ?? "localhost";
    const port = target.port[index] ?? target.port[0] ?? 5432;
    const raw = target.path ? net.connect(target.path) : net.connect(port, host);
    // postgres.js names the server in its messages from these, as for sockets it opens itself.
    Object.assign(raw, { host, port });
    try {
      const socket = await withDeadline(connect(raw, target, host), target.connectTimeout, () => raw.destroy());
      return reportingCleanClose(socket);
    } catch (error) {
      raw.destroy();
      return new FailedSocket(error instanceof Error ? error : new Error(String(error)), host, port);
    }
  };
}

async function connect(raw: net.Socket, target: SocketTarget, host: string): Promise<net.Socket> {
  await once(raw, "connect");
  const { ssl } = target;
  if (!ssl) return raw;
  if (target.sslnegotiation !== "direct") {
    raw.write(SSL_REQUEST);
    const answer = await firstByte(raw);
    if (answer !== SSL_ACCEPTED) {
      if (ssl === "prefer") return raw;
      throw Object.assign(new Error("the server does not accept SSL connections"), { code: "SSL_NOT_ACCEPTED" });
    }
  }
  const options: tls.ConnectionOptions = { socket: raw, servername: net.isIP(host) ? undefined : host };
  if (target.sslnegotiation === "direct") options.ALPNProtocols = ["postgresql"];
  if (ssl === "require" || ssl === "allow" || ssl === "prefer") options.rejectUnauthorized = false;
  else if (typeof ssl === "object") Object.assign(options, ssl);
  const secure = tls.connect(options);
  try {
    await once(secure, "secureConnect");
  } catch (error) {
    secure.destroy();
    throw error;
  }
  return secure;
}

/** The server's one-byte answer to SSLRequest; the listeners are gone once it came. */
function firstByte(raw: net.Socket): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const stop = () => raw.off("data", onData).off("close", onClose).off("error", onError);
    const onData = (data: Buffer) => (stop(), resolve(data[0]));
    const onClose = () => (stop(), reject(Object.assign(new Error("the server closed the connection"), { code: "CONNECTION_CLOSED" })));
    const onError = (error: Error) => (stop(), reject(error));
    raw.on("data", onData).on("close", onClose).on("error", onError);
  });
}

async function withDeadline<T>(work: Promise<T>, seconds: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(Object.assign(new Error(`no connection within ${seconds} s`), { code: "CONNECT_TIMEOUT" }));
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The socket, with every 'close' reported as clean (see the file comment). */
function reportingCleanClose<S extends net.Socket>(socket: S): S {
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  const reporting = (event: string | symbol, ...args: unknown[]): boolean => (event === "close" ? emit("close", false) : emit(event, ...args));
  socket.emit = reporting as S["emit"];
  return socket;
}

/**
 * A connection that could not be made, as postgres.js expects to hear of it: an 'error', then a
 * 'close'. Reported after postgres.js's first write (its startup message, which it writes as soon
 * as it has a socket): reported earlier, postgres.js would keep that unsent message and put it
 * in front of the next connection's startup, which then stalls.
 */
class FailedSocket extends EventEmitter {
  readonly readyState = "closed";
  #reported = false;

  constructor(
    private readonly error: Error,
    readonly host: string,
    readonly port: number,
  ) {
    super();
  }

  write(_data: unknown, done?: (error?: Error) => void): boolean {
    done?.(this.error);
    process.nextTick(() => this.#report());
    return true;
  }

  end(): void {
    this.#report();
  }

  destroy(): void {
    this.#report();
  }

  #report(): void {
    if (this.#reported) return;
    this.#reported = true;
    this.emit("error", this.error);
    this.emit("close", false);
  }
}
