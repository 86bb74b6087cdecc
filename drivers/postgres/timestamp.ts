/**
 * `timestamptz` values on the wire, in the text format PostgreSQL uses with `DateStyle=ISO` and
 * `TimeZone=UTC` (set on every connection, see options.ts). postgres.js would hand these to
 * `new Date(text)` and write `toISOString()`, which breaks for years before 1 AD and after 9999
 * (`... BC`, six-digit years); these keep every date PostgreSQL can hold exact to the millisecond.
 */

const PATTERN = /^(\d+)-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;

/** Text from PostgreSQL → Date. Digits past the millisecond are cut off, as `Date` cannot hold them. */
export function parseTimestamp(text: string): Date {
  if (text === "infinity" || text === "-infinity") return new Date(Number.NaN);
  const match = PATTERN.exec(text);
  if (!match) return new Date(text);
  const [, year, month, day, hours, minutes, seconds, fraction = "", sign, offsetHours = "0", offsetMinutes = "0", offsetSeconds = "0", bc] = match;
  const date = new Date(0);
  // PostgreSQL counts 1 BC, 2 BC, ...; JavaScript counts years 0, -1, ... (no year zero in between).
  date.setUTCFullYear(bc ? 1 - Number(year) : Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), Number(fraction.slice(0, 3).padEnd(3, "0")));
  const offset = (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds)) * 1000;
  return new Date(date.getTime() - (sign === "-" ? -offset : offset));
}

/** Date → text PostgreSQL reads as that instant, in UTC. */
export function formatTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  const era = year <= 0 ? " BC" : "";
  const day = `${pad(year <= 0 ? 1 - year : year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}`;
  return `${day} ${time}+00${era}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
