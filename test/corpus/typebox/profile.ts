import { Type, type Static } from "typebox";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType, Nullable } from "./types.js";

// A public profile: links as an array of objects, settings as a record of anything.
export const ProfileSchema = Type.Object({
  id: Type.Optional(Type.Number()),
  handle: Type.String({ pattern: "^[a-z0-9_]{2,30}$" }),
  displayName: Type.String({ maxLength: 50 }),
  bio: Nullable(Type.String({ maxLength: 500 })),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String({ format: "uri" }) })),
  settings: Type.Record(Type.String(), Type.Any()),
  verified: Type.Boolean(),
  createdAt: DateType,
});

export function sampleProfiles(): Static<typeof ProfileSchema>[] {
  return [
    {
      handle: "ada",
      displayName: "Ada Lovelace",
      bio: "Enchantress of numbers",
      links: [{ label: "Website", url: "https://ada.example.com" }, { label: "Mastodon", url: "https://mastodon.example/@ada" }],
      settings: { showEmail: false, theme: { accent: "#ff00aa", compact: true }, pinned: [3, 1, 2] },
      verified: true,
      createdAt: DATES.recent(),
    },
    { handle: "zz_top", displayName: UNICODE.emoji, bio: null, links: [], settings: {}, verified: false, createdAt: DATES.before1970() },
    { handle: "keys", displayName: UNICODE.rtl, bio: "", links: [], settings: { z: 1, y: null, x: -0, "😀": "smile", nested: { b: [], a: {} } }, verified: false, createdAt: DATES.epoch() },
  ];
}

export const profileEntry = corpusEntry("typebox", { name: "Profile", schema: ProfileSchema, fields: { id: [Key, Auto], handle: Unique }, samples: sampleProfiles });
