import * as v from "valibot";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A discount coupon: only scalars, with defaults and a fallback.
export const CouponSchema = v.object({
  code: v.pipe(v.string(), v.toUpperCase(), v.regex(/^[A-Z0-9_-]{3,32}$/)),
  percentOff: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  amountOffCents: v.nullable(v.pipe(v.number(), v.integer())),
  duration: v.fallback(v.picklist(["once", "repeating", "forever"]), "once"),
  maxRedemptions: v.optional(v.pipe(v.number(), v.integer())),
  timesRedeemed: v.optional(v.pipe(v.number(), v.integer()), 0),
  redeemBy: v.nullable(v.date()),
  active: v.optional(v.boolean(), true),
});

export function sampleCoupons(): v.InferInput<typeof CouponSchema>[] {
  return [
    // A value the old system wrote that the picklist no longer has: Valibot falls back to "once".
    { code: "welcome10", percentOff: 10, amountOffCents: null, duration: "monthly" as never, redeemBy: DATES.after2038() },
    { code: "FLAT500", percentOff: null, amountOffCents: 500, duration: "forever", maxRedemptions: 100, timesRedeemed: 99, redeemBy: null, active: false },
    { code: "ZERO_0", percentOff: -0, amountOffCents: 0, duration: "repeating", redeemBy: DATES.epoch() },
  ];
}

export const couponEntry = corpusEntry("valibot", { name: "Coupon", schema: CouponSchema, fields: { code: Key }, samples: sampleCoupons });
