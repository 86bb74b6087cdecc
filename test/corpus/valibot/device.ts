import * as v from "valibot";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A registered mobile device for push notifications: only scalars.
export const DeviceSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  userId: v.string(),
  platform: v.picklist(["ios", "android", "web"]),
  pushToken: v.nullable(v.string()),
  appVersion: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/)),
  osVersion: v.optional(v.string()),
  model: v.nullish(v.string(), null),
  lastSeenAt: v.date(),
});

export function sampleDevices(): v.InferInput<typeof DeviceSchema>[] {
  return [
    { id: "0f8fad5b-d9cb-469f-a165-70867728950e", userId: "usr_1", platform: "ios", pushToken: "a1b2c3", appVersion: "4.12.0", osVersion: "18.1", model: "iPhone15,2", lastSeenAt: DATES.recent() },
    { id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", userId: "usr_2", platform: "web", pushToken: null, appVersion: "0.0.1", model: undefined, lastSeenAt: DATES.before1970() },
    { id: "8c9e6679-7425-40de-944b-e07fc1f90ae7", userId: "usr_2", platform: "android", pushToken: UNICODE.zeroWidth, appVersion: "10.0.0", lastSeenAt: DATES.farFuture() },
  ];
}

export const deviceEntry = corpusEntry("valibot", { name: "Device", schema: DeviceSchema, fields: { userId: Index }, samples: sampleDevices });
