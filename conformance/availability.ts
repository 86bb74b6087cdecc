import { beforeAll } from "vitest";

/**
 * Asks once, before a suite's tests, whether a service they need is there. Outside CI a
 * missing service is reported loudly and its tests skip with the reason; in CI (CI=true) it
 * fails the run, so a missing service never passes as green. Returns the reason, if any.
 */
export function requireService(name: string, unavailable: () => Promise<string | undefined>): () => string | undefined {
  let reason: string | undefined;
  beforeAll(async () => {
    reason = await unavailable();
    if (reason && process.env.CI === "true") throw new Error(`${name} is required in CI: ${reason}`);
    if (reason) console.warn(`\n!!! SKIPPING ${name}: ${reason}\n`);
  });
  return () => reason;
}
