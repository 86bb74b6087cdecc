import { z } from "zod";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An auth session (Lucia / Auth.js style): only scalars.
export const SessionSchema = z.object({
  id: z.string().min(32),
  userId: z.string(),
  expiresAt: z.date(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  fresh: z.boolean().default(true),
  createdAt: z.date().default(() => new Date()),
});

export function sampleSessions(): z.input<typeof SessionSchema>[] {
  return [
    { id: "a".repeat(40), userId: "usr_1", expiresAt: DATES.after2038(), ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64)" },
    { id: "0123456789abcdef0123456789abcdef", userId: "usr_2", expiresAt: DATES.epoch(), ipAddress: null, userAgent: UNICODE.zeroWidth, fresh: false, createdAt: DATES.before1970() },
  ];
}

export const sessionEntry = corpusEntry("zod", { name: "Session", schema: SessionSchema, fields: { userId: Index }, samples: sampleSessions });
