import { z } from "zod";
import { Key, model, ReferenceTo, StoreAs, Unique, type ModelCollection } from "ommi";

/**
 * Four models in a chain of references, so that conditions reach one hop forward (Item → Owner),
 * two hops (Item → Owner → Group), backward (Owner ← Item, "owners with some item that ...") and
 * through a composite key (Tag, keyed by `item` and `position`, refers to Item). Group has a
 * string key; every model has a nullable or an optional field, and some are stored under another
 * column name (`StoreAs`); Owner's optional `nick` is `Unique` (rows without one do not clash).
 * `group` and `position` are SQL keywords, on purpose.
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
  return { Group, Owner, Item, Tag };
}

export type DifferentialModels = ReturnType<typeof defineDifferentialModels>;

export type ModelName = "Group" | "Owner" | "Item" | "Tag";
export const MODEL_NAMES: readonly ModelName[] = ["Group", "Owner", "Item", "Tag"];

export type FieldType = "string" | "integer" | "float" | "boolean" | "date" | "bigint";

/** A stored value as a row holds it; an optional field left out is absent from the row. */
export type Value = string | number | boolean | Date | bigint | null;
export type Row = Readonly<Record<string, Value>>;

export interface FieldSchema {
  readonly type: FieldType;
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
};

/** Every model's rows: what a database holds, and what the reference says it should hold. */
export type State = Readonly<Record<ModelName, readonly Row[]>>;

export const EMPTY_STATE: State = { Group: [], Owner: [], Item: [], Tag: [] };

/** Models in an order where every reference points to an earlier one (to add), and its reverse (to delete). */
export const REFERENCED_FIRST: readonly ModelName[] = ["Group", "Owner", "Item", "Tag"];
export const REFERRING_FIRST: readonly ModelName[] = ["Tag", "Item", "Owner", "Group"];

export function fieldSchema(modelName: ModelName, field: string): FieldSchema {
  const found = SCHEMA[modelName].fields[field];
  if (!found) throw new Error(`the differential schema has no field ${modelName}.${field}`);
  return found;
}
