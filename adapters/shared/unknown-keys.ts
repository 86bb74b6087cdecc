import type { ValidationIssue } from "../../src/kit/adapter.js";

/** Unknown keys named one issue each; more are counted in one last issue, so a message never grows with its input. */
const NAMED = 10;

export interface UnknownKeys {
  /** The model's fields: the keys that are stored. */
  readonly fields: ReadonlySet<string>;
  /** What to do about such a key, in the library's words. */
  readonly advice: string;
  /** Whether a key's value is one that would be lost (an undefined one is nothing to lose). */
  readonly holdsValue?: (value: unknown) => boolean;
  /** Keys that are deliberately not data, and are left out without a word (class-transformer's `@Exclude()`). */
  readonly notData?: ReadonlySet<string>;
}

const isDefined = (value: unknown) => value !== undefined;

/**
 * Issues for the keys of `value` that are not fields yet hold a value. Ommi has no column for
 * them, and a value the user passed is stored or refused, never dropped in silence; only a library
 * that drops such keys itself (`z.object`, `v.object`) takes them away before this check.
 */
export function unknownKeyIssues(value: object, { fields, advice, holdsValue = isDefined, notData }: UnknownKeys): ValidationIssue[] {
  let unknown: string[] | undefined;
  for (const key in value) {
    if (fields.has(key) || !Object.hasOwn(value, key) || notData?.has(key) || !holdsValue((value as Record<string, unknown>)[key])) continue;
    (unknown ??= []).push(key);
  }
  if (!unknown) return [];
  const message = `not a field of this model, so there is no column to store it in; ${advice}`;
  const issues: ValidationIssue[] = unknown.slice(0, NAMED).map((key) => ({ path: [key], message }));
  if (unknown.length > NAMED) issues.push({ path: [], message: `${unknown.length - NAMED} more keys that are not fields of this model` });
  return issues;
}
