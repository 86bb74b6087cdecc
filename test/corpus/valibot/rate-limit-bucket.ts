import * as v from "valibot";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, INT64_MAX } from "../nasty.js";

// A token bucket for rate limiting: only scalars, with a bigint counter.
export const RateLimitBucketSchema = v.object({
  key: v.string(),
  tokens: v.number(),
  capacity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  refillPerSecond: v.number(),
  totalRequests: v.bigint(),
  updatedAt: v.date(),
});

export function sampleRateLimitBuckets(): v.InferInput<typeof RateLimitBucketSchema>[] {
  return [
    { key: "ip:203.0.113.7", tokens: 9.5, capacity: 10, refillPerSecond: 0.5, totalRequests: 12n, updatedAt: DATES.recent() },
    { key: "user:usr_1:/api/search", tokens: -0, capacity: 1, refillPerSecond: 1 / 3, totalRequests: INT64_MAX, updatedAt: DATES.epoch() },
  ];
}

export const rateLimitBucketEntry = corpusEntry("valibot", { name: "RateLimitBucket", schema: RateLimitBucketSchema, fields: { key: Key }, samples: sampleRateLimitBuckets });
