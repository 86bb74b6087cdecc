import { expect, it } from "vitest";
import { z } from "zod";
import { model, when } from "ommi";
import { forEachDriver, type Context } from "../support/conformance.js";

// Structured values (objects, arrays, records, JSON values, unions) and binary data come back
// from every SQL database exactly as they were written (DESIGN.md section 4, rule 5): a Date at
// any depth is a Date, a bigint a bigint, -0 is -0, keys keep their order, any Unicode text is
// kept, binary data is a Buffer with the same bytes; a row's own keys come in field order.
// `expect(...).toEqual` sees none of key order, -0 or Buffer-vs-Uint8Array, so `sameExactly`
// below checks each of them.

/** Asserts that `actual` is `expected` exactly: same types, same -0, same key order, bytes as Buffers. */
function sameExactly(actual: unknown, expected: unknown, at = "value"): void {
  if (expected instanceof Uint8Array) {
    expect(Buffer.isBuffer(actual), `${at} is a Buffer`).toBe(true);
    expect(Buffer.from(actual as Uint8Array).equals(Buffer.from(expected)), `${at} has the same bytes`).toBe(true);
    return;
  }
  if (expected instanceof Date) {
    expect(actual, `${at} is a Date`).toBeInstanceOf(Date);
    expect((actual as Date).getTime(), at).toBe(expected.getTime());
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${at} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${at}.length`).toBe(expected.length);
    expected.forEach((item, index) => sameExactly((actual as unknown[])[index], item, `${at}[${index}]`));
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual === "object" && actual !== null && !Array.isArray(actual), `${at} is an object`).toBe(true);
    expect(Object.getPrototypeOf(actual), `${at} is a plain object`).toBe(Object.prototype);
    const keys = Object.keys(expected).filter((key) => (expected as Record<string, unknown>)[key] !== undefined);
    expect(Object.keys(actual as object), `${at}'s keys, in order`).toEqual(keys);
    for (const key of keys) sameExactly((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${at}.${key}`);
    return;
  }
  expect(typeof actual, `${at}'s type`).toBe(typeof expected);
  expect(Object.is(actual, expected), `${at}: ${String(actual)} is ${Object.is(expected, -0) ? "-0" : String(expected)}`).toBe(true);
}

/** An object whose own key `__proto__` is data, as JSON.parse makes it. */
function withProtoKey(entries: Record<string, unknown>, proto: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  Object.defineProperty(record, "__proto__", { value: proto, enumerable: true, writable: true, configurable: true });
  return Object.assign(record, entries);
}

const TEXTS = ["😀 astral", "e\u0301 combining", "é composed", "𝄞 music", "👩‍👩‍👧 family", "line\u2028separator", "quote \" backslash \\ tab \t newline \n", "中文", "", "\u0001 control"];

function defineProfile(context: Context) {
  const Payment = z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("card"), last4: z.string(), expires: z.date() }),
    z.object({ kind: z.literal("bank"), iban: z.string(), amount: z.bigint() }),
  ]);
  return model(
    z.object({
      id: z.number().int().optional(),
      address: z
        .object({
          street: z.string(),
          city: z.string(),
          zip: z.string().optional(),
          since: z.date(),
          geo: z.object({ lat: z.number(), lng: z.number() }).nullable(),
        })
        .nullable(),
      tags: z.array(z.string()),
      scores: z.array(z.number()),
      ledger: z.array(z.bigint()),
      balances: z.record(z.string(), z.bigint()),
      events: z.array(z.object({ at: z.date(), kind: z.string(), note: z.string().nullable() })),
      settings: z.record(z.string(), z.unknown()),
      data: z.unknown(),
      avatar: z.instanceof(Uint8Array).nullable(),
      files: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })),
      payment: Payment.nullable(),
      shape: z.union([z.object({ radius: z.number(), drawn: z.date() }), z.object({ side: z.bigint() })]).nullable(),
      matrix: z.array(z.array(z.number().nullable())),
    }),
    { name: "Profile", collection: context.collection },
  );
}

/** Values with every hard case; a new object each time (add writes generated keys into what it is given). */
const nasty = () => ({
  address: { street: TEXTS.join(" | "), city: "Zürich", since: new Date(-62198755200000), geo: { lat: -0, lng: 8.5417 } },
  tags: [...TEXTS],
  scores: [-0, 0, 1.5, 1e21, -1e-7, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER, 0.1 + 0.2],
  ledger: [2n ** 53n + 1n, -(2n ** 63n), 2n ** 100n, 0n, -1n],
  balances: { zeta: 2n ** 64n + 7n, alpha: -(2n ** 70n), "10": 3n, "": 1n },
  events: [
    { at: new Date(8.64e15), kind: "max", note: null },
    { at: new Date(-8.64e15), kind: "min", note: "😀" },
    { at: new Date(1), kind: "one", note: "" },
  ],
  settings: { zebra: { b: -0, a: [1, "two", null, true, { "": -0 }] }, apple: "x", "0": null, emptyObject: {}, emptyArray: [] },
  // Zod's records drop a `__proto__` key; a JSON value keeps it, and it reads back as a plain key.
  data: withProtoKey({ z: -0, a: [-0, [], {}], nested: { "key with spaces": "😀", "a.b": 1e-300 }, n: null }, { polluted: true }),
  avatar: Buffer.from([0, 255, 0, 1, 128]),
  files: [
    { name: "empty", bytes: new Uint8Array(0) },
    { name: "zeros", bytes: new Uint8Array([0, 0, 0]) },
    { name: "view", bytes: new Uint8Array(Buffer.from("a slice of a larger buffer")).subarray(2, 7) },
  ],
  payment: { kind: "card" as const, last4: "4242", expires: new Date(Date.UTC(2031, 0, 31, 23, 59, 59, 999)) },
  shape: { side: 2n ** 80n },
  matrix: [[], [null, -0, 1], [2.5]],
});

/** Values with empty and null parts (and no bytes at all). */
const plain = () => ({
  address: null,
  tags: [],
  scores: [],
  ledger: [],
  balances: {},
  events: [],
  settings: {},
  data: [],
  avatar: Buffer.alloc(0),
  files: [],
  payment: { kind: "bank" as const, iban: "DE00", amount: -(2n ** 90n) },
  shape: { radius: -0, drawn: new Date(0) },
  matrix: [],
});

forEachDriver("structured values and binary data round-trip exactly", (context) => {
  it("nested Dates, bigints past 2^53 and 2^64, -0, key order, Unicode, empty and null parts, binary data, unions", async () => {
    const Profile = defineProfile(context());
    const { db, create } = context();
    await create();
    const [first, second] = await db.add(Profile, [nasty(), plain()]).value;
    const stored = await db.find(when(Profile).sort(Profile.id.asc())).all().value;
    expect(stored.map((row) => row.id)).toEqual([first?.id, second?.id]);
    sameExactly(stored[0], { id: first?.id, ...nasty() });
    sameExactly(stored[1], { id: second?.id, ...plain() });
  });

  it("JSON values keep their own key order, -0 and every JSON kind at the top of the field", async () => {
    const Doc = model(z.object({ id: z.number().int(), data: z.unknown() }), { name: "Doc", collection: context().collection });
    const { db, create } = context();
    await create();
    const values: unknown[] = [{ b: 1, a: 2, c: { z: -0, y: [] } }, [3, 1, 2], "text 😀", -0, 0, 1e21, true, false, null, {}, [], [[[]]], { "": { "": "" } }];
    await db.add(Doc, values.map((data, id) => ({ id, data }))).raiseOnErrors();
    const stored = await db.find(when(Doc).sort(Doc.id.asc())).all().value;
    stored.forEach((row, index) => sameExactly(row.data, values[index], `data ${index}`));
  });

  it("an update sets whole structured values and binary data, which read back exactly", async () => {
    const Profile = defineProfile(context());
    const { db, create } = context();
    await create();
    const [added] = await db.add(Profile, plain()).value;
    const { address, balances, data, files, payment, shape } = nasty();
    await db.find(Profile.id.eq(added?.id as number)).update({ address, balances, data, avatar: new Uint8Array([1, 2, 3]), files, payment, shape }).raiseOnErrors();
    const [stored] = await db.find(Profile.id.eq(added?.id as number)).all().value;
    sameExactly(stored, { id: added?.id, ...plain(), ...nasty(), tags: [], scores: [], ledger: [], events: [], settings: {}, matrix: [], avatar: Buffer.from([1, 2, 3]) });
    await db.find(Profile.id.eq(added?.id as number)).update({ address: null, avatar: null, payment: null }).raiseOnErrors();
    const [cleared] = await db.find(Profile.id.eq(added?.id as number)).all().value;
    expect([cleared?.address, cleared?.avatar, cleared?.payment]).toEqual([null, null, null]);
  });

  it("many rows in one add (PostgreSQL binds each column as one array) read back exactly", async () => {
    const Profile = defineProfile(context());
    const { db, create } = context();
    await create();
    const rows = Array.from({ length: 250 }, (_, index) => (index % 2 === 0 ? { ...nasty(), tags: [`tag ${index}`, ...TEXTS] } : plain()));
    await db.add(Profile, rows).raiseOnErrors();
    const stored = await db.find(when(Profile).sort(Profile.id.asc())).all().value;
    expect(stored).toHaveLength(250);
    stored.forEach((row, index) => sameExactly(row, { id: row.id, ...(index % 2 === 0 ? { ...nasty(), tags: [`tag ${index}`, ...TEXTS] } : plain()) }, `row ${index}`));
  });

  it("a loose object keeps the keys its schema lets through, after the declared ones", async () => {
    const Item = model(z.object({ id: z.number().int(), meta: z.looseObject({ name: z.string(), at: z.date() }) }), { name: "Item", collection: context().collection });
    const { db, create } = context();
    await create();
    await db.add(Item, { id: 1, meta: { name: "n", at: new Date(7), extra: { z: -0 }, more: [1] } }).raiseOnErrors();
    const [stored] = await db.find(when(Item)).all().value;
    sameExactly(stored?.meta, { name: "n", at: new Date(7), extra: { z: -0 }, more: [1] });
  });

  it("a union without a discriminator whose value would read back as another option is refused where JSON holds it (SQL), naming the field; nothing is written", async () => {
    const Mark = model(z.object({ id: z.number().int(), at: z.union([z.object({ when: z.date() }), z.object({ when: z.number() })]) }), { name: "Mark", collection: context().collection });
    const { db, driver, create } = context();
    await create();
    await db.add(Mark, { id: 1, at: { when: new Date(5) } }).raiseOnErrors();
    const added = db.add(Mark, [{ id: 2, at: { when: new Date(6) } }, { id: 3, at: { when: 5 } }]);
    const updated = await db.find(Mark.id.eq(1)).update({ at: { when: 7 } });
    if (driver.name === "mongodb") {
      // BSON keeps a Date and a number apart: each option reads back as itself.
      await added.raiseOnErrors();
      expect(updated.ok).toBe(true);
      const stored = await db.find(when(Mark).sort(Mark.id.asc())).all().value;
      sameExactly(stored, [{ id: 1, at: { when: 7 } }, { id: 2, at: { when: new Date(6) } }, { id: 3, at: { when: 5 } }]);
      return;
    }
    const refused = await added;
    expect(refused.ok ? "" : refused.error.message).toBe("Mark (value 1) is not valid:\n  at: is of the union's option 2 but would read back as option 1 (JSON holds Dates and bigints as numbers and strings); give the union a discriminator");
    expect(updated.ok ? undefined : updated.error.name).toBe("ValidationError");
    const stored = await db.find(when(Mark)).all().value;
    expect(stored).toHaveLength(1);
    sameExactly(stored[0], { id: 1, at: { when: new Date(5) } });
  });

  it("text holding U+0000 inside a structured value is stored by SQLite and MongoDB and refused by PostgreSQL, naming the path", async () => {
    const Note = model(z.object({ id: z.number().int(), body: z.object({ lines: z.array(z.string()) }) }), { name: "Note", collection: context().collection });
    const { db, driver, create } = context();
    await create();
    const result = await db.add(Note, { id: 1, body: { lines: ["ok", "a\u0000b"] } });
    if (driver.name === "postgres") {
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.error.name).toBe("ValidationError");
      expect(result.ok ? "" : result.error.message).toMatch(/Note is not valid:\n {2}body\.lines\.1: PostgreSQL cannot read the NUL character \(U\+0000\) inside stored JSON/);
      expect(await db.find(when(Note)).count().value).toBe(0);
    } else {
      expect(result.ok).toBe(true);
      const [stored] = await db.find(Note.body.eq({ lines: ["ok", "a\u0000b"] })).all().value;
      sameExactly(stored?.body, { lines: ["ok", "a\u0000b"] });
    }
  });
});
