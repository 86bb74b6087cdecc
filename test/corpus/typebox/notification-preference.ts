import { Type, type Static } from "typebox";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";
import { DateType } from "./types.js";

// Per-user notification preferences: channels as a nested object, an optional nested quiet-hours block.
export const NotificationPreferenceSchema = Type.Object({
  userId: Type.String(),
  channels: Type.Object({ email: Type.Boolean(), sms: Type.Boolean(), push: Type.Boolean(), inApp: Type.Boolean() }),
  quietHours: Type.Optional(Type.Object({ start: Type.String({ pattern: "^\\d{2}:\\d{2}$" }), end: Type.String({ pattern: "^\\d{2}:\\d{2}$" }), timezone: Type.String() })),
  mutedTopics: Type.Array(Type.String()),
  digest: Type.Union([Type.Literal("off"), Type.Literal("daily"), Type.Literal("weekly")]),
  updatedAt: DateType,
});

export function sampleNotificationPreferences(): Static<typeof NotificationPreferenceSchema>[] {
  return [
    { userId: "usr_1", channels: { email: true, sms: false, push: true, inApp: true }, quietHours: { start: "22:00", end: "07:00", timezone: "Pacific/Auckland" }, mutedTopics: ["marketing"], digest: "weekly", updatedAt: DATES.recent() },
    { userId: "usr_2", channels: { email: false, sms: false, push: false, inApp: false }, mutedTopics: [], digest: "off", updatedAt: DATES.epoch() },
  ];
}

export const notificationPreferenceEntry = corpusEntry("typebox", { name: "NotificationPreference", schema: NotificationPreferenceSchema, fields: { userId: Key }, samples: sampleNotificationPreferences });
