import { createHash } from "node:crypto";
import { MAX_NAME_BYTES, utf8Length } from "../../src/kit/driver.js";

/** Hex digits of the hash that tells shortened names apart: 40 bits. */
const HASH_DIGITS = 10;

/**
 * A name Ommi derives (an index's, from its table and column), made to fit MAX_NAME_BYTES so
 * that no database cuts it: left as it is when it fits; otherwise its first bytes (never part of
 * a character), `_`, and a hash of the whole name, so two long names that begin alike stay
 * apart. A shortened name ends in hex digits, which no natural name Ommi derives does (they end
 * in `_unique` or `_idx`), so a shortened name never equals a natural one.
 */
export function fitName(natural: string): string {
  if (utf8Length(natural) <= MAX_NAME_BYTES) return natural;
  return hashedName(natural, natural);
}

/**
 * `natural` named another way, for a name that does not fit or that a database cannot keep: the
 * first bytes of `readable` (the name written so that the database keeps it), `_`, and a hash of
 * `natural`, within MAX_NAME_BYTES. Two natural names stay apart, and none is taken for a natural
 * one (see fitName).
 */
export function hashedName(natural: string, readable: string): string {
  const hash = createHash("sha256").update(natural).digest("hex").slice(0, HASH_DIGITS);
  return `${utf8Prefix(readable, MAX_NAME_BYTES - HASH_DIGITS - 1)}_${hash}`;
}

/** The longest start of `text` of at most `bytes` bytes of UTF-8 that ends between characters. */
function utf8Prefix(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const character of text) {
    const size = utf8Length(character);
    if (used + size > bytes) break;
    used += size;
    end += character.length;
  }
  return text.slice(0, end);
}
