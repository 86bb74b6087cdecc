import { QueryError } from "../../src/kit/driver.js";

/**
 * `DATETIME(3)` values on the wire, as text in UTC (mysql2's `dateStrings`): a DATETIME has no
 * time zone, so Ommi writes and reads every date as UTC whatever the server's zone (the session's
 * is '+00:00', see settings.ts), exact to the millisecond. DATETIME is what existing MySQL tables
 * hold dates in, so Ommi maps them as they are.
 */

/** The first and last instants of MySQL's documented DATETIME range, in milliseconds since the epoch. */
export const DATETIME_MIN = Date.UTC(1000, 0, 1);
export const DATETIME_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** MySQL's documented DATETIME range, as messages say it. */
export const DATETIME_RANGE = "MySQL's DATETIME holds dates from 1000-01-01 00:00:00 to 9999-12-31 23:59:59.999 (UTC)";

/** A date as messages show it: its ISO text (years past 9999 or before 0 in six digits with a sign). */
export function shownDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "an invalid date" : date.toISOString();
}

/** Whether a DATETIME(3) holds the date exactly (an invalid Date is outside too). */
export function inDateTimeRange(date: Date): boolean {
  const time = date.getTime();
  return time >= DATETIME_MIN && time <= DATETIME_MAX;
}

const PATTERN = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/;

/** Text from MySQL → Date. */
export function parseDateTime(text: unknown): Date {
  const match = PATTERN.exec(String(text));
  if (!match) return new Date(Number.NaN);
  const [, year, month, day, hours, minutes, seconds, fraction = ""] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), Number(fraction.slice(0, 3).padEnd(3, "0")));
  return date;
}

/**
 * Date → text MySQL reads as that DATETIME(3). A date outside the range is refused by name
 * before it gets here (date-range.ts); this refuses it again rather than send text the server
 * would read as another date.
 */
export function formatDateTime(value: unknown): string {
  const date = value as Date;
  if (!inDateTimeRange(date)) throw new QueryError(`${DATETIME_RANGE}, so ${shownDate(date)} cannot be sent to it`);
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  return `${day} ${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
