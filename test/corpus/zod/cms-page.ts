import { z } from "zod";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A headless-CMS page: content blocks as a discriminated union, SEO fields as a nested object.
const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heading"), level: z.number().int().min(1).max(6), text: z.string() }),
  z.object({ type: z.literal("paragraph"), text: z.string() }),
  z.object({ type: z.literal("image"), src: z.url(), alt: z.string(), caption: z.string().nullable() }),
  z.object({ type: z.literal("quote"), text: z.string(), cite: z.string().optional() }),
  z.object({ type: z.literal("embed"), provider: z.enum(["youtube", "vimeo", "twitter"]), url: z.url() }),
]);

export const CmsPageSchema = z.object({
  id: z.uuid().optional(),
  slug: z.string(),
  locale: z.string().default("en"),
  title: z.string(),
  status: z.enum(["draft", "review", "published", "archived"]),
  blocks: z.array(Block),
  seo: z.object({
    title: z.string().max(70).optional(),
    description: z.string().max(160).optional(),
    noIndex: z.boolean().default(false),
    canonicalUrl: z.url().nullable().default(null),
  }),
  authorIds: z.array(z.string()).min(1),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export function sampleCmsPages(): z.input<typeof CmsPageSchema>[] {
  return [
    {
      slug: "about",
      title: "About us",
      status: "published",
      blocks: [
        { type: "heading", level: 1, text: "About us" },
        { type: "paragraph", text: "We make tools for people who make things." },
        { type: "image", src: "https://cdn.example.com/team.jpg", alt: "The team", caption: null },
        { type: "quote", text: UNICODE.quotes, cite: "Grace Hopper" },
      ],
      seo: { title: "About — Example", description: "Who we are" },
      authorIds: ["usr_1"],
      publishedAt: DATES.recent(),
      updatedAt: DATES.recent(),
    },
    {
      slug: "مرحبا",
      locale: "ar",
      title: UNICODE.rtl,
      status: "draft",
      blocks: [],
      seo: { noIndex: true, canonicalUrl: "https://example.com/ar/" },
      authorIds: ["usr_2", "usr_3"],
      publishedAt: null,
      updatedAt: DATES.before1970(),
    },
    {
      slug: "launch",
      title: "Launch",
      status: "review",
      blocks: [{ type: "embed", provider: "youtube", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }, { type: "paragraph", text: "" }],
      seo: {},
      authorIds: ["usr_1"],
      publishedAt: null,
      updatedAt: DATES.after2038(),
    },
  ];
}

export const cmsPageEntry = corpusEntry("zod", { name: "CmsPage", schema: CmsPageSchema, fields: { id: [Key, Auto], slug: Unique }, samples: sampleCmsPages });
