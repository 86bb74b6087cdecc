import { z } from "zod";
import { Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, digest } from "../nasty.js";

// An API key: the hash of the secret as raw bytes, scopes as an array.
export const ApiKeySchema = z.object({
  id: z.string().startsWith("key_"),
  projectId: z.string(),
  name: z.string().min(1),
  prefix: z.string().length(8),
  secretHash: z.instanceof(Uint8Array),
  scopes: z.array(z.enum(["read", "write", "admin", "billing:read"])).min(1),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revoked: z.boolean().default(false),
  createdAt: z.date(),
});

export function sampleApiKeys(): z.input<typeof ApiKeySchema>[] {
  return [
    { id: "key_1", projectId: "prj_1", name: "CI deploys", prefix: "sk_live_", secretHash: digest(1), scopes: ["read", "write"], lastUsedAt: DATES.recent(), expiresAt: null, createdAt: DATES.recent() },
    {
      id: "key_2",
      projectId: "prj_1",
      name: "Old 🔑",
      prefix: "sk_test_",
      secretHash: Buffer.from("00ff00ff7f80", "hex"),
      scopes: ["billing:read"],
      lastUsedAt: null,
      expiresAt: DATES.epoch(),
      revoked: true,
      createdAt: DATES.before1970(),
    },
    { id: "key_3", projectId: "prj_2", name: "empty hash", prefix: "pk_live_", secretHash: new Uint8Array(0), scopes: ["admin"], lastUsedAt: null, expiresAt: DATES.farFuture(), createdAt: DATES.epoch() },
  ];
}

export const apiKeyEntry = corpusEntry("zod", { name: "ApiKey", schema: ApiKeySchema, fields: { id: Key, projectId: Index }, samples: sampleApiKeys });
