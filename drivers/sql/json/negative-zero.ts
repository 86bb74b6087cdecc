// -0 in JSON text: Ommi stores it as `-0` (JSON.parse gives -0 back), but `eq` compares -0 equal to
// 0, as JavaScript does, so compared text is written, and stored text rewritten, with 0.

/** `-0` where it is a number in JSON text written by Ommi (not inside a string): what `zeroedJsonText` rewrites. */
export const NEGATIVE_ZERO = /"(?:[^"\\]|\\.)*"|-0(?=[,\]}]|$)/g;

/** Stored JSON text with every number -0 written 0: the text `eq` compares (see comparedJsonEncoder). */
export function zeroedJsonText(text: string): string {
  return text.includes("-0") ? text.replace(NEGATIVE_ZERO, (match) => (match === "-0" ? "0" : match)) : text;
}

/** The JSON text of a JSON value with -0 written 0, as `eq` compares it: JSON.stringify's. */
export function comparedJsonText(value: unknown): string {
  return JSON.stringify(value);
}

/** Whether a JSON value holds -0 anywhere (JSON.stringify would write it 0). */
export function holdsNegativeZero(value: unknown, depth: number): boolean {
  if (typeof value === "number") return value === 0 && 1 / value < 0;
  if (typeof value !== "object" || value === null || depth > 256) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (holdsNegativeZero(value[index], depth + 1)) return true;
    return false;
  }
  for (const key in value) if (holdsNegativeZero((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}
