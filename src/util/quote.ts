/** Longest part of a value that an error message repeats; the rest is counted, not copied. */
const SHOWN = 60;

/**
 * A value as error messages quote it: JSON-quoted, and when long, cut to its first characters
 * with its full length said. A message must never grow with its input (a 1 MB pattern once gave
 * a 7 MB message), and must stay readable.
 */
export function quote(value: unknown): string {
  if (typeof value === "string") return quoteText(value);
  if (typeof value === "bigint") return `${value}n`;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return String(value);
  return text.length <= SHOWN ? text : `${text.slice(0, SHOWN)}… (${text.length} characters as JSON)`;
}

function quoteText(text: string): string {
  if (text.length <= SHOWN) return JSON.stringify(text);
  // Cut between code points, never inside a surrogate pair.
  let end = SHOWN;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${JSON.stringify(text.slice(0, end))}… (${text.length} characters)`;
}

/** Longest message part taken as it is from elsewhere (a schema library's issue, a database's detail). */
const MESSAGE_PART = 300;

/**
 * A message written by someone else, which may repeat a whole input (Valibot's "but received
 * ..." does), cut to a readable length with the full length said.
 */
export function shortenMessage(text: string): string {
  return text.length <= MESSAGE_PART ? text : `${text.slice(0, MESSAGE_PART)}… (message cut; ${text.length} characters)`;
}
