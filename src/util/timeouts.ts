import { quote } from "./quote.js";

/** The longest limit PostgreSQL takes for a timeout (a signed 32-bit count of milliseconds): about 24.8 days. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * What is wrong with a timeout named `name` of `value` milliseconds, or undefined when it is a
 * whole number of milliseconds in range. Only such numbers ever reach SQL, where a driver must
 * spell a limit out (SET LOCAL takes no bound parameters).
 */
export function timeoutProblem(name: string, value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_TIMEOUT_MS) return undefined;
  return `${name} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${quote(value)}`;
}
