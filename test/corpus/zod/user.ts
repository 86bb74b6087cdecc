import { z } from "zod";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A SaaS app's users table: uuid key, roles as an array of enums, a preferences object with defaults.
export const UserSchema = z.object({
  id: z.uuid().optional(),
  email: z.email().toLowerCase(),
  displayName: z.string().min(1).max(80),
  avatarUrl: z.url().nullable(),
  roles: z.array(z.enum(["owner", "admin", "member", "billing"])).default(["member"]),
  locale: z.string().default("en-US"),
  preferences: z
    .object({
      theme: z.enum(["light", "dark", "system"]).default("system"),
      emailDigest: z.enum(["never", "daily", "weekly"]).default("weekly"),
      timezone: z.string().optional(),
    })
    .default({ theme: "system", emailDigest: "weekly" }),
  emailVerifiedAt: z.date().nullable(),
  lastLoginAt: z.date().nullable().default(null),
  createdAt: z.date().default(() => new Date()),
});

export type UserInput = z.input<typeof UserSchema>;

export function sampleUsers(): UserInput[] {
  return [
    { email: "Ada@Example.COM", displayName: "Ada Lovelace", avatarUrl: "https://cdn.example.com/a/ada.png", emailVerifiedAt: DATES.recent() },
    {
      id: "0b6c3b1e-5a4f-4c6e-9d2a-7f1e2d3c4b5a",
      email: "zoe@example.org",
      displayName: UNICODE.accents,
      avatarUrl: null,
      roles: [],
      locale: "pl-PL",
      preferences: { theme: "dark", emailDigest: "never", timezone: "Europe/Warsaw" },
      emailVerifiedAt: null,
      lastLoginAt: DATES.leapMillisecond(),
      createdAt: DATES.before1970(),
    },
    {
      email: "ops@example.net",
      displayName: UNICODE.emoji,
      avatarUrl: null,
      roles: ["owner", "admin", "billing"],
      preferences: {},
      emailVerifiedAt: DATES.epoch(),
    },
  ];
}

export const userEntry = corpusEntry("zod", { name: "User", schema: UserSchema, fields: { id: [Key, Auto], email: Unique }, samples: sampleUsers });
