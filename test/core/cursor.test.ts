import { describe, expect, it } from "vitest";
import { z } from "zod";
import { metaOf, model, ModelCollection, QueryError, when, type Query } from "ommi";
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from "../../src/query/cursor.js";
import { totalOrder } from "../../src/query/keyset.js";

// The cursor of page(), without a database: what it carries exactly, what it is tied to, and
// that no string given back can make it do more than refuse.

function defineRow(collection = new ModelCollection()) {
  return model(
    z.object({ id: z.number().int(), text: z.string().nullable(), ratio: z.number(), big: z.bigint(), at: z.date(), flag: z.boolean(), data: z.object({ n: z.number().int() }) }),
    { name: "Row", collection },
  );
}

function parts<R>(query: Query<R>) {
  const { node } = query;
  return { model: node.model, where: node.where, order: totalOrder(node.sort, node.model.keys) };
}

describe("page() cursors", () => {
  const Row = defineRow();
  const query = when(Row.flag.eq(true)).sort(Row.text.desc(), Row.ratio.asc(), Row.big.desc(), Row.at.asc(), Row.flag.asc(), Row.data.n.asc());

  it("carry every value exactly: lone surrogates, NUL, -0, tiny floats, 128-bit bigints, dates before 1970, null", () => {
    const { model, where, order } = parts(query);
    for (const position of [
      ["\ud800 lone, \u0000 NUL, 😀, e\u0301, \"'\\", -0, -(2n ** 127n), new Date(-1), false, 7, 1],
      [null, 5e-324, 2n ** 64n, new Date(8.64e15), true, null, 2],
      ["", Number.MAX_VALUE, 0n, new Date(0), true, -0, 3],
    ]) {
      const cursor = encodeCursor(model, where, order, position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      const decoded = decodeCursor(model, where, order, cursor);
      expect(decoded).toStrictEqual(position);
      expect(Object.is(decoded[1], position[1])).toBe(true);
    }
  });

  it("outlive the process: a model defined again the same way (ids differ) takes them; condition values do not matter", () => {
    const Again = defineRow();
    expect(metaOf(Again).id).not.toBe(metaOf(Row).id);
    const first = parts(query);
    const cursor = encodeCursor(first.model, first.where, first.order, ["a", 1, 1n, new Date(1), true, 1, 1]);
    const again = parts(when(Again.flag.eq(false)).sort(Again.text.desc(), Again.ratio.asc(), Again.big.desc(), Again.at.asc(), Again.flag.asc(), Again.data.n.asc()));
    expect(decodeCursor(again.model, again.where, again.order, cursor)).toHaveLength(7);
  });

  it("refuse what another query made, and anything changed", () => {
    const { model, where, order } = parts(query);
    const cursor = encodeCursor(model, where, order, ["a", 1, 1n, new Date(1), true, 1, 1]);
    const other = parts(when(Row.flag.eq(true)).sort(Row.text.asc()));
    expect(() => decodeCursor(other.model, other.where, other.order, cursor)).toThrow(QueryError);
    const moreConditions = parts(when(Row.flag.eq(true), Row.ratio.gt(1)).sort(Row.text.desc(), Row.ratio.asc(), Row.big.desc(), Row.at.asc(), Row.flag.asc(), Row.data.n.asc()));
    expect(() => decodeCursor(moreConditions.model, moreConditions.where, moreConditions.order, cursor)).toThrow(/not made by this query/);
    for (let at = 0; at < cursor.length; at++) {
      const changed = cursor.slice(0, at) + (cursor[at] === "B" ? "C" : "B") + cursor.slice(at + 1);
      expect(() => decodeCursor(model, where, order, changed)).toThrow(QueryError);
    }
  });

  it("refuse hostile strings quickly, and never parse one that fails the check", () => {
    const { model, where, order } = parts(query);
    const started = performance.now();
    for (const hostile of ["", ".", "..", "a.".repeat(8000), `${"W".repeat(MAX_CURSOR_LENGTH - 23)}.${"A".repeat(22)}`, "A".repeat(50_000_000)]) {
      expect(() => decodeCursor(model, where, order, hostile)).toThrow(QueryError);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("are refused when made past the length limit, naming the sort", () => {
    const { model, where, order } = parts(query);
    expect(() => encodeCursor(model, where, order, ["x".repeat(MAX_CURSOR_LENGTH), 1, 1n, new Date(1), true, 1, 1])).toThrow(
      /Row page\(\): the cursor for this page would be \d+ characters, more than 16384: the values of Row.text desc, .* are too long/,
    );
  });
});
