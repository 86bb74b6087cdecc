import { TransactionError } from "ommi";

// For tests in which calls take turns (two transactions holding and waiting for locks) or fail:
// shared by the concurrency, timeout and fault tests of every server.

/** A promise and the function that resolves it, to let two transactions take turns. */
export function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

/** What `work` failed with (undefined when it succeeded). */
export async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(() => undefined, (error: unknown) => error);
}

/** What the calls that failed failed with. */
export function failuresOf(outcomes: readonly PromiseSettledResult<unknown>[]): unknown[] {
  return outcomes.flatMap((outcome): unknown[] => (outcome.status === "rejected" ? [outcome.reason] : []));
}

/** How `work` settled, or "still pending" after `seconds`: a hang fails the test instead of timing it out. */
export async function settled<T>(work: Promise<T>, seconds: number): Promise<PromiseSettledResult<T> | "still pending"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"still pending">((resolve) => (timer = setTimeout(() => resolve("still pending"), seconds * 1000)));
  try {
    return await Promise.race([
      work.then((value) => ({ status: "fulfilled" as const, value }), (reason: unknown) => ({ status: "rejected" as const, reason })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error, or the ConnectionError a TransactionError was caused by. */
export function connectionErrorIn(error: unknown): unknown {
  return error instanceof TransactionError ? error.cause : error;
}
