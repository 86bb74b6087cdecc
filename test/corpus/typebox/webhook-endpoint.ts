import { Type, type Static } from "typebox";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";
import { DateType } from "./types.js";

// An outgoing-webhook endpoint: subscribed events, and authentication as a union of objects.
const Auth = Type.Union([
  Type.Object({ type: Type.Literal("none") }),
  Type.Object({ type: Type.Literal("basic"), username: Type.String(), password: Type.String() }),
  Type.Object({ type: Type.Literal("bearer"), token: Type.String() }),
  Type.Object({ type: Type.Literal("hmac"), secret: Type.String(), header: Type.String(), algorithm: Type.Union([Type.Literal("sha256"), Type.Literal("sha512")]) }),
]);

export const WebhookEndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String({ format: "uri" }),
  description: Type.Optional(Type.String()),
  events: Type.Array(Type.String(), { minItems: 1 }),
  auth: Auth,
  enabled: Type.Boolean(),
  failureCount: Type.Integer({ minimum: 0 }),
  disabledAt: Type.Union([DateType, Type.Null()]),
  createdAt: DateType,
});

export function sampleWebhookEndpoints(): Static<typeof WebhookEndpointSchema>[] {
  return [
    {
      id: "we_1",
      url: "https://hooks.example.com/ommi",
      description: "Billing sync",
      events: ["invoice.paid", "invoice.payment_failed"],
      auth: { type: "hmac", secret: "whsec_abc", header: "X-Signature", algorithm: "sha256" },
      enabled: true,
      failureCount: 0,
      disabledAt: null,
      createdAt: DATES.recent(),
    },
    { id: "we_2", url: "http://localhost:3000/hook", events: ["*"], auth: { type: "none" }, enabled: false, failureCount: 17, disabledAt: DATES.leapMillisecond(), createdAt: DATES.epoch() },
    { id: "we_3", url: "https://ci.example.com/h", events: ["push"], auth: { type: "basic", username: "ci", password: "p@ss:wörd" }, enabled: true, failureCount: 1, disabledAt: null, createdAt: DATES.recent() },
  ];
}

export const webhookEndpointEntry = corpusEntry("typebox", { name: "WebhookEndpoint", schema: WebhookEndpointSchema, samples: sampleWebhookEndpoints });
