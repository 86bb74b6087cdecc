import { z } from "zod";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An events platform's venue: a GeoJSON point (a tuple), opening hours as tuples, loosely typed extras.
export const VenueSchema = z.object({
  id: z.string().regex(/^ven_[a-z0-9]+$/),
  name: z.string(),
  location: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
  capacity: z.number().int().positive().nullable(),
  openingHours: z.array(z.tuple([z.string(), z.string()])),
  accessibility: z.array(z.enum(["step_free", "hearing_loop", "accessible_toilet", "quiet_room"])).nullable(),
  // Whatever the import from the ticketing system carried.
  metadata: z.any(),
  extra: z.json().optional(),
  photos: z.array(z.url()).max(10).default([]),
  lastInspectedAt: z.date().nullable(),
});

export function sampleVenues(): z.input<typeof VenueSchema>[] {
  return [
    {
      id: "ven_roundhouse",
      name: "The Roundhouse",
      location: { type: "Point", coordinates: [-0.1517, 51.5432] },
      capacity: 3300,
      openingHours: [["10:00", "23:00"], ["10:00", "01:00"]],
      accessibility: ["step_free", "hearing_loop"],
      metadata: { source: "ticketmaster", externalId: 991, tags: ["music", "theatre"], verified: true },
      extra: { parking: null, notes: [UNICODE.emoji] },
      photos: ["https://cdn.example.com/v/rh.jpg"],
      lastInspectedAt: DATES.recent(),
    },
    {
      id: "ven_x",
      name: UNICODE.cjk,
      location: { type: "Point", coordinates: [139.7017, -0] },
      capacity: null,
      openingHours: [],
      accessibility: null,
      metadata: null,
      lastInspectedAt: null,
    },
    { id: "ven_y", name: "Pop-up", location: { type: "Point", coordinates: [0, 0] }, capacity: 1, openingHours: [["", ""]], accessibility: [], metadata: "imported 2019", extra: 42, lastInspectedAt: DATES.epoch() },
  ];
}

export const venueEntry = corpusEntry("zod", { name: "Venue", schema: VenueSchema, fields: { name: Index }, samples: sampleVenues });
