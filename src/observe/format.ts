import { quote } from "../util/quote.js";
import type { StatementEvent } from "./options.js";
import { describeError } from "./warnings.js";

/**
 * A statement event as one line of text, for a logger that prints:
 * `new Ommi(driver, { logger: (event) => console.log(formatStatement(event)) })` prints
 * `[ommi sqlite] SELECT User 0.08 ms, 1 row: SELECT "id", ... WHERE "id" = ?`, its parameters
 * after the text when they are shown, and the error when it failed. Each parameter is quoted
 * short (a long one is cut, with its length said).
 */
export function formatStatement(event: StatementEvent): string {
  const subject = event.model === undefined ? event.operation : `${event.operation} ${event.model}`;
  const rows = event.rows === undefined ? "" : `, ${event.rows} ${event.rows === 1 ? "row" : "rows"}`;
  const slow = event.slow ? " (slow)" : "";
  let line = `[ommi ${event.driver}] ${subject} ${event.durationMs.toFixed(2)} ms${rows}${slow}: ${event.text}`;
  if (event.params?.length) line += ` -- params: [${event.params.map(quote).join(", ")}]`;
  if (event.error !== undefined) line += ` -- failed: ${describeError(event.error)}`;
  return line;
}
