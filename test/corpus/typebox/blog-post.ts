import { Type, type Static } from "typebox";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A blog post: tags and author ids as arrays of scalars.
export const BlogPostSchema = Type.Object({
  id: Type.Optional(Type.Number()),
  slug: Type.String(),
  title: Type.String(),
  excerpt: Type.Optional(Type.String()),
  body: Type.String(),
  tags: Type.Array(Type.String()),
  authorIds: Type.Array(Type.Number()),
  readingTimeMinutes: Type.Number(),
  draft: Type.Boolean(),
  publishedAt: Type.Union([DateType, Type.Null()]),
});

export function sampleBlogPosts(): Static<typeof BlogPostSchema>[] {
  return [
    { slug: "hello-world", title: "Hello, world", excerpt: "Our first post", body: "# Hello\n\nWelcome!", tags: ["announcements", "meta"], authorIds: [1, 2], readingTimeMinutes: 1.5, draft: false, publishedAt: DATES.recent() },
    { slug: "draft", title: UNICODE.astral, body: "", tags: [], authorIds: [], readingTimeMinutes: -0, draft: true, publishedAt: null },
    { slug: "numbers", title: "Numbers", body: UNICODE.quotes, tags: ["数学", "math", "math"], authorIds: [9_007_199_254_740_991, -1, 0.5], readingTimeMinutes: 1e-9, draft: false, publishedAt: DATES.before1970() },
  ];
}

export const blogPostEntry = corpusEntry("typebox", { name: "BlogPost", schema: BlogPostSchema, fields: { id: [Key, Auto], slug: Unique }, samples: sampleBlogPosts });
