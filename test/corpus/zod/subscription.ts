import { z } from "zod";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A billing subscription: only scalars (as many real tables are).
export const SubscriptionSchema = z.object({
  id: z.string().startsWith("sub_"),
  customerId: z.string(),
  plan: z.enum(["free", "starter", "pro", "enterprise"]),
  status: z.enum(["trialing", "active", "past_due", "canceled", "incomplete"]),
  quantity: z.number().int().min(1).default(1),
  currentPeriodStart: z.date(),
  currentPeriodEnd: z.date(),
  cancelAtPeriodEnd: z.boolean().default(false),
  canceledAt: z.date().nullable(),
  trialEnd: z.date().nullable(),
  amountCents: z.number().int(),
  discountPercent: z.number().min(0).max(100).nullable(),
});

export function sampleSubscriptions(): z.input<typeof SubscriptionSchema>[] {
  return [
    {
      id: "sub_1",
      customerId: "cus_1",
      plan: "pro",
      status: "active",
      currentPeriodStart: new Date("2025-11-01T00:00:00.000Z"),
      currentPeriodEnd: new Date("2025-12-01T00:00:00.000Z"),
      canceledAt: null,
      trialEnd: null,
      amountCents: 4900,
      discountPercent: 12.5,
    },
    {
      id: "sub_2",
      customerId: "cus_2",
      plan: "enterprise",
      status: "canceled",
      quantity: 250,
      currentPeriodStart: DATES.before1970(),
      currentPeriodEnd: DATES.farFuture(),
      cancelAtPeriodEnd: true,
      canceledAt: DATES.leapMillisecond(),
      trialEnd: DATES.epoch(),
      amountCents: 0,
      discountPercent: -0,
    },
  ];
}

export const subscriptionEntry = corpusEntry("zod", { name: "Subscription", schema: SubscriptionSchema, fields: { customerId: Index }, samples: sampleSubscriptions });
