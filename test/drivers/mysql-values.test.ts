import { describe, expect, it } from "vitest";
import { QueryError } from "ommi";
import { int64 } from "../../drivers/mysql/column-values.js";
import { wireParameters } from "../../drivers/mysql/parameters.js";
import { allRefusals } from "../../drivers/sql/refusals.js";
import { formatDateTime, inDateTimeRange, parseDateTime } from "../../drivers/mysql/timestamp.js";

// How the MySQL driver writes values for mysql2 and reads them back, without a server: the
// conformance suite checks the round trip on MariaDB; these pin down the edges it relies on.

describe("MySQL DATETIME(3) text", () => {
  it("writes and reads a date in UTC, to the millisecond, at the ends of MySQL's range", () => {
    for (const iso of ["1000-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:34:56.789Z", "9999-12-31T23:59:59.999Z"]) {
      const date = new Date(iso);
      expect(parseDateTime(formatDateTime(date)).toISOString()).toBe(iso);
    }
    expect(formatDateTime(new Date("2024-02-29T12:34:56.789Z"))).toBe("2024-02-29 12:34:56.789");
    expect(formatDateTime(new Date("1000-01-01T00:00:00.000Z"))).toBe("1000-01-01 00:00:00.000");
  });

  it("reads digits past the millisecond cut off, and text it does not know as an invalid date", () => {
    expect(parseDateTime("2024-01-02 03:04:05.678999").toISOString()).toBe("2024-01-02T03:04:05.678Z");
    expect(parseDateTime("2024-01-02 03:04:05").toISOString()).toBe("2024-01-02T03:04:05.000Z");
    expect(Number.isNaN(parseDateTime("not a date").getTime())).toBe(true);
  });

  it("holds MySQL's documented range to the millisecond, and never sends a date outside it as other text", () => {
    const outside = ["0999-12-31T23:59:59.999Z", "+010000-01-01T00:00:00.000Z", "-001000-01-01T00:00:00.000Z", "+020000-12-31T23:59:59.999Z"].map((iso) => new Date(iso));
    for (const date of outside) {
      expect(inDateTimeRange(date)).toBe(false);
      expect(() => formatDateTime(date)).toThrow(QueryError);
      expect(() => formatDateTime(date)).toThrow(/1000-01-01 00:00:00 to 9999-12-31 23:59:59\.999/);
    }
    expect(inDateTimeRange(new Date(Number.NaN))).toBe(false);
    expect(inDateTimeRange(new Date("1000-01-01T00:00:00.000Z"))).toBe(true);
    expect(inDateTimeRange(new Date("9999-12-31T23:59:59.999Z"))).toBe(true);
  });
});

describe("MySQL refusals", () => {
  it("run every refusal of a kind in turn, and leave out kinds none of them has", () => {
    const seen: string[] = [];
    const combined = allRefusals({ rows: () => seen.push("a") }, { rows: () => seen.push("b"), raw: () => seen.push("raw") });
    combined.rows?.(undefined as never, []);
    expect(seen).toEqual(["a", "b"]);
    expect(Object.keys(combined).sort()).toEqual(["raw", "rows"]);
    const refusing = allRefusals({ rows: () => { throw new QueryError("first"); } }, { rows: () => seen.push("never") });
    expect(() => refusing.rows?.(undefined as never, [])).toThrow("first");
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("MySQL parameters", () => {
  it("sends safe integers and bigints as 64-bit integers, and other numbers (-0 too) as they are", () => {
    const params = wireParameters([1, 2 ** 53 - 1, 9007199254740993n, 1.5, -0, "7", null]);
    for (const index of [0, 1, 2]) expect(params[index]).toMatchObject({ type: expect.any(Number) as number });
    expect(params.slice(3, 5)).toEqual([1.5, -0]);
    expect(Object.is(params[4], -0)).toBe(true);
    expect(params.slice(5)).toEqual(["7", null]);
  });

  it("refuses a bigint past 64 bits with a QueryError naming it", () => {
    expect(int64(2n ** 63n - 1n)).toBe(2n ** 63n - 1n);
    expect(int64(-(2n ** 63n))).toBe(-(2n ** 63n));
    expect(() => int64(2n ** 63n)).toThrow(QueryError);
    expect(() => int64(2n ** 63n)).toThrow(/9223372036854775808/);
  });
});
