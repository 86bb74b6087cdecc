import { describe, expect, it } from "vitest";
import { differences, KEY_ORDER, withoutUndefined } from "./compare.js";

// The corpus test counts a schema as exact only if this comparison finds nothing: it must see
// every way a value can come back changed.
describe("the corpus's exact comparison", () => {
  it("finds nothing between equal values, whatever their kind", () => {
    const value = () => ({
      n: -0,
      big: 2n ** 70n,
      at: new Date(-1),
      bytes: Buffer.from([0, 255]),
      list: [{ b: 1, a: [null, "é"] }],
      nan: Number.NaN,
    });
    expect(differences(value(), value())).toEqual([]);
  });

  it("sees -0 become 0, a bigint become a number, a Date become a string, and a changed millisecond", () => {
    expect(differences({ x: -0 }, { x: 0 })).toEqual(["x: expected -0, got 0"]);
    expect(differences({ x: 12n }, { x: 12 })).toEqual(["x: expected 12n, got 12"]);
    expect(differences({ at: new Date(5) }, { at: new Date(5).toISOString() })).toHaveLength(1);
    expect(differences({ at: new Date(5) }, { at: new Date(6) })).toHaveLength(1);
  });

  it("compares binary data by its bytes, and sees bytes turned into something else", () => {
    expect(differences(Buffer.from([1, 2]), new Uint8Array([1, 2]))).toEqual([]);
    expect(differences(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toHaveLength(1);
    expect(differences(new Uint8Array([1]), { 0: 1 })).toHaveLength(1);
  });

  it("sees keys reordered, missing or added at any depth, and names the path", () => {
    expect(differences({ o: { z: 1, a: 2 } }, { o: { a: 2, z: 1 } })).toEqual([`o: ${KEY_ORDER} ["z","a"] came back as ["a","z"]`]);
    expect(differences({ o: [{ a: 1 }] }, { o: [{}] })).toEqual(['o[0]: "a" did not come back']);
    expect(differences({}, { x: null })).toEqual(['(row): came back with "x": null, which the library\'s output does not have']);
    expect(differences([1, 2], [1])).toEqual(["(row): expected 2 items, got 1"]);
  });

  it("sees a class instance come back as a plain object", () => {
    class Address {
      city = "Paris";
    }
    expect(differences({ home: new Address() }, { home: { city: "Paris" } })).toEqual(["home: expected an instance of Address, got a plain object"]);
  });

  it("treats an own property holding undefined as absent only after withoutUndefined, prototypes kept", () => {
    class Row {
      note?: string = undefined;
      name = "a";
    }
    expect(differences(new Row(), { name: "a" })).toHaveLength(2);
    const cleaned = withoutUndefined(new Row());
    expect(Object.keys(cleaned)).toEqual(["name"]);
    expect(cleaned).toBeInstanceOf(Row);
  });
});
