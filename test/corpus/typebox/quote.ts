import { Type, type Static } from "typebox";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType, Nullable } from "./types.js";

// A sales quote: customer and line items nested, money in integer cents.
const LineItem = Type.Object({
  productId: Type.String(),
  description: Type.String(),
  quantity: Type.Integer({ minimum: 1 }),
  unitAmount: Type.Integer(),
  discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
});

export const QuoteSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  number: Type.String(),
  customer: Type.Object({
    companyName: Type.String(),
    contactName: Nullable(Type.String()),
    email: Type.String({ format: "email" }),
    billingAddress: Type.Object({ street: Type.String(), city: Type.String(), postcode: Type.String(), country: Type.String() }),
  }),
  lines: Type.Array(LineItem),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  total: Type.Integer(),
  status: Type.Union([Type.Literal("draft"), Type.Literal("sent"), Type.Literal("accepted"), Type.Literal("declined")]),
  validUntil: DateType,
  createdAt: DateType,
});

export function sampleQuotes(): Static<typeof QuoteSchema>[] {
  return [
    {
      id: "123e4567-e89b-42d3-a456-426614174000",
      number: "Q-1001",
      customer: { companyName: "Globex", contactName: "Hank Scorpio", email: "hank@globex.example", billingAddress: { street: "1 Volcano Rd", city: "Cypress Creek", postcode: "00001", country: "US" } },
      lines: [
        { productId: "prod_seat", description: "Seats", quantity: 25, unitAmount: 1200, discountPercent: 10 },
        { productId: "prod_onboarding", description: "Onboarding", quantity: 1, unitAmount: 50000 },
      ],
      currency: "USD",
      total: 77000,
      status: "sent",
      validUntil: DATES.after2038(),
      createdAt: DATES.recent(),
    },
    {
      id: "223e4567-e89b-42d3-a456-426614174000",
      number: "Q-1002",
      customer: { companyName: UNICODE.cjk, contactName: null, email: "info@example.jp", billingAddress: { street: UNICODE.cjk, city: "東京", postcode: "150-0002", country: "JP" } },
      lines: [],
      currency: "JPY",
      total: 0,
      status: "draft",
      validUntil: DATES.epoch(),
      createdAt: DATES.before1970(),
    },
  ];
}

export const quoteEntry = corpusEntry("typebox", { name: "Quote", schema: QuoteSchema, samples: sampleQuotes });
