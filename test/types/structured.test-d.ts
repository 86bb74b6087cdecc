import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { ModelCollection, model, when, Index, type Condition, type Sort } from "ommi";

const schema = z.object({
  id: z.number().int(),
  address: z.object({ city: z.string(), zip: z.string().optional(), geo: z.object({ lat: z.number(), lng: z.number() }).nullable(), eq: z.string() }).nullable(),
  tags: z.array(z.string()),
  scores: z.array(z.number()).optional(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), at: z.date() })),
  labels: z.record(z.string(), z.string()),
  extra: z.unknown(),
  avatar: z.instanceof(Uint8Array).nullable(),
  event: z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), x: z.number() }), z.object({ kind: z.literal("b"), y: z.string() })]),
});
type Row = z.output<typeof schema>;
const Profile = model(schema, { name: "Profile", collection: new ModelCollection(), fields: { "address.city": Index } });

test("a nested key of an object is a field ref typed by its value", () => {
  expectTypeOf(Profile.address.city.eq("Paris")).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.address.city.startsWith("Pa")).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.address.geo.lat.gt(1.5)).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.address.zip.isNull()).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.address.city.asc()).toEqualTypeOf<Sort<Row>>();
  // A key named like an operator is reached with nested(): the operator keeps its meaning.
  expectTypeOf(Profile.address.nested("eq").startsWith("x")).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.address.eq({ city: "Paris", geo: null, eq: "" })).toEqualTypeOf<Condition<Row>>();
  // @ts-expect-error city is a string
  void Profile.address.city.eq(3);
  // @ts-expect-error there is no such key
  void Profile.address.country;
  // Keys named like any operator (desc, length, some, in, ...) are reached with nested() only.
  const boxSchema = z.object({ id: z.number().int(), dims: z.object({ desc: z.string(), length: z.number(), width: z.number() }) });
  type BoxRow = z.output<typeof boxSchema>;
  const Box = model(boxSchema, { name: "Box", collection: new ModelCollection() });
  expectTypeOf(Box.dims.width.gt(1)).toEqualTypeOf<Condition<BoxRow>>();
  expectTypeOf(Box.dims.nested("desc").startsWith("x")).toEqualTypeOf<Condition<BoxRow>>();
  expectTypeOf(Box.dims.nested("length").gt(1)).toEqualTypeOf<Condition<BoxRow>>();
  // @ts-expect-error desc is the sort operator's name: use nested("desc")
  void Box.dims.desc;
  // @ts-expect-error length is an array's: use nested("length")
  void Box.dims.length;
  // @ts-expect-error an object is not ordered
  void Profile.address.gt;
});

test("arrays have membership, emptiness, length and some()", () => {
  expectTypeOf(Profile.tags.has("ts")).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.tags.hasAny(["a", "b"])).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.tags.hasAll(["a"])).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.scores.isEmpty()).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.tags.length.gte(2)).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.lines.some((line) => line.qty.gt(2))).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.lines.some((line) => when(line.sku.eq("x"), line.at.lt(new Date())))).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.tags.some((tag) => tag.startsWith("a"))).toEqualTypeOf<Condition<Row>>();
  // @ts-expect-error tags hold strings
  void Profile.tags.has(1);
  // @ts-expect-error scores hold numbers
  void Profile.scores.hasAny(["1"]);
  // @ts-expect-error an array is not text
  void Profile.tags.startsWith;
});

test("records, JSON values, unions and binary have the null tests and whole-value equality only", () => {
  expectTypeOf(Profile.labels.isNull()).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.labels.eq({ a: "b" })).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.extra.isNotNull()).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.avatar.eq(new Uint8Array([1]))).toEqualTypeOf<Condition<Row>>();
  expectTypeOf(Profile.event.eq({ kind: "a", x: 1 })).toEqualTypeOf<Condition<Row>>();
  // @ts-expect-error a record has no typed keys
  void Profile.labels.a;
  // @ts-expect-error binary data is not ordered
  void Profile.avatar.gt;
  // @ts-expect-error a union's keys are not refs
  void Profile.event.kind;
});

test("options.fields takes paths into nested objects, and still refuses unknown fields", () => {
  void model(schema, { name: "P2", collection: new ModelCollection(), fields: { "address.geo.lat": Index, tags: Index } });
  // @ts-expect-error not a field
  void model(schema, { name: "P3", collection: new ModelCollection(), fields: { adress: Index } });
});
