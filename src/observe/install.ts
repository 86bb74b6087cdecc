import { OmmiError } from "../errors.js";
import type { ObserveOptions } from "./options.js";
import { StatementReporter } from "./reporter.js";
import { StatementSpans } from "./telemetry.js";
import type { StatementObserver } from "./statement.js";
import type { FailureHooks } from "./unchecked.js";
import { warn } from "./warnings.js";

/** What of a driver the options need (the Driver contract's name and observe). */
interface ObservableDriver {
  readonly name: string;
  observe?(observer: StatementObserver | undefined): void;
}

/** The failure hooks the options ask for; undefined for the defaults (no onError, unchecked failures warn). */
export function failureHooksFrom(options: ObserveOptions): FailureHooks | undefined {
  const { onError, uncheckedFailures } = options;
  if (onError === undefined && (uncheckedFailures === undefined || uncheckedFailures === "warn")) return undefined;
  return { onError, unchecked: uncheckedFailures === "warn" ? undefined : uncheckedFailures };
}

/**
 * Gives the driver an observer when the options ask for one (a logger, a slow-query threshold, or
 * tracing with `@opentelemetry/api` there). The options are checked first: a mistake in them is
 * an OmmiError from `new Ommi`, not a silent lack of logs.
 */
export function observeDriver(driver: ObservableDriver, options: ObserveOptions): void {
  checkOptions(options);
  const spans = options.tracing === false ? undefined : StatementSpans.forDriver(driver.name, options.tracing === true);
  if (options.tracing === true && !spans) {
    warn("tracing is true, but @opentelemetry/api cannot be loaded from here: no spans are made (install it beside Ommi)", "OMMI_NO_OPENTELEMETRY");
  }
  if (!options.logger && options.slowQueryMs === undefined && !spans) return;
  const reporter = new StatementReporter(driver.name, options, spans);
  if (driver.observe) {
    driver.observe(reporter);
    return;
  }
  // Tracing is on by default wherever the package is installed: only what was asked for is worth a warning.
  if (options.logger || options.slowQueryMs !== undefined) {
    warn(`The ${driver.name} driver does not report its statements (it has no observe()): the logger and slowQueryMs options see nothing`, "OMMI_NOT_OBSERVED");
  }
}

function checkOptions(options: ObserveOptions): void {
  const problem = optionsProblem(options);
  if (problem) throw new OmmiError(`new Ommi(driver, options): ${problem}`);
}

function optionsProblem({ onError, uncheckedFailures, logger, slowQueryMs, onSlowQuery, params, tracing }: ObserveOptions): string | undefined {
  if (onError !== undefined && typeof onError !== "function") return "onError must be a function";
  if (uncheckedFailures !== undefined && uncheckedFailures !== "warn" && uncheckedFailures !== "ignore" && typeof uncheckedFailures !== "function") {
    return `uncheckedFailures must be "warn", "ignore" or a function, got ${String(uncheckedFailures)}`;
  }
  if (logger !== undefined && typeof logger !== "function") return "logger must be a function (event) => void";
  if (slowQueryMs !== undefined && !(typeof slowQueryMs === "number" && Number.isFinite(slowQueryMs) && slowQueryMs >= 0)) {
    return `slowQueryMs must be a number of milliseconds from 0, got ${String(slowQueryMs)}`;
  }
  if (onSlowQuery !== undefined && typeof onSlowQuery !== "function") return "onSlowQuery must be a function (event) => void";
  if (onSlowQuery !== undefined && slowQueryMs === undefined) return "onSlowQuery needs slowQueryMs, the threshold that makes a statement slow";
  if (params !== undefined && params !== "redact" && params !== "show" && typeof params !== "function") {
    return `params must be "redact", "show" or a function (value, index, statement) => shown value, got ${String(params)}`;
  }
  if (tracing !== undefined && typeof tracing !== "boolean") return "tracing must be true or false";
  return undefined;
}
