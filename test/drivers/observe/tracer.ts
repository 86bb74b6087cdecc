import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

// The part of @opentelemetry/api these tests use, written out so that they type-check whether or
// not the package is installed (it is optional for Ommi, and these tests skip without it).
type Context = object;
interface Api {
  readonly ROOT_CONTEXT: Context;
  readonly trace: {
    setGlobalTracerProvider(provider: object): boolean;
    getSpan(context: Context): RecordedSpan | undefined;
    setSpan(context: Context, span: RecordedSpan): Context;
    disable(): void;
  };
  readonly context: { setGlobalContextManager(manager: object): boolean; active(): Context; with<R>(context: Context, work: () => R): R; disable(): void };
}

/** `@opentelemetry/api` when it is installed, else why not. */
export function loadOpenTelemetry(): Api | string {
  try {
    return createRequire(import.meta.url)("@opentelemetry/api") as Api;
  } catch (error) {
    return `@opentelemetry/api is not installed (${(error as Error).message.split("\n")[0]})`;
  }
}

let ids = 0;

/** A span as the in-memory tracer keeps it. */
export class RecordedSpan {
  readonly attributes: Record<string, unknown> = {};
  readonly exceptions: unknown[] = [];
  status: { code: number; message?: string } | undefined;
  ended = false;
  readonly #id = (++ids).toString(16).padStart(16, "0");

  constructor(
    readonly name: string,
    readonly kind: number | undefined,
    readonly parent: RecordedSpan | undefined,
    attributes: Record<string, unknown> = {},
  ) {
    Object.assign(this.attributes, attributes);
  }

  spanContext() {
    return { traceId: "0".repeat(31) + "1", spanId: this.#id, traceFlags: 1 };
  }
  setAttribute(key: string, value: unknown) {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Record<string, unknown>) {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent() {
    return this;
  }
  addLink() {
    return this;
  }
  addLinks() {
    return this;
  }
  setStatus(status: { code: number; message?: string }) {
    this.status = status;
    return this;
  }
  updateName() {
    return this;
  }
  end() {
    this.ended = true;
  }
  isRecording() {
    return !this.ended;
  }
  recordException(exception: unknown) {
    this.exceptions.push(exception);
  }
}

/**
 * An in-memory tracer provider and an AsyncLocalStorage context manager, registered globally as an
 * application's SDK would be; `spans` are those started since. `uninstall` unregisters both.
 */
export function installTracer(api: Api) {
  const spans: RecordedSpan[] = [];
  const tracer = {
    startSpan(name: string, options: { kind?: number; attributes?: Record<string, unknown> } = {}, context: Context = api.context.active()) {
      const span = new RecordedSpan(name, options.kind, api.trace.getSpan(context), options.attributes);
      spans.push(span);
      return span;
    },
  };
  const storage = new AsyncLocalStorage<Context>();
  const manager = {
    active: () => storage.getStore() ?? api.ROOT_CONTEXT,
    with: <A extends unknown[], R>(context: Context, work: (...args: A) => R, thisArg?: unknown, ...args: A) => storage.run(context, () => work.apply(thisArg, args)),
    bind: <T>(_context: Context, target: T) => target,
    enable: () => manager,
    disable: () => manager,
  };
  api.trace.disable();
  api.context.disable();
  if (!api.context.setGlobalContextManager(manager) || !api.trace.setGlobalTracerProvider({ getTracer: () => tracer })) {
    throw new Error("could not register the test tracer");
  }
  return {
    spans,
    tracer,
    /** Runs `work` inside a span of the caller's, which the statements' spans must be children of. */
    within<R>(name: string, work: () => R): { parent: RecordedSpan; result: R } {
      const parent = tracer.startSpan(name);
      return { parent, result: api.context.with(api.trace.setSpan(api.context.active(), parent), work) };
    },
    uninstall() {
      api.trace.disable();
      api.context.disable();
    },
  };
}
