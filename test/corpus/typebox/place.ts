import { Type, type Static } from "typebox";
import { corpusEntry } from "../entry.js";
import { UNICODE } from "../nasty.js";

// A point of interest: coordinates and address nested, opening hours as a record of arrays of objects.
export const PlaceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  location: Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }),
  address: Type.Object({ street: Type.String(), city: Type.String(), postcode: Type.Optional(Type.String()), country: Type.String() }),
  categories: Type.Array(Type.String()),
  // [west, south, east, north]
  boundingBox: Type.Optional(Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()])),
  contact: Type.Partial(Type.Object({ phone: Type.String(), email: Type.String(), website: Type.String() })),
  rating: Type.Union([Type.Number(), Type.Null()]),
  priceLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  openingHours: Type.Record(Type.String(), Type.Array(Type.Object({ open: Type.String(), close: Type.String() }))),
});

export function samplePlaces(): Static<typeof PlaceSchema>[] {
  return [
    {
      id: "pl_1",
      name: "Café Ōtaki",
      location: { lat: -40.7567, lng: 175.1498 },
      address: { street: "1 Main Hwy", city: "Ōtaki", postcode: "5512", country: "NZ" },
      categories: ["cafe", "bakery"],
      boundingBox: [175.149, -40.757, 175.1505, -40.7564],
      contact: { website: "https://cafe.example.nz", phone: "+64 6 000 0000" },
      rating: 4.6,
      priceLevel: 2,
      // Weekdays in week order, not alphabetical.
      openingHours: { mon: [{ open: "07:00", close: "15:00" }], tue: [{ open: "07:00", close: "15:00" }], sat: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "16:00" }], sun: [] },
    },
    { id: "pl_2", name: UNICODE.cjk, location: { lat: -0, lng: 0 }, address: { street: "", city: "東京", country: "JP" }, categories: [], contact: {}, rating: null, openingHours: {} },
  ];
}

export const placeEntry = corpusEntry("typebox", { name: "Place", schema: PlaceSchema, samples: samplePlaces });
