import { Type, type Static } from "typebox";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A structured log line (pino-style): the context is untyped.
export const LogEntrySchema = Type.Object({
  id: Type.Optional(Type.Number()),
  level: Type.Enum(["trace", "debug", "info", "warn", "error", "fatal"]),
  service: Type.String(),
  message: Type.String(),
  context: Type.Any(),
  traceId: Type.Optional(Type.String()),
  timestamp: DateType,
});

export function sampleLogEntries(): Static<typeof LogEntrySchema>[] {
  return [
    { level: "info", service: "api", message: "request completed", context: { method: "GET", url: "/health", status: 200, responseTime: 1.2345 }, traceId: "4bf92f3577b34da6", timestamp: DATES.recent() },
    { level: "error", service: "worker", message: UNICODE.quotes, context: { err: { type: "Error", message: "boom", stack: "Error: boom\n    at main (index.js:1:1)" }, attempt: 3, tags: ["retry", "💥"] }, timestamp: DATES.recent() },
    { level: "debug", service: "api", message: "no context", context: null, timestamp: DATES.epoch() },
    { level: "warn", service: "api", message: "scalar context", context: "just a string", timestamp: DATES.epoch() },
    { level: "trace", service: "api", message: "array context", context: [1, -0, 2.5, [], { k: "v" }], timestamp: DATES.epoch() },
  ];
}

export const logEntryEntry = corpusEntry("typebox", { name: "LogEntry", schema: LogEntrySchema, fields: { id: [Key, Auto], service: Index }, samples: sampleLogEntries });
