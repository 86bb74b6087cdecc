import { Type, type Static } from "typebox";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { ABOVE_2_53, BEYOND_64_BITS } from "../nasty.js";

// A price (Stripe-like): amounts as bigints, a nullable recurring block, optional graduated tiers.
export const PriceSchema = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  currency: Type.String(),
  unitAmount: Type.BigInt(),
  recurring: Type.Union([
    Type.Object({ interval: Type.Union([Type.Literal("day"), Type.Literal("week"), Type.Literal("month"), Type.Literal("year")]), intervalCount: Type.Integer({ minimum: 1 }) }),
    Type.Null(),
  ]),
  tiers: Type.Optional(Type.Array(Type.Object({ upTo: Type.Union([Type.Integer(), Type.Null()]), unitAmount: Type.BigInt() }))),
  active: Type.Boolean(),
  nickname: Type.Union([Type.String(), Type.Null()]),
});

export function samplePrices(): Static<typeof PriceSchema>[] {
  return [
    { id: "price_1", productId: "prod_1", currency: "usd", unitAmount: 4900n, recurring: { interval: "month", intervalCount: 1 }, active: true, nickname: "Pro monthly" },
    {
      id: "price_2",
      productId: "prod_2",
      currency: "usd",
      unitAmount: 0n,
      recurring: { interval: "year", intervalCount: 1 },
      tiers: [{ upTo: 10, unitAmount: 1000n }, { upTo: 100, unitAmount: ABOVE_2_53 }, { upTo: null, unitAmount: BEYOND_64_BITS }],
      active: true,
      nickname: null,
    },
    { id: "price_3", productId: "prod_3", currency: "jpy", unitAmount: -1n, recurring: null, tiers: [], active: false, nickname: "Einmalig – ß" },
  ];
}

export const priceEntry = corpusEntry("typebox", { name: "Price", schema: PriceSchema, fields: { productId: Index }, samples: samplePrices });
