import { inspect } from "node:util";
import type { AsyncResult, Find, OmmiError } from "../../src/index.js";

/** The error of an operation that must fail; the test fails when the operation succeeded. */
export async function failure(result: AsyncResult<unknown>): Promise<OmmiError> {
  const outcome = await result;
  if (outcome.ok) throw new Error(`expected the operation to fail, but it gave ${inspect(outcome.value)}`);
  return outcome.error;
}

/** One field of every row a query selects, in the order the database gave them. */
export async function fieldOf<R, K extends keyof R>(find: Find<R>, field: K): Promise<R[K][]> {
  return (await find.all().value).map((row) => row[field]);
}

/** Numbers in ascending order, to compare sets of ids. */
export function ascending(values: readonly (number | undefined)[]): number[] {
  return values.map(Number).sort((a, b) => a - b);
}
