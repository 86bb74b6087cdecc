import { z } from "zod";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// One delivery attempt of an outgoing webhook (Svix / Stripe style): the payload is whatever the event carries.
export const WebhookDeliverySchema = z.object({
  id: z.uuid(),
  endpointId: z.string(),
  eventType: z.string(),
  payload: z.record(z.string(), z.unknown()),
  requestHeaders: z.record(z.string(), z.string()),
  attempt: z.number().int().min(1).default(1),
  status: z.enum(["pending", "succeeded", "failed"]),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  durationMs: z.number().nullable(),
  nextRetryAt: z.date().nullable(),
  createdAt: z.date(),
});

export function sampleWebhookDeliveries(): z.input<typeof WebhookDeliverySchema>[] {
  return [
    {
      id: "7d0c5a4e-2f1b-4b8e-9a36-5c2e1f0d9b7a",
      endpointId: "ep_1",
      eventType: "invoice.paid",
      payload: { id: "evt_1", object: "event", data: { object: { id: "in_1", amount_paid: 4200, lines: [{ id: "il_1", amount: 4200 }], metadata: {} } }, livemode: false },
      requestHeaders: { "content-type": "application/json", "svix-id": "msg_1", "svix-timestamp": "1730000000" },
      status: "succeeded",
      responseStatus: 200,
      responseBody: "ok",
      durationMs: 183.25,
      nextRetryAt: null,
      createdAt: DATES.recent(),
    },
    {
      id: "c3a1e2f4-6b5d-4c7e-8f90-1a2b3c4d5e6f",
      endpointId: "ep_2",
      eventType: "customer.updated",
      payload: {
        previous_attributes: { name: null, email: "old@example.com" },
        nested: { deep: { deeper: { deepest: [1, [2, [3, []]]] } } },
        unicode: UNICODE.astral,
        zero: -0,
        big: 1e308,
        tiny: 5e-324,
        flags: [true, false, null],
        emptyObject: {},
        z: 1,
        a: 2,
      },
      requestHeaders: {},
      attempt: 3,
      status: "failed",
      responseStatus: null,
      responseBody: null,
      durationMs: null,
      nextRetryAt: DATES.after2038(),
      createdAt: DATES.recent(),
    },
  ];
}

export const webhookDeliveryEntry = corpusEntry("zod", {
  name: "WebhookDelivery",
  schema: WebhookDeliverySchema,
  fields: { endpointId: Index },
  samples: sampleWebhookDeliveries,
});
