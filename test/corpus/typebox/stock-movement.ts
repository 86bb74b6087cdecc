import { Type, type Static } from "typebox";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";
import { DateType } from "./types.js";

// An inventory movement: only scalars.
export const StockMovementSchema = Type.Object({
  id: Type.Optional(Type.Integer()),
  sku: Type.String(),
  warehouseId: Type.String(),
  delta: Type.Integer(),
  reason: Type.Union([Type.Literal("purchase"), Type.Literal("sale"), Type.Literal("return"), Type.Literal("adjustment"), Type.Literal("transfer")]),
  reference: Type.Optional(Type.String()),
  unitCost: Type.Union([Type.Number(), Type.Null()]),
  occurredAt: DateType,
});

export function sampleStockMovements(): Static<typeof StockMovementSchema>[] {
  return [
    { sku: "BK-001", warehouseId: "AKL-1", delta: 120, reason: "purchase", reference: "PO-9", unitCost: 7.35, occurredAt: DATES.recent() },
    { sku: "BK-001", warehouseId: "AKL-1", delta: -1, reason: "sale", unitCost: null, occurredAt: DATES.leapMillisecond() },
    { sku: "PN-77", warehouseId: "WLG-2", delta: 0, reason: "adjustment", reference: "", unitCost: -0, occurredAt: DATES.before1970() },
  ];
}

export const stockMovementEntry = corpusEntry("typebox", { name: "StockMovement", schema: StockMovementSchema, fields: { id: [Key, Auto], sku: Index }, samples: sampleStockMovements });
