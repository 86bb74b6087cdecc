import { Type, type Static } from "typebox";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A key-value application setting: the value is any JSON, as a recursive (cyclic) TypeBox type.
const Json = Type.Cyclic(
  {
    Json: Type.Union([Type.Null(), Type.Boolean(), Type.Number(), Type.String(), Type.Array(Type.Ref("Json")), Type.Record(Type.String(), Type.Ref("Json"))]),
  },
  "Json",
);

export const SettingSchema = Type.Object({
  key: Type.String({ pattern: "^[a-z][a-z0-9_.]*$" }),
  scope: Type.Union([Type.Literal("global"), Type.Literal("tenant"), Type.Literal("user")]),
  value: Json,
  description: Type.Optional(Type.String()),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: DateType,
});

export function sampleSettings(): Static<typeof SettingSchema>[] {
  return [
    { key: "billing.grace_days", scope: "global", value: 14, description: "Days before suspension", updatedBy: "usr_1", updatedAt: DATES.recent() },
    { key: "ui.banner", scope: "tenant", value: { text: UNICODE.emoji, level: "info", links: [{ href: "/status", label: "Status" }], dismissible: true }, updatedBy: null, updatedAt: DATES.epoch() },
    { key: "feature.list", scope: "user", value: ["a", 1, true, null, [], {}], updatedBy: "usr_2", updatedAt: DATES.leapMillisecond() },
    { key: "empty", scope: "global", value: null, updatedBy: null, updatedAt: DATES.epoch() },
  ];
}

export const settingEntry = corpusEntry("typebox", { name: "Setting", schema: SettingSchema, fields: { key: Key }, samples: sampleSettings });
