import type { ValidationIssue, Validated } from "../../src/kit/adapter.js";
import { whenAllReady } from "./maybe-async.js";
import type { Outcome } from "./outcome.js";

/** Checks one field's value by that field's own schema. */
export type FieldCheck = (name: string, value: unknown) => Outcome | Promise<Outcome>;

/** Validates each field of an update patch on its own, so a partial value can be checked; issue paths start at the field. */
export function validateFields(check: FieldCheck, patch: Record<string, unknown>): Validated | Promise<Validated> {
  const names = Object.keys(patch);
  return whenAllReady(
    names.map((name) => check(name, patch[name])),
    (outcomes): Validated => {
      const issues: ValidationIssue[] = [];
      const libraryIssues: unknown[] = [];
      const value: Record<string, unknown> = {};
      outcomes.forEach((outcome, index) => {
        const name = names[index] as string;
        if (outcome.ok) value[name] = outcome.value;
        else {
          issues.push(...outcome.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })));
          libraryIssues.push(...outcome.libraryIssues);
        }
      });
      return issues.length ? { ok: false, issues, libraryIssues } : { ok: true, value };
    },
  );
}
