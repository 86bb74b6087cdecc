import type { ValidationIssue, Validated } from "../../src/kit/adapter.js";

/** The outcome of checking one value (a whole row or one field) through a schema library. */
export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[]; readonly libraryIssues: readonly unknown[] };

/** A whole row's outcome, as core takes it. */
export function asValidated(outcome: Outcome): Validated {
  return outcome.ok ? { ok: true, value: outcome.value as Record<string, unknown> } : outcome;
}
