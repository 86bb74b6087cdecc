import type { ObserveOptions, StatementEvent, StatementLogger } from "./options.js";
import type { ObservedStatement, RowCount, StatementObserver } from "./statement.js";
import type { StatementSpans } from "./telemetry.js";
import { callHook, hookThrew, warn } from "./warnings.js";

/**
 * The observer Ommi gives a driver (see StatementObserver): times each statement, hands its event
 * to the logger, reports it when slow, and wraps it in an OpenTelemetry span. Nothing the user's
 * functions throw reaches the statement.
 */
export class StatementReporter implements StatementObserver {
  readonly #driver: string;
  readonly #logger: StatementLogger | undefined;
  readonly #slowQueryMs: number | undefined;
  readonly #onSlowQuery: StatementLogger | undefined;
  readonly #params: NonNullable<ObserveOptions["params"]>;
  readonly #spans: StatementSpans | undefined;

  constructor(driver: string, options: ObserveOptions, spans: StatementSpans | undefined) {
    this.#driver = driver;
    this.#logger = options.logger;
    this.#slowQueryMs = options.slowQueryMs;
    this.#onSlowQuery = options.onSlowQuery;
    this.#params = options.params ?? "redact";
    this.#spans = spans;
  }

  run<T>(statement: ObservedStatement, work: () => T, rows?: RowCount<Awaited<T>>): T {
    const spans = this.#spans;
    const span = spans && guarded(() => spans.start(statement));
    // Worked out before the statement runs: an INSERT fills generated keys into the rows it was given.
    const params = this.#paramsOf(statement);
    const started = performance.now();
    let result: T;
    try {
      result = span && spans ? spans.within(span, work) : work();
    } catch (error) {
      this.#ended(statement, params, started, undefined, error, span);
      throw error;
    }
    if (!(result instanceof Promise)) {
      this.#ended(statement, params, started, countOf(rows, result as Awaited<T>), undefined, span);
      return result;
    }
    return result.then(
      (value: Awaited<T>) => {
        this.#ended(statement, params, started, countOf(rows, value), undefined, span);
        return value;
      },
      (error: unknown) => {
        this.#ended(statement, params, started, undefined, error, span);
        throw error;
      },
    ) as T;
  }

  #ended(statement: ObservedStatement, params: readonly unknown[] | undefined, started: number, rows: number | undefined, error: unknown, span: ReturnType<StatementSpans["start"]> | undefined): void {
    const durationMs = performance.now() - started;
    if (span) guarded(() => this.#spans?.end(span, statement.operation, rows, error));
    const slow = this.#slowQueryMs !== undefined && durationMs > this.#slowQueryMs;
    if (!this.#logger && !slow) return;
    const event: StatementEvent = {
      driver: this.#driver,
      operation: statement.operation,
      model: statement.model,
      text: statement.text,
      params,
      durationMs,
      rows,
      error,
      slow,
    };
    if (this.#logger) callHook(this.#logger, "logger", event);
    if (slow) this.#reportSlow(event);
  }

  #reportSlow(event: StatementEvent): void {
    if (this.#onSlowQuery) {
      callHook(this.#onSlowQuery, "onSlowQuery hook", event);
      return;
    }
    const subject = event.model === undefined ? event.operation : `${event.operation} on ${event.model}`;
    warn(`Slow ${event.driver} statement (${event.durationMs.toFixed(1)} ms, slowQueryMs is ${this.#slowQueryMs}): ${subject}`, "OMMI_SLOW_QUERY", {
      detail: cut(event.text),
    });
  }

  /** The parameters as the `params` option shows them; undefined when redacted, or when they could not be worked out. */
  #paramsOf(statement: ObservedStatement): readonly unknown[] | undefined {
    const shown = this.#params;
    if (shown === "redact") return undefined;
    let params: readonly unknown[];
    try {
      params = statement.params();
    } catch {
      return undefined;
    }
    if (shown === "show") return params;
    const about = { text: statement.text, model: statement.model };
    try {
      return params.map((value, index) => shown(value, index, about));
    } catch (error) {
      // A redactor that throws shows nothing: the values it was to hide must not leak past it.
      hookThrew(shown, "params redactor", error);
      return undefined;
    }
  }
}

function countOf<T>(rows: RowCount<T> | undefined, result: T): number | undefined {
  if (!rows) return undefined;
  try {
    return rows(result);
  } catch {
    return undefined;
  }
}

/** Tracing trouble (a broken tracer) never fails a statement. */
function guarded<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

/** Statement text in a warning: long texts (a big IN list, a pipeline) cut to a readable length. */
function cut(text: string): string {
  return text.length <= 1000 ? text : `${text.slice(0, 1000)}… (${text.length} characters)`;
}
