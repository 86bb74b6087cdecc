import * as v from "valibot";
import { corpusEntry } from "../entry.js";
import { ABOVE_2_53, DATES } from "../nasty.js";

// A payment: amount in minor units as a bigint, the payment method as a variant (discriminated union).
const PaymentMethod = v.variant("type", [
  v.object({ type: v.literal("card"), brand: v.picklist(["visa", "mastercard", "amex"]), last4: v.pipe(v.string(), v.length(4)), expMonth: v.number(), expYear: v.number() }),
  v.object({ type: v.literal("sepa_debit"), bankCode: v.string(), last4: v.string(), mandateId: v.string() }),
  v.object({ type: v.literal("wallet"), provider: v.picklist(["apple_pay", "google_pay"]), dynamicLast4: v.nullable(v.string()) }),
]);

export const PaymentSchema = v.object({
  id: v.pipe(v.string(), v.startsWith("pay_")),
  customerId: v.string(),
  amount: v.bigint(),
  amountRefunded: v.optional(v.bigint(), 0n),
  currency: v.picklist(["usd", "eur", "jpy", "krw"]),
  status: v.picklist(["requires_payment_method", "processing", "succeeded", "failed"]),
  method: PaymentMethod,
  failureCode: v.nullable(v.string()),
  metadata: v.optional(v.record(v.string(), v.string()), {}),
  capturedAt: v.nullable(v.date()),
  createdAt: v.date(),
});

export function samplePayments(): v.InferInput<typeof PaymentSchema>[] {
  return [
    {
      id: "pay_1",
      customerId: "cus_1",
      amount: 2000n,
      currency: "usd",
      status: "succeeded",
      method: { type: "card", brand: "visa", last4: "4242", expMonth: 12, expYear: 2034 },
      failureCode: null,
      metadata: { orderId: "ord_1" },
      capturedAt: DATES.recent(),
      createdAt: DATES.recent(),
    },
    {
      id: "pay_2",
      customerId: "cus_2",
      amount: ABOVE_2_53,
      amountRefunded: 1n,
      currency: "krw",
      status: "processing",
      method: { type: "sepa_debit", bankCode: "37040044", last4: "3000", mandateId: "mandate_ü" },
      failureCode: null,
      capturedAt: null,
      createdAt: DATES.leapMillisecond(),
    },
    {
      id: "pay_3",
      customerId: "cus_3",
      amount: 0n,
      currency: "jpy",
      status: "failed",
      method: { type: "wallet", provider: "apple_pay", dynamicLast4: null },
      failureCode: "card_declined",
      metadata: {},
      capturedAt: null,
      createdAt: DATES.epoch(),
    },
  ];
}

export const paymentEntry = corpusEntry("valibot", { name: "Payment", schema: PaymentSchema, samples: samplePayments });
