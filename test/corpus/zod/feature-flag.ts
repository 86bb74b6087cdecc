import { z } from "zod";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A feature flag (LaunchDarkly / Unleash style): variants, and targeting rules as a discriminated union.
const Rule = z.discriminatedUnion("type", [
  z.object({ type: z.literal("users"), userIds: z.array(z.string()) }),
  z.object({ type: z.literal("percentage"), percentage: z.number().min(0).max(100), stickiness: z.enum(["userId", "sessionId"]).default("userId") }),
  z.object({
    type: z.literal("attribute"),
    attribute: z.string(),
    operator: z.enum(["in", "not_in", "starts_with", "semver_gt"]),
    values: z.array(z.string()),
  }),
]);

export const FeatureFlagSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
  description: z.string().default(""),
  enabled: z.boolean(),
  variants: z.array(z.object({ key: z.string(), weight: z.number().int().min(0).max(1000), payload: z.string().optional() })),
  rules: z.array(Rule),
  tags: z.array(z.string()).default([]),
  archivedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export function sampleFeatureFlags(): z.input<typeof FeatureFlagSchema>[] {
  return [
    {
      key: "checkout.new-flow",
      enabled: true,
      variants: [{ key: "control", weight: 500 }, { key: "treatment", weight: 500, payload: '{"color":"green"}' }],
      rules: [
        { type: "users", userIds: ["usr_1", "usr_2"] },
        { type: "attribute", attribute: "country", operator: "in", values: ["NZ", "AU"] },
        { type: "percentage", percentage: 12.5 },
      ],
      tags: ["checkout", "experiment"],
      archivedAt: null,
      updatedAt: DATES.recent(),
    },
    { key: "legacy_banner", description: "Old banner 🚧", enabled: false, variants: [], rules: [], archivedAt: DATES.leapMillisecond(), updatedAt: DATES.leapMillisecond() },
    {
      key: "ramp",
      enabled: true,
      variants: [{ key: "on", weight: 0 }],
      rules: [{ type: "percentage", percentage: -0, stickiness: "sessionId" }, { type: "users", userIds: [] }],
      archivedAt: null,
      updatedAt: DATES.epoch(),
    },
  ];
}

export const featureFlagEntry = corpusEntry("zod", { name: "FeatureFlag", schema: FeatureFlagSchema, fields: { key: Key }, samples: sampleFeatureFlags });
