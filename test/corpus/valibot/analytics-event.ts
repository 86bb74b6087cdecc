import * as v from "valibot";
import { Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A product-analytics event (Segment's track call): arbitrary properties, a nested context.
export const AnalyticsEventSchema = v.object({
  messageId: v.pipe(v.string(), v.uuid()),
  event: v.string(),
  anonymousId: v.string(),
  userId: v.nullable(v.string()),
  properties: v.record(v.string(), v.unknown()),
  context: v.object({
    ip: v.nullable(v.pipe(v.string(), v.ip())),
    userAgent: v.optional(v.string()),
    locale: v.optional(v.string()),
    page: v.object({ path: v.string(), referrer: v.nullable(v.string()), title: v.optional(v.string()) }),
    campaign: v.optional(v.record(v.string(), v.string())),
  }),
  timestamp: v.date(),
  receivedAt: v.date(),
});

export function sampleAnalyticsEvents(): v.InferInput<typeof AnalyticsEventSchema>[] {
  return [
    {
      messageId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
      event: "Order Completed",
      anonymousId: "anon_1",
      userId: "usr_1",
      properties: { orderId: "ord_1", revenue: 129.99, currency: "USD", products: [{ sku: "A1", price: 99.99, quantity: 1 }, { sku: "B2", price: 30, quantity: 1 }], coupon: null },
      context: { ip: "192.0.2.1", userAgent: "Mozilla/5.0", locale: "en-NZ", page: { path: "/checkout/complete", referrer: "https://www.google.com/", title: "Thanks!" }, campaign: { source: "newsletter", medium: "email" } },
      timestamp: DATES.recent(),
      receivedAt: DATES.recent(),
    },
    {
      messageId: "b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
      event: "Page Viewed",
      anonymousId: "anon_2",
      userId: null,
      properties: {},
      context: { ip: null, page: { path: `/${UNICODE.rtl}`, referrer: null } },
      timestamp: DATES.before1970(),
      receivedAt: DATES.epoch(),
    },
    {
      messageId: "c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
      event: "Edge Case",
      anonymousId: "anon_3",
      userId: "usr_3",
      properties: { zero: -0, nested: { list: [[], {}, [null]], "": "" }, text: UNICODE.zeroWidth, last: true, first: false },
      context: { ip: "::1", page: { path: "/", referrer: "" } },
      timestamp: DATES.after2038(),
      receivedAt: DATES.after2038(),
    },
  ];
}

export const analyticsEventEntry = corpusEntry("valibot", { name: "AnalyticsEvent", schema: AnalyticsEventSchema, fields: { messageId: Key, event: Index }, samples: sampleAnalyticsEvents });
