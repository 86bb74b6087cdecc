import { expect, it } from "vitest";
import { ValidationError, when, type InputOf } from "../../src/index.js";
import type { ConformanceContext } from "../context.js";
import { defineScenario } from "../scenario.js";
import { addRows } from "../support/capabilities.js";
import { defineVault, exactly } from "../support/structured-models.js";

type Vault = ReturnType<typeof defineVault>;

/** Stores `rows` in a fresh Vault table and reads them back, by id. */
async function storeAndRead(context: ConformanceContext, rows: readonly InputOf<Vault>[]) {
  const { db, create, collection } = context;
  const Vault = defineVault(collection);
  await create();
  await addRows(db, Vault, rows);
  const stored = await db.find(when(Vault).sort(Vault.id.asc())).all().value;
  return { db, Vault, stored };
}

/** Each field given is read back exactly as given (exactly() tells apart what a round trip must keep). */
function expectKept(stored: readonly object[], given: readonly object[]): void {
  expect(stored).toHaveLength(given.length);
  given.forEach((row, index) => {
    const back = stored[index] as Record<string, unknown>;
    for (const [field, value] of Object.entries(row)) expect(exactly(back[field]), `row ${index}, ${field}`).toBe(exactly(value));
  });
}

export const structuredRoundTrip = defineScenario("structured-round-trip", "structured values round-trip exactly", (context) => {
  it("dates and bigints at any depth come back as Date and bigint, to the millisecond and beyond 2^53", async () => {
    const rows: InputOf<Vault>[] = [
      {
        id: 1,
        event: {
          at: new Date("1969-07-20T20:17:40.001Z"),
          amount: 2n ** 63n - 1n,
          ratio: 0.1 + 0.2,
          note: "launch",
          done: false,
          history: [
            { at: new Date(0), amounts: [2n ** 53n + 1n, -(2n ** 63n), 0n] },
            { at: new Date(Date.UTC(12_000, 0, 1)), amounts: [] },
            { at: new Date(Date.UTC(-43, 2, 15, 12)), amounts: [-1n] },
          ],
        },
        dates: [new Date(-1), new Date("9999-12-31T23:59:59.999Z"), new Date("2024-02-29T12:00:00.000Z")],
        ledger: [2n ** 53n + 1n, -(2n ** 53n + 1n), 9_007_199_254_740_993n, 1n],
        balances: { alice: 2n ** 63n - 1n, bob: -1n, carol: 0n },
        deadlines: { z: new Date(1), a: new Date("2000-01-01T00:00:00.000Z") },
      },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
    const [row] = stored;
    expect(row?.event?.history[0]?.at).toBeInstanceOf(Date);
    expect(typeof row?.ledger?.[0]).toBe("bigint");
    expect(typeof row?.balances?.alice).toBe("bigint");
  });

  it("-0 stays -0 and 0 stays 0 inside objects, arrays, records and JSON values", async () => {
    const weights = [-0, 0, -1.5, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 2 ** 53 + 2];
    const rows: InputOf<Vault>[] = [
      { id: 1, event: { at: new Date(0), amount: 0n, ratio: -0, note: "", done: true, history: [] }, weights, doc: { a: -0, b: [0, -0], c: { d: -0 } } },
      { id: 2, doc: -0 },
      { id: 3, doc: [-0] },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
  });

  it("records and JSON values keep their keys in the order given; objects of known keys come back in the schema's order", async () => {
    const rows: InputOf<Vault>[] = [
      {
        id: 1,
        names: { zeta: "1", alpha: "2", é: "3", "😀": "4", "": "5", b: "6", "10": "7", "2": "8" },
        doc: { z: 1, a: { y: [], b: null, m: { c: 1, a: 2 } }, m: "x", "": true },
        // Given out of the schema's order: Zod gives the keys back in its order, which is what is stored.
        event: { history: [], done: false, note: "n", ratio: 1, amount: 2n, at: new Date(5) },
      },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expect(exactly(stored[0]?.names)).toBe(exactly(rows[0]?.names));
    expect(exactly(stored[0]?.doc)).toBe(exactly(rows[0]?.doc));
    expect(Object.keys(stored[0]?.event ?? {})).toEqual(["at", "amount", "ratio", "note", "done", "history"]);
    expect(exactly(stored[0]?.event)).toBe(exactly({ at: new Date(5), amount: 2n, ratio: 1, note: "n", done: false, history: [] }));
  });

  it("any Unicode, in values and in keys, and text that looks like another type stays that text", async () => {
    const lookalikes = ["2024-01-01T00:00:00.000Z", "123n", "-0", "0", "null", "true", '{"a":1}', "[1]", "\uFEFF", "\u{10FFFF}", "AAE=", "\\u0000"];
    const rows: InputOf<Vault>[] = [
      {
        id: 1,
        names: { 中文: "日本語", "e\u0301": "é", 'quote"back\\slash': "tab\tnew\nline\u2028end", "😀👍🏽": "👨‍👩‍👧", "\u212A": "\u{10400}\u{10428}" },
        maybe: lookalikes,
        // Objects that look like the tags an encoding might use stay plain objects with these keys.
        doc: { $date: "2024-01-01T00:00:00.000Z", $bigint: "12", $binary: "AAE=", $type: "Date", $neg0: true, nested: { $date: 0, $numberLong: "1" }, list: lookalikes },
      },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
  });

  it("empty containers, nulls inside, and JSON values that are false, 0 or empty stay as they are", async () => {
    const rows: InputOf<Vault>[] = [
      {
        id: 1,
        event: { at: new Date(0), amount: 0n, ratio: 0, note: "", done: false, history: [{ at: new Date(0), amounts: [] }] },
        dates: [],
        ledger: [],
        balances: {},
        names: {},
        maybe: [null, "", null],
        doc: { a: [], b: {}, c: [[], [{}]], d: null, e: "", f: 0, g: false },
        chunks: [],
        attachment: null,
      },
      { id: 2, doc: false },
      { id: 3, doc: 0 },
      { id: 4, doc: "" },
      { id: 5, doc: [] },
      { id: 6, doc: {} },
      { id: 7, doc: [null] },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
  });

  it("binary data at the top and inside: every byte value, empty, a Buffer given, read back as a Uint8Array", async () => {
    const every = Uint8Array.from({ length: 256 }, (_, index) => index);
    const rows: InputOf<Vault>[] = [
      { id: 1, blob: every, attachment: { name: "all.bin", bytes: Uint8Array.from([0, 255, 0]) }, chunks: [new Uint8Array(0), Uint8Array.from([0]), every] },
      { id: 2, blob: new Uint8Array(0), attachment: { name: "empty", bytes: new Uint8Array(0) } },
      { id: 3, blob: Buffer.from("héllo\u0000", "utf8"), chunks: [Buffer.from([1, 2, 3])] },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
    for (const row of stored) {
      expect(row.blob).toBeInstanceOf(Uint8Array);
      for (const chunk of row.chunks ?? []) expect(chunk).toBeInstanceOf(Uint8Array);
    }
    expect(stored[0]?.attachment?.bytes).toBeInstanceOf(Uint8Array);
  });

  it("a discriminated union keeps each option as given, with the Date and bigint inside it", async () => {
    const rows: InputOf<Vault>[] = [
      { id: 1, payment: { kind: "card" as const, last4: "4242", expires: new Date("2030-01-31T00:00:00.000Z") } },
      { id: 2, payment: { kind: "transfer" as const, iban: "FR76 3000 6000 0112 3456 7890 189", amount: 2n ** 60n + 1n, note: null } },
      { id: 3, payment: { kind: "transfer" as const, iban: "", amount: 0n, note: "ünïcode 😀" } },
    ];
    const { stored } = await storeAndRead(context(), rows);
    expectKept(stored, rows);
    const [card, transfer] = stored;
    expect(card?.payment?.kind === "card" && card.payment.expires instanceof Date).toBe(true);
    expect(transfer?.payment?.kind === "transfer" && typeof transfer.payment.amount === "bigint").toBe(true);
  });

  it("a bigint beyond 64 bits inside a structured value is stored exactly, or refused with nothing written", async () => {
    const { db, create, collection } = context();
    const Vault = defineVault(collection);
    await create();
    const row = { id: 1, ledger: [2n ** 64n + 1n, -(2n ** 100n)], balances: { huge: 10n ** 40n } };
    const outcome = await db.add(Vault, row);
    if (outcome.ok) {
      expectKept(await db.find(Vault).all().value, [row]);
    } else {
      expect(outcome.error).toBeInstanceOf(ValidationError);
      expect(await db.find(Vault).count().value).toBe(0);
    }
  });

  it("a value read back can be written back unchanged: add(find()) copies it exactly", async () => {
    const rows: InputOf<Vault>[] = [
      { id: 1, event: { at: new Date(7), amount: 2n ** 62n, ratio: -0, note: "n", done: true, history: [{ at: new Date(8), amounts: [3n] }] }, doc: { b: [1, { a: null }], a: -0 }, blob: Uint8Array.from([9]) },
    ];
    const { db, Vault, stored } = await storeAndRead(context(), rows);
    await db.find(Vault).delete().raiseOnErrors();
    await addRows(db, Vault, stored);
    expectKept(await db.find(Vault).all().value, rows);
  });
});
