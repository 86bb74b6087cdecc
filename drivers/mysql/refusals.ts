import type { Refusals } from "../sql/runner.js";
import { dateRangeRefusals } from "./date-range.js";
import { negativeZeroRefusals } from "./negative-zero.js";

/**
 * Several sets of refusals as one: each kind runs every refusal of it in turn, the first to
 * throw refuses the call. A kind none of them has stays absent, so that the engine sees which
 * kinds are refused at all (prepared calls skip checking their values where none refuses queries).
 */
export function allRefusals(...parts: readonly Refusals[]): Refusals {
  const has = (kind: keyof Refusals) => parts.some((part) => part[kind] !== undefined);
  const combined: Refusals = {};
  if (has("rows")) combined.rows = (model, rows) => parts.forEach((part) => part.rows?.(model, rows));
  if (has("query")) combined.query = (query) => parts.forEach((part) => part.query?.(query));
  if (has("patch")) combined.patch = (model, patch) => parts.forEach((part) => part.patch?.(model, patch));
  if (has("raw")) combined.raw = (statement) => parts.forEach((part) => part.raw?.(statement));
  return combined;
}

/** What MySQL and MariaDB cannot hold, refused before anything is sent: a float's -0, a date outside DATETIME's range. */
export const mysqlRefusals: Refusals = allRefusals(negativeZeroRefusals, dateRangeRefusals);
