import { z } from "zod";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An e-commerce order: line items as an array of objects, addresses as nested objects.
const AddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string().length(2),
});

const LineItemSchema = z.object({
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
  discountCents: z.number().int().nonnegative().nullable(),
  giftWrap: z.boolean().default(false),
});

export const OrderSchema = z.object({
  id: z.number().int().optional(),
  customerId: z.string(),
  status: z.enum(["pending", "paid", "fulfilled", "cancelled", "refunded"]),
  currency: z.string().length(3),
  lineItems: z.array(LineItemSchema).min(1),
  shippingAddress: AddressSchema,
  billingAddress: AddressSchema.nullable(),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  notes: z.string().optional(),
  placedAt: z.date(),
});

export function sampleOrders(): z.input<typeof OrderSchema>[] {
  const home = { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };
  return [
    {
      customerId: "cus_8f2k",
      status: "paid",
      currency: "GBP",
      lineItems: [
        { sku: "BK-001", title: "Notes on the Analytical Engine", quantity: 2, unitPriceCents: 1999, discountCents: null },
        { sku: "PN-77", title: "Fountain pen", quantity: 1, unitPriceCents: 4500, discountCents: 500, giftWrap: true },
      ],
      shippingAddress: home,
      billingAddress: null,
      subtotalCents: 8498,
      taxCents: 1700,
      totalCents: 10198,
      placedAt: DATES.recent(),
    },
    {
      customerId: "cus_東京",
      status: "fulfilled",
      currency: "JPY",
      lineItems: [{ sku: "TEA-42", title: "抹茶 100g", quantity: 3, unitPriceCents: 0, discountCents: 0 }],
      shippingAddress: { name: "山田 太郎", line1: UNICODE.cjk, line2: null, city: "東京", region: "東京都", postalCode: "150-0002", country: "JP" },
      billingAddress: { ...home, line2: "Flat 3" },
      subtotalCents: 0,
      taxCents: 0,
      totalCents: 0,
      notes: UNICODE.quotes,
      placedAt: DATES.before1970(),
    },
  ];
}

export const orderEntry = corpusEntry("zod", { name: "Order", schema: OrderSchema, fields: { id: [Key, Auto], customerId: Index }, samples: sampleOrders });
