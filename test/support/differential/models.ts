import { z } from "zod";
import { Key, model, ReferenceTo, StoreAs, Unique, type ModelCollection } from "ommi";

/**
 * Five models in a tree of references, so that conditions reach one hop forward (Item → Owner),
 * two hops (Item → Owner → Group), backward (Owner ← Item, "owners with some item that ...") and
 * through a composite key (Tag, keyed by `item` and `position`, refers to Item). Group has a
 * string key; every model has a nullable or an optional field, and some are stored under another
 * column name (`StoreAs`); Owner's optional `nick` is `Unique` (rows without one do not clash).
 * `group` and `position` are SQL keywords, on purpose. Doc (→ Owner) holds structured fields:
 * an optional object of every scalar type with a nullable object inside, a nullable array of
 * strings, an array of integers, an array of objects (each with an optional array inside), an
 * optional record of strings and a JSON value.
 */
export function defineDifferentialModels(collection: ModelCollection) {
  const Group = model(
    z.object({ code: z.string(), title: z.string().nullable(), rank: z.number().int().optional() }),
    { name: "Group", collection, fields: { code: Key, rank: StoreAs("group_rank") } },
  );
  const Owner = model(
    z.object({ id: z.number().int(), label: z.string().nullable(), group: z.string().nullable(), nick: z.string().optional() }),
    { name: "Owner", collection, fields: { group: ReferenceTo(Group.code), nick: [StoreAs("nickname"), Unique] } },
  );
  const Item = model(
    z.object({
      id: z.number().int(),
      name: z.string().nullable(),
      count: z.number().int().nullable(),
      score: z.number().nullable(),
      flag: z.boolean().nullable(),
      at: z.date().nullable(),
      big: z.bigint().nullable(),
      owner: z.number().int().nullable(),
      note: z.string().optional(),
    }),
    { name: "Item", collection, fields: { owner: ReferenceTo(Owner.id), note: StoreAs("remark") } },
  );
  const Tag = model(
    z.object({ item: z.number().int(), position: z.number().int(), text: z.string(), weight: z.number().optional() }),
    { name: "Tag", collection, fields: { item: [Key, ReferenceTo(Item.id)], position: Key } },
  );
  const Doc = model(
    z.object({
      id: z.number().int(),
      owner: z.number().int().nullable(),
      address: z
        .object({
          city: z.string(),
          zip: z.string().nullable(),
          floor: z.number().int().optional(),
          lat: z.number().nullable(),
          since: z.date().optional(),
          code: z.bigint().nullable(),
          verified: z.boolean().optional(),
          geo: z.object({ label: z.string(), lng: z.number() }).nullable(),
        })
        .optional(),
      tags: z.array(z.string()).nullable(),
      scores: z.array(z.number().int()),
      lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), price: z.number().nullable(), marks: z.array(z.string()).optional() })),
      labels: z.record(z.string(), z.string()).optional(),
      meta: z.json(),
    }),
    { name: "Doc", collection, fields: { owner: ReferenceTo(Owner.id) } },
  );
  return { Group, Owner, Item, Tag, Doc };
}

export type DifferentialModels = ReturnType<typeof defineDifferentialModels>;

export type ModelName = "Group" | "Owner" | "Item" | "Tag" | "Doc";
export const MODEL_NAMES: readonly ModelName[] = ["Group", "Owner", "Item", "Tag", "Doc"];

/** The scalar types. */
export type FieldType = "string" | "integer" | "float" | "boolean" | "date" | "bigint";

export type Scalar = string | number | boolean | Date | bigint;

/** A stored value as a row holds it; an optional field (or nested key) left out is absent. */
export type Value = Scalar | null | readonly Value[] | { readonly [key: string]: Value };
export type Row = Readonly<Record<string, Value>>;

/**
 * The type of a structured value, as the reference knows it: a scalar; an object of known keys
 * (in the schema's order, which is the order Zod gives them in); an array or a record of one
 * type; or any JSON value.
 */
export type Shape =
  | { readonly kind: "scalar"; readonly type: FieldType }
  | { readonly kind: "object"; readonly keys: readonly KeySlot[] }
  | { readonly kind: "array"; readonly of: Shape }
  | { readonly kind: "record"; readonly of: Shape }
  | { readonly kind: "json" };

/** One key of an object shape. */
export interface KeySlot {
  readonly name: string;
  readonly shape: Shape;
  readonly nullable: boolean;
  readonly optional: boolean;
}

export interface FieldSchema {
  /** A scalar type, or `structured` (then `shape` says what it holds). */
  readonly type: FieldType | "structured";
  readonly shape?: Shape;
  /** May hold null. */
  readonly nullable: boolean;
  /** May be left out (then absent when read back). */
  readonly optional: boolean;
  /** The model and field it refers to. */
  readonly references?: readonly [ModelName, string];
  /** No two rows may hold the same value (rows without one do not clash). */
  readonly unique?: boolean;
}

export interface ModelSchema {
  readonly keys: readonly string[];
  readonly fields: Readonly<Record<string, FieldSchema>>;
}

const plain = (type: FieldType): FieldSchema => ({ type, nullable: false, optional: false });
const nullable = (type: FieldType): FieldSchema => ({ type, nullable: true, optional: false });
const optional = (type: FieldType): FieldSchema => ({ type, nullable: false, optional: true });

export const scalarShape = (type: FieldType): Shape => ({ kind: "scalar", type });
const key = (name: string, shape: Shape, flags: { nullable?: boolean; optional?: boolean } = {}): KeySlot => ({ name, shape, nullable: flags.nullable ?? false, optional: flags.optional ?? false });
const structured = (shape: Shape, flags: { nullable?: boolean; optional?: boolean } = {}): FieldSchema => ({ type: "structured", shape, nullable: flags.nullable ?? false, optional: flags.optional ?? false });

export const ADDRESS: Shape = {
  kind: "object",
  keys: [
    key("city", scalarShape("string")),
    key("zip", scalarShape("string"), { nullable: true }),
    key("floor", scalarShape("integer"), { optional: true }),
    key("lat", scalarShape("float"), { nullable: true }),
    key("since", scalarShape("date"), { optional: true }),
    key("code", scalarShape("bigint"), { nullable: true }),
    key("verified", scalarShape("boolean"), { optional: true }),
    key("geo", { kind: "object", keys: [key("label", scalarShape("string")), key("lng", scalarShape("float"))] }, { nullable: true }),
  ],
};
export const LINE: Shape = {
  kind: "object",
  keys: [
    key("sku", scalarShape("string")),
    key("qty", scalarShape("integer")),
    key("price", scalarShape("float"), { nullable: true }),
    key("marks", { kind: "array", of: scalarShape("string") }, { optional: true }),
  ],
};

/**
 * The models above as the reference evaluator knows them, written out by hand rather than read
 * from Ommi's metadata: a mistake in that metadata must not reach the reference too.
 */
export const SCHEMA: Readonly<Record<ModelName, ModelSchema>> = {
  Group: { keys: ["code"], fields: { code: plain("string"), title: nullable("string"), rank: optional("integer") } },
  Owner: {
    keys: ["id"],
    fields: { id: plain("integer"), label: nullable("string"), group: { ...nullable("string"), references: ["Group", "code"] }, nick: { ...optional("string"), unique: true } },
  },
  Item: {
    keys: ["id"],
    fields: {
      id: plain("integer"),
      name: nullable("string"),
      count: nullable("integer"),
      score: nullable("float"),
      flag: nullable("boolean"),
      at: nullable("date"),
      big: nullable("bigint"),
      owner: { ...nullable("integer"), references: ["Owner", "id"] },
      note: optional("string"),
    },
  },
  Tag: {
    keys: ["item", "position"],
    fields: { item: { ...plain("integer"), references: ["Item", "id"] }, position: plain("integer"), text: plain("string"), weight: optional("float") },
  },
  Doc: {
    keys: ["id"],
    fields: {
      id: plain("integer"),
      owner: { ...nullable("integer"), references: ["Owner", "id"] },
      address: structured(ADDRESS, { optional: true }),
      tags: structured({ kind: "array", of: scalarShape("string") }, { nullable: true }),
      scores: structured({ kind: "array", of: scalarShape("integer") }),
      lines: structured({ kind: "array", of: LINE }),
      labels: structured({ kind: "record", of: scalarShape("string") }, { optional: true }),
      // A JSON value may be null (JSON's own null), but not left out.
      meta: structured({ kind: "json" }, { nullable: true }),
    },
  },
};

/** Every model's rows: what a database holds, and what the reference says it should hold. */
export type State = Readonly<Record<ModelName, readonly Row[]>>;

export const EMPTY_STATE: State = { Group: [], Owner: [], Item: [], Tag: [], Doc: [] };

/** Models in an order where every reference points to an earlier one (to add), and its reverse (to delete). */
export const REFERENCED_FIRST: readonly ModelName[] = ["Group", "Owner", "Item", "Tag", "Doc"];
export const REFERRING_FIRST: readonly ModelName[] = ["Doc", "Tag", "Item", "Owner", "Group"];

export function fieldSchema(modelName: ModelName, field: string): FieldSchema {
  const found = SCHEMA[modelName].fields[field];
  if (!found) throw new Error(`the differential schema has no field ${modelName}.${field}`);
  return found;
}

/** What a field holds, as a shape (a scalar field's is its type). */
export function shapeOf(schema: FieldSchema): Shape {
  return schema.type === "structured" ? (schema.shape as Shape) : scalarShape(schema.type);
}
