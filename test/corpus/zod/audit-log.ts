import { z } from "zod";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An audit trail entry: what changed, as a map of field → { from, to } with values of any type.
export const AuditLogSchema = z.object({
  id: z.number().int().optional(),
  actorId: z.string().nullable(),
  actorType: z.enum(["user", "api_key", "system"]),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  context: z.object({
    ip: z.string().nullable(),
    userAgent: z.string().optional(),
    requestId: z.string(),
  }),
  occurredAt: z.date(),
});

export function sampleAuditLogs(): z.input<typeof AuditLogSchema>[] {
  return [
    {
      actorId: "usr_42",
      actorType: "user",
      action: "project.renamed",
      targetType: "project",
      targetId: "prj_7",
      changes: { name: { from: "Apollo", to: UNICODE.emoji }, archived: { from: false, to: false } },
      context: { ip: "2001:db8::1", userAgent: "Mozilla/5.0", requestId: "req_1" },
      occurredAt: DATES.recent(),
    },
    {
      actorId: null,
      actorType: "system",
      action: "member.removed",
      targetType: "team",
      targetId: "team_3",
      changes: {
        members: { from: ["usr_1", "usr_2"], to: ["usr_1"] },
        settings: { from: { visibility: "private", seats: 10 }, to: null },
        quota: { from: 0.5, to: -0 },
      },
      context: { ip: null, requestId: "cron_nightly" },
      occurredAt: DATES.epoch(),
    },
    { actorId: "key_9", actorType: "api_key", action: "noop", targetType: "none", targetId: "", changes: {}, context: { ip: "127.0.0.1", requestId: "req_3" }, occurredAt: DATES.farFuture() },
  ];
}

export const auditLogEntry = corpusEntry("zod", { name: "AuditLog", schema: AuditLogSchema, fields: { id: [Key, Auto] }, samples: sampleAuditLogs });
