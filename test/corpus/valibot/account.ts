import * as v from "valibot";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A user account with a plain-number id (as many Valibot codebases type it), roles and free metadata.
export const AccountSchema = v.object({
  id: v.optional(v.number()),
  username: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(39)),
  email: v.pipe(v.string(), v.email(), v.toLowerCase()),
  avatarUrl: v.nullable(v.pipe(v.string(), v.url())),
  roles: v.array(v.picklist(["admin", "editor", "viewer"])),
  metadata: v.record(v.string(), v.string()),
  notificationSettings: v.partial(v.object({ email: v.boolean(), push: v.boolean(), digest: v.picklist(["daily", "weekly"]) })),
  twoFactorEnabled: v.optional(v.boolean(), false),
  createdAt: v.date(),
});

export function sampleAccounts(): v.InferInput<typeof AccountSchema>[] {
  return [
    { username: "  grace ", email: "Grace@Navy.MIL", avatarUrl: "https://avatars.example.com/u/1", roles: ["admin"], metadata: { signupSource: "github", plan: "pro" }, notificationSettings: { push: false, email: true }, createdAt: DATES.recent() },
    { username: "zoë-ł", email: "zoe@example.org", avatarUrl: null, roles: [], metadata: {}, notificationSettings: {}, twoFactorEnabled: true, createdAt: DATES.before1970() },
    { username: "emoji🚀", email: "x@example.com", avatarUrl: null, roles: ["viewer", "editor"], metadata: { "ß": "eszett", "a b": "space", "": "" }, notificationSettings: { digest: "daily" }, createdAt: DATES.epoch() },
  ];
}

export const accountEntry = corpusEntry("valibot", { name: "Account", schema: AccountSchema, fields: { id: [Key, Auto], email: Unique }, samples: sampleAccounts });
