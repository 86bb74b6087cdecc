import * as v from "valibot";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A shopping cart keyed by uuid: line items as an array of objects.
export const CartSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  sessionId: v.string(),
  customerId: v.nullable(v.string()),
  items: v.array(
    v.object({
      productId: v.string(),
      variantId: v.optional(v.string()),
      quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
      unitPrice: v.number(),
      addedAt: v.date(),
    }),
  ),
  couponCode: v.nullish(v.pipe(v.string(), v.toUpperCase())),
  currency: v.optional(v.picklist(["USD", "EUR", "GBP"]), "USD"),
  updatedAt: v.date(),
});

export function sampleCarts(): v.InferInput<typeof CartSchema>[] {
  return [
    {
      id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      sessionId: "sess_1",
      customerId: null,
      items: [
        { productId: "prod_1", quantity: 2, unitPrice: 19.99, addedAt: DATES.recent() },
        { productId: "prod_2", variantId: "var_xl", quantity: 1, unitPrice: 0.1 + 0.2, addedAt: DATES.leapMillisecond() },
      ],
      couponCode: "welcome10",
      updatedAt: DATES.recent(),
    },
    { id: "6ba7b810-9dad-41d1-80b4-00c04fd430c8", sessionId: "sess_2", customerId: "cus_9", items: [], couponCode: null, currency: "EUR", updatedAt: DATES.epoch() },
    { id: "6ba7b811-9dad-41d1-80b4-00c04fd430c8", sessionId: "sess_3", customerId: null, items: [{ productId: "gift", quantity: 1, unitPrice: -0, addedAt: DATES.before1970() }], updatedAt: DATES.farFuture() },
  ];
}

export const cartEntry = corpusEntry("valibot", { name: "Cart", schema: CartSchema, fields: { sessionId: Index }, samples: sampleCarts });
