import { z } from "zod";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// The JSON type from Zod's own docs: any value JSON can hold, recursively.
type Literal = string | number | boolean | null;
type Json = Literal | { [key: string]: Json } | Json[];
const literalSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const jsonSchema: z.ZodType<Json> = z.lazy(() => z.union([literalSchema, z.array(jsonSchema), z.record(z.string(), jsonSchema)]));

// An in-app notification: the template's data is arbitrary JSON.
export const NotificationSchema = z.object({
  id: z.number().int().optional(),
  userId: z.string(),
  channel: z.enum(["in_app", "email", "push", "sms"]),
  template: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  data: jsonSchema,
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export function sampleNotifications(): z.input<typeof NotificationSchema>[] {
  return [
    {
      userId: "usr_1",
      channel: "in_app",
      template: "comment.created",
      title: "New comment",
      body: "Grace replied to your comment",
      data: { commentId: "cmt_1", url: "/p/1#cmt_1", preview: UNICODE.emoji, counts: { replies: 3, likes: 0 } },
      readAt: null,
      createdAt: DATES.recent(),
    },
    { userId: "usr_1", channel: "push", template: "digest", title: UNICODE.rtl, body: null, data: [1, "two", [3.5, -0], { four: null }, true], readAt: DATES.recent(), createdAt: DATES.recent() },
    { userId: "usr_2", channel: "email", template: "ping", title: "Ping", body: "", data: null, readAt: null, createdAt: DATES.epoch() },
    { userId: "usr_2", channel: "sms", template: "code", title: "Code", body: "Your code", data: "123456", readAt: null, createdAt: DATES.epoch() },
  ];
}

export const notificationEntry = corpusEntry("zod", { name: "Notification", schema: NotificationSchema, fields: { id: [Key, Auto], userId: Index }, samples: sampleNotifications });
