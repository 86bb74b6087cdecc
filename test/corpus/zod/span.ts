import { z } from "zod";
import { Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { UNICODE } from "../nasty.js";

// An OpenTelemetry-style span: nanosecond timestamps as bigints, attribute maps, events and links.
const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const Attributes = z.record(z.string(), AttributeValue);

export const SpanSchema = z.object({
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(["internal", "server", "client", "producer", "consumer"]),
  startTimeUnixNano: z.bigint(),
  endTimeUnixNano: z.bigint(),
  attributes: Attributes,
  events: z.array(z.object({ name: z.string(), timeUnixNano: z.bigint(), attributes: Attributes.optional() })),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string() })).default([]),
  status: z.object({ code: z.enum(["unset", "ok", "error"]), message: z.string().optional() }),
  resource: z.object({ serviceName: z.string(), serviceVersion: z.string().optional() }),
});

export function sampleSpans(): z.input<typeof SpanSchema>[] {
  return [
    {
      spanId: "00f067aa0ba902b7",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: null,
      name: "GET /api/orders/:id",
      kind: "server",
      startTimeUnixNano: 1_730_000_000_123_456_789n,
      endTimeUnixNano: 1_730_000_000_223_456_789n,
      attributes: { "http.method": "GET", "http.status_code": 200, "http.route": "/api/orders/:id", "net.peer.port": 443, sampled: true, "http.request.header.accept": ["application/json", "*/*"] },
      events: [{ name: "cache.miss", timeUnixNano: 1_730_000_000_130_000_000n }],
      status: { code: "ok" },
      resource: { serviceName: "orders-api", serviceVersion: "2.14.0" },
    },
    {
      spanId: "b7ad6b7169203331",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: "00f067aa0ba902b7",
      name: "SELECT orders",
      kind: "client",
      startTimeUnixNano: 1_730_000_000_140_000_000n,
      endTimeUnixNano: 1_730_000_000_140_000_001n,
      attributes: { "db.system": "postgresql", "db.statement": "SELECT * FROM orders WHERE id = $1", "db.rows": 0, ratio: -0, "db.user": UNICODE.zeroWidth },
      events: [
        { name: "exception", timeUnixNano: 1_730_000_000_140_000_000n, attributes: { "exception.type": "TimeoutError", "exception.message": UNICODE.quotes, "exception.escaped": false } },
        { name: "retry", timeUnixNano: 1_730_000_000_140_000_001n, attributes: {} },
      ],
      links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b9c7c989f97918e1" }],
      status: { code: "error", message: "statement timeout" },
      resource: { serviceName: "orders-api" },
    },
  ];
}

export const spanEntry = corpusEntry("zod", { name: "Span", schema: SpanSchema, fields: { spanId: Key, traceId: Index }, samples: sampleSpans });
