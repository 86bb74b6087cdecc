import { z } from "zod";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A chat message (Slack / Discord clone): attachments, reactions as emoji → user ids, mentions.
export const ChatMessageSchema = z.object({
  id: z.uuid(),
  channelId: z.string(),
  authorId: z.string(),
  body: z.string().max(4000),
  mentions: z.array(z.string()),
  attachments: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      width: z.number().int().optional(),
      height: z.number().int().optional(),
    }),
  ),
  reactions: z.record(z.string(), z.array(z.string())),
  // Read receipts: user id → when they read it.
  readBy: z.record(z.string(), z.date()).default({}),
  threadRootId: z.uuid().nullable(),
  editedAt: z.date().optional(),
  deletedAt: z.date().nullable().default(null),
  createdAt: z.date(),
});

export function sampleChatMessages(): z.input<typeof ChatMessageSchema>[] {
  return [
    {
      id: "9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c",
      channelId: "C01",
      authorId: "U01",
      body: `Deploy is green ${UNICODE.emoji} <@U02>`,
      mentions: ["U02"],
      attachments: [{ fileId: "F1", name: "screenshot.png", mimeType: "image/png", sizeBytes: 482_113, width: 2880, height: 1800 }],
      // Emoji keys in the order people reacted: the UI shows them in this order.
      reactions: { "🚀": ["U02", "U03"], "👍🏽": ["U04"], "+1": [], "👩‍👩‍👧": ["U05"] },
      readBy: { U02: DATES.recent(), U01: DATES.leapMillisecond(), U00: DATES.before1970() },
      threadRootId: null,
      createdAt: DATES.recent(),
    },
    {
      id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      channelId: "C01",
      authorId: "U02",
      body: UNICODE.combining,
      mentions: [],
      attachments: [],
      reactions: {},
      threadRootId: "9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c",
      editedAt: DATES.leapMillisecond(),
      createdAt: DATES.recent(),
    },
  ];
}

export const chatMessageEntry = corpusEntry("zod", { name: "ChatMessage", schema: ChatMessageSchema, fields: { channelId: Index }, samples: sampleChatMessages });
