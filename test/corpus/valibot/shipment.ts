import * as v from "valibot";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A parcel shipment: tracking events with dates inside an array of objects, parcel dimensions.
export const ShipmentSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer())),
  orderId: v.string(),
  carrier: v.picklist(["ups", "fedex", "dhl", "postnl", "nzpost"]),
  trackingNumber: v.string(),
  events: v.array(
    v.object({
      status: v.picklist(["label_created", "in_transit", "out_for_delivery", "delivered", "exception"]),
      description: v.string(),
      location: v.nullable(v.object({ city: v.string(), country: v.string() })),
      occurredAt: v.date(),
    }),
  ),
  parcel: v.object({ lengthCm: v.number(), widthCm: v.number(), heightCm: v.number(), weightKg: v.number() }),
  // The route so far as [longitude, latitude] pairs.
  route: v.optional(v.array(v.tuple([v.number(), v.number()])), []),
  estimatedDelivery: v.nullable(v.date()),
  signedBy: v.optional(v.string()),
});

export function sampleShipments(): v.InferInput<typeof ShipmentSchema>[] {
  return [
    {
      orderId: "ord_1",
      carrier: "nzpost",
      trackingNumber: "NZ123456789",
      events: [
        { status: "label_created", description: "Label created", location: null, occurredAt: new Date("2025-11-01T09:00:00.000Z") },
        { status: "in_transit", description: "Departed facility", location: { city: "Auckland", country: "NZ" }, occurredAt: new Date("2025-11-01T18:30:00.500Z") },
        { status: "delivered", description: `Left at door ${UNICODE.emoji}`, location: { city: "Ōtautahi", country: "NZ" }, occurredAt: new Date("2025-11-03T11:12:13.014Z") },
      ],
      parcel: { lengthCm: 30, widthCm: 20.5, heightCm: 10, weightKg: 1.25 },
      route: [[174.7633, -36.8485], [172.6362, -43.532], [-0, 0]],
      estimatedDelivery: new Date("2025-11-03T00:00:00.000Z"),
      signedBy: "R. Parata",
    },
    {
      orderId: "ord_2",
      carrier: "dhl",
      trackingNumber: "JD0000000001",
      events: [],
      parcel: { lengthCm: 0, widthCm: 0, heightCm: 0, weightKg: -0 },
      estimatedDelivery: null,
    },
    {
      orderId: "ord_3",
      carrier: "ups",
      trackingNumber: "1Z999AA10123456784",
      events: [{ status: "exception", description: UNICODE.quotes, location: { city: UNICODE.cjk, country: "JP" }, occurredAt: DATES.before1970() }],
      parcel: { lengthCm: 1e-7, widthCm: 123456.789, heightCm: 1, weightKg: 70 },
      estimatedDelivery: DATES.farFuture(),
    },
  ];
}

export const shipmentEntry = corpusEntry("valibot", { name: "Shipment", schema: ShipmentSchema, fields: { id: [Key, Auto], orderId: Index }, samples: sampleShipments });
