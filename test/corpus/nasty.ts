/**
 * Values that are valid for the schemas of the corpus and hard to store exactly: what real data
 * sends sooner or later. Samples mix them with ordinary values.
 */

/** Astral characters, a ZWJ emoji sequence, combining marks, right-to-left text, CJK, a zero-width space. */
export const UNICODE = {
  emoji: "Ship it 🚀👩🏽‍💻",
  combining: "Cafe\u0301 de\u0301ja\u0300 vu",
  rtl: "مرحبا بالعالم",
  cjk: "東京都渋谷区",
  astral: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛",
  zeroWidth: "zero\u200bwidth\u200djoiner",
  quotes: `She said "it's \\fine" \t\n{"json": true}`,
  accents: "Zoë Ångström-Łukasiewicz",
} as const;

/** Just above 2^53, the largest safe integer: a number would lose the last digit. */
export const ABOVE_2_53 = 9_007_199_254_740_993n;
/** The largest 64-bit signed integer. */
export const INT64_MAX = 9_223_372_036_854_775_807n;
/** Beyond 64 bits: 1,500 ether in wei. */
export const BEYOND_64_BITS = 1_500_000_000_000_000_000_000n;

/** Dates: before 1970, the epoch, millisecond precision, after 2038, the last millisecond of 9999. */
export const DATES = {
  before1970: () => new Date("1969-07-20T20:17:40.123Z"),
  epoch: () => new Date(0),
  leapMillisecond: () => new Date("2024-02-29T23:59:59.999Z"),
  after2038: () => new Date("2038-01-19T03:14:08.001Z"),
  farFuture: () => new Date("9999-12-31T23:59:59.999Z"),
  recent: () => new Date("2025-11-03T08:15:30.250Z"),
} as const;

/** Bytes that are not text: every byte value, and an empty buffer. */
export function allBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: 256 }, (_, index) => index);
}

/** A SHA-256-sized digest with leading zero bytes and 0xff. */
export function digest(seed: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: 32 }, (_, index) => (index < 2 ? 0 : (index * 37 + seed * 11) % 256));
}
