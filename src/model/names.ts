/**
 * The longest name Ommi stores (a table, a column, an index it derives), in bytes of UTF-8.
 * PostgreSQL keeps only the first NAMEDATALEN - 1 = 63 bytes of a name and silently drops the
 * rest, so two longer names that share their first 63 bytes would name one table, one column or
 * one index. MySQL allows 64 characters, and 63 bytes are never more than 63 characters; SQLite
 * has no limit. One portable limit, so that a model that works on one database works on all.
 */
export const MAX_NAME_BYTES = 63;

const encoder = new TextEncoder();

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * What keeps `name` from being stored as it is on every database, or undefined when nothing
 * does. Besides the length: PostgreSQL and SQLite end a name at NUL, and a lone surrogate
 * reaches every database as U+FFFD, so two different names could become one.
 */
export function storedNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  if (name.includes("\0")) return "contains the NUL character (U+0000), which databases cannot keep in a name";
  if (!name.isWellFormed()) return "contains a lone surrogate (it is not well-formed Unicode), which databases would store as U+FFFD";
  const bytes = utf8Length(name);
  if (bytes > MAX_NAME_BYTES) {
    return `is ${bytes} bytes long in UTF-8, and stored names may be at most ${MAX_NAME_BYTES} bytes (PostgreSQL cuts longer names, so two of them could become one)`;
  }
  return undefined;
}
