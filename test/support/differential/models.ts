import { z } from "zod";
import { model, ReferenceTo, type ModelCollection } from "ommi";

/** The fields of Item the generated queries compare and sort by (`id` and `owner` are there too). */
export type ItemField = "id" | "name" | "count" | "score" | "flag" | "at" | "big" | "owner";

export interface OwnerRow {
  id: number;
  label: string | null;
}

export interface ItemRow {
  id: number;
  name: string | null;
  count: number | null;
  score: number | null;
  flag: boolean | null;
  at: Date | null;
  big: bigint | null;
  owner: number | null;
}

export interface Dataset {
  readonly owners: readonly OwnerRow[];
  readonly items: readonly ItemRow[];
}

/** One nullable field of every type, and a reference to a second model, for the differential test. */
export function defineDifferentialModels(collection: ModelCollection) {
  const Owner = model(z.object({ id: z.number().int(), label: z.string().nullable() }), { name: "Owner", collection });
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
    }),
    { name: "Item", collection, fields: { owner: ReferenceTo(Owner.id) } },
  );
  return { Owner, Item };
}

export type DifferentialModels = ReturnType<typeof defineDifferentialModels>;
