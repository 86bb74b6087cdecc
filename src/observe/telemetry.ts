import { createRequire } from "node:module";
import type { ObservedStatement } from "./statement.js";
import { describeError } from "./warnings.js";

// The part of `@opentelemetry/api` that Ommi uses, written out here: Ommi does not depend on the
// package, and its published types must not name a package the user may not have.
type Context = object;
type AttributeValue = string | number | boolean;

interface Span {
  setAttribute(key: string, value: AttributeValue): unknown;
  recordException(exception: Error | string): void;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

interface Tracer {
  startSpan(name: string, options: { kind: number; attributes: Record<string, AttributeValue> }, context: Context): Span;
}

/** A tracer provider; the API's own proxy names the one registered as its delegate (a no-op one until then). */
interface TracerProvider {
  getDelegate?(): object;
}

interface OpenTelemetryApi {
  readonly trace: { getTracer(name: string): Tracer; setSpan(context: Context, span: Span): Context; getTracerProvider(): TracerProvider };
  readonly context: { active(): Context; with<R>(context: Context, work: () => R): R };
}

/** SpanKind.CLIENT and SpanStatusCode.ERROR: fixed numbers of the API. */
const CLIENT = 2;
const ERROR = 2;

/** The package's name in a variable, so that bundlers and type checkers leave it to run time. */
const PACKAGE = "@opentelemetry/api";

let api: OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api` when it can be loaded from here, else undefined (then nothing is traced
 * and nothing is said). Loaded once, synchronously, with `require`: spans then start with the
 * first statement, which an `import()` still on its way would miss. Every version of the package
 * ships CommonJS, and its copies share one global registry, so the tracer provider and context
 * manager an application registers through `import` are the ones found here.
 */
function openTelemetry(): OpenTelemetryApi | undefined {
  if (api === undefined) {
    try {
      api = createRequire(import.meta.url)(PACKAGE) as OpenTelemetryApi;
    } catch {
      api = null;
    }
  }
  return api ?? undefined;
}

/** Operations whose row count is rows returned (db.response.returned_rows); other counts are rows changed (ommi.rows_changed). */
const READS: ReadonlySet<string> = new Set(["SELECT", "find", "aggregate"]);

/**
 * Whether an application registered a tracer provider (an SDK). Until then the API's provider is
 * a proxy whose delegate is its no-op provider; a provider the API does not wrap counts as registered.
 */
function providerRegistered(api: OpenTelemetryApi): boolean {
  const provider = api.trace.getTracerProvider();
  const delegate = provider.getDelegate?.() ?? provider;
  return delegate.constructor.name !== "NoopTracerProvider";
}

/** OpenTelemetry's `db.system.name` for a driver's name, where they differ. */
const SYSTEM_NAMES: Readonly<Record<string, string>> = { postgres: "postgresql" };

/**
 * One client span per statement, following OpenTelemetry's database conventions: named
 * "{operation} {table}", a child of the active span, with db.system.name, db.query.text (the text
 * with placeholders: never a value), db.operation.name, db.collection.name and
 * db.response.returned_rows (or, for a write, ommi.rows_changed); a failure is recorded on it, with error.type.
 */
export class StatementSpans {
  readonly #api: OpenTelemetryApi;
  readonly #tracer: Tracer;
  readonly #system: string;

  private constructor(api: OpenTelemetryApi, driver: string) {
    this.#api = api;
    this.#tracer = api.trace.getTracer("ommi");
    this.#system = SYSTEM_NAMES[driver] ?? driver;
  }

  /**
   * Spans for a driver's statements, or undefined when `@opentelemetry/api` is not there, or (unless
   * `always`) no tracer provider is registered yet: a package that is merely installed, with no SDK
   * to take spans, costs the statements nothing.
   */
  static forDriver(driver: string, always: boolean): StatementSpans | undefined {
    const found = openTelemetry();
    if (!found || !(always || providerRegistered(found))) return undefined;
    return new StatementSpans(found, driver);
  }

  start(statement: ObservedStatement): Span {
    const attributes: Record<string, AttributeValue> = {
      "db.system.name": this.#system,
      "db.query.text": statement.text,
      "db.operation.name": statement.operation,
    };
    if (statement.model !== undefined) attributes["db.collection.name"] = statement.model;
    const name = statement.model === undefined ? statement.operation : `${statement.operation} ${statement.model}`;
    return this.#tracer.startSpan(name, { kind: CLIENT, attributes }, this.#api.context.active());
  }

  /** Runs `work` with `span` the active span, so that spans made inside it (the database client's own) are its children. */
  within<T>(span: Span, work: () => T): T {
    const { context, trace } = this.#api;
    return context.with(trace.setSpan(context.active(), span), work);
  }

  end(span: Span, operation: string, rows: number | undefined, error: unknown): void {
    if (rows !== undefined) span.setAttribute(READS.has(operation) ? "db.response.returned_rows" : "ommi.rows_changed", rows);
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : describeError(error));
      span.setAttribute("error.type", error instanceof Error ? error.name : typeof error);
      span.setStatus({ code: ERROR, message: error instanceof Error ? error.message : describeError(error) });
    }
    span.end();
  }
}
