import { Type, type Static } from "typebox";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";
import { DateType } from "./types.js";

// A metric sample (Prometheus-like): labels as a string record.
export const MetricSampleSchema = Type.Object({
  id: Type.Optional(Type.Number()),
  name: Type.String({ pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$" }),
  value: Type.Number(),
  unit: Type.Union([Type.Literal("seconds"), Type.Literal("bytes"), Type.Literal("ratio"), Type.Literal("count")]),
  labels: Type.Record(Type.String(), Type.String()),
  at: DateType,
});

export function sampleMetricSamples(): Static<typeof MetricSampleSchema>[] {
  return [
    { name: "http_request_duration_seconds", value: 0.042, unit: "seconds", labels: { method: "GET", route: "/api/orders", status: "200", instance: "10.0.0.1:9090" }, at: DATES.recent() },
    { name: "process_resident_memory_bytes", value: 1.073741824e9, unit: "bytes", labels: {}, at: DATES.recent() },
    { name: "cache_hit_ratio", value: -0, unit: "ratio", labels: { zone: "z", az: "a", le: "+Inf" }, at: DATES.epoch() },
    { name: "events_total", value: Number.MAX_SAFE_INTEGER, unit: "count", labels: { "": "" }, at: DATES.farFuture() },
  ];
}

export const metricSampleEntry = corpusEntry("typebox", { name: "MetricSample", schema: MetricSampleSchema, fields: { id: [Key, Auto], name: Index }, samples: sampleMetricSamples });
