import { z } from "zod";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// Columns every table of the project has, shared by extending this schema.
const Timestamps = z.object({ createdAt: z.date().default(() => new Date()), updatedAt: z.date() });

// A catalogue product: tags, free-form attributes (a string record), images as objects.
export const ProductSchema = Timestamps.extend({
  id: z.number().int().optional(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  description: z.string().nullable(),
  priceCents: z.number().int().nonnegative(),
  compareAtPriceCents: z.number().int().nonnegative().nullable(),
  weightGrams: z.number().nonnegative().optional(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  images: z.array(
    z.object({
      url: z.url(),
      alt: z.string().optional(),
      width: z.number().int(),
      height: z.number().int(),
    }),
  ),
  published: z.boolean().default(false),
});

export function sampleProducts(): z.input<typeof ProductSchema>[] {
  return [
    {
      slug: "linen-shirt",
      title: "Linen shirt",
      description: "Breathable, relaxed fit.",
      priceCents: 5900,
      compareAtPriceCents: null,
      weightGrams: 180.5,
      tags: ["summer", "linen", "shirts"],
      // Key order matters to people reading the JSON: size first, then colour, as entered.
      attributes: { size: "M", colour: "Sand", material: "100% linen" },
      images: [{ url: "https://cdn.example.com/p/linen-1.jpg", alt: "Front", width: 1200, height: 1600 }, { url: "https://cdn.example.com/p/linen-2.jpg", width: 1200, height: 1600 }],
      published: true,
      createdAt: DATES.before1970(),
      updatedAt: new Date("2025-06-01T10:00:00.000Z"),
    },
    {
      slug: "gift-card",
      title: UNICODE.emoji,
      description: null,
      priceCents: 0,
      compareAtPriceCents: 0,
      tags: [],
      attributes: {},
      images: [],
      updatedAt: new Date("2025-06-02T00:00:00.001Z"),
    },
    {
      slug: "cafe-mug",
      title: UNICODE.combining,
      description: UNICODE.rtl,
      priceCents: 1250,
      compareAtPriceCents: 1500,
      weightGrams: -0,
      tags: ["Café", "cafe\u0301", "", "🍵"],
      attributes: { zeta: "last letter", alpha: "first letter", Mu: "capital", "": "empty key", "with.dot": "a.b", "ünï": "codé" },
      images: [{ url: "https://cdn.example.com/p/mug.png", alt: "", width: 0, height: 0 }],
      updatedAt: new Date("2025-06-03T23:59:59.999Z"),
    },
  ];
}

export const productEntry = corpusEntry("zod", { name: "Product", schema: ProductSchema, fields: { id: [Key, Auto], slug: Unique }, samples: sampleProducts });
