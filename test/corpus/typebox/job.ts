import { Type, type Static } from "typebox";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A background job (a Postgres-backed queue like graphile-worker): the payload is unknown.
export const JobSchema = Type.Object({
  id: Type.Optional(Type.Number()),
  queue: Type.String(),
  taskName: Type.String(),
  payload: Type.Unknown(),
  priority: Type.Integer(),
  attempts: Type.Integer({ minimum: 0 }),
  maxAttempts: Type.Integer({ minimum: 1 }),
  status: Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("succeeded"), Type.Literal("failed")]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: DateType,
  lockedAt: Type.Union([DateType, Type.Null()]),
});

export function sampleJobs(): Static<typeof JobSchema>[] {
  return [
    { queue: "email", taskName: "send_welcome", payload: { userId: "usr_1", template: "welcome", vars: { name: UNICODE.accents } }, priority: 0, attempts: 0, maxAttempts: 25, status: "queued", lastError: null, runAt: DATES.recent(), lockedAt: null },
    { queue: "reports", taskName: "rebuild", payload: ["2025-10", "2025-11"], priority: -10, attempts: 3, maxAttempts: 3, status: "failed", lastError: UNICODE.quotes, runAt: DATES.epoch(), lockedAt: DATES.leapMillisecond() },
    { queue: "noop", taskName: "tick", payload: null, priority: 5, attempts: 1, maxAttempts: 1, status: "succeeded", lastError: null, runAt: DATES.before1970(), lockedAt: null },
    { queue: "noop", taskName: "count", payload: 42, priority: 5, attempts: 0, maxAttempts: 1, status: "running", lastError: null, runAt: DATES.before1970(), lockedAt: DATES.recent() },
  ];
}

export const jobEntry = corpusEntry("typebox", { name: "Job", schema: JobSchema, fields: { id: [Key, Auto], queue: Index }, samples: sampleJobs });
