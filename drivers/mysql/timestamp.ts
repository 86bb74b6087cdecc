/**
 * `DATETIME(3)` values on the wire, as text in UTC (mysql2's `dateStrings`): a DATETIME has no
 * time zone, so Ommi writes and reads every date as UTC whatever the server's or the session's
 * zone, exact to the millisecond. MySQL holds the years 1000 to 9999; a date outside them is
 * refused by the server (strict mode, see connection settings).
 */

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

/** Date → text MySQL reads as that DATETIME(3). */
export function formatDateTime(value: unknown): string {
  const date = value as Date;
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  return `${day} ${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
