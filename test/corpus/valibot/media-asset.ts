import * as v from "valibot";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { allBytes, DATES } from "../nasty.js";

// An uploaded image: a small preview kept inline as bytes.
export const MediaAssetSchema = v.object({
  id: v.optional(v.number()),
  ownerId: v.string(),
  mimeType: v.picklist(["image/png", "image/jpeg", "image/webp", "image/avif"]),
  width: v.pipe(v.number(), v.integer()),
  height: v.pipe(v.number(), v.integer()),
  preview: v.instance(Uint8Array),
  blurhash: v.nullable(v.string()),
  altText: v.optional(v.string(), ""),
  createdAt: v.date(),
});

export function sampleMediaAssets(): v.InferInput<typeof MediaAssetSchema>[] {
  return [
    { ownerId: "usr_1", mimeType: "image/png", width: 16, height: 16, preview: allBytes(), blurhash: "LEHV6nWB2yk8pyo0adR*.7kCMdnj", createdAt: DATES.recent() },
    { ownerId: "usr_1", mimeType: "image/webp", width: 1, height: 1, preview: new Uint8Array(0), blurhash: null, altText: "Pixel ✨", createdAt: DATES.epoch() },
    { ownerId: "usr_2", mimeType: "image/avif", width: 4000, height: 3000, preview: Buffer.from([0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70]), blurhash: null, createdAt: DATES.before1970() },
  ];
}

export const mediaAssetEntry = corpusEntry("valibot", { name: "MediaAsset", schema: MediaAssetSchema, fields: { id: [Key, Auto] }, samples: sampleMediaAssets });
