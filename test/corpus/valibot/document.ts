import * as v from "valibot";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A rich-text document whose body is a JSON value (a Tiptap / ProseMirror document saved as JSON),
// typed with the recursive JSON schema from Valibot's guide.
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const JsonSchema: v.GenericSchema<Json> = v.lazy(() =>
  v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(JsonSchema), v.record(v.string(), JsonSchema)]),
);

export const DocumentSchema = v.object({
  id: v.optional(v.number()),
  workspaceId: v.string(),
  title: v.string(),
  body: JsonSchema,
  wordCount: v.pipe(v.number(), v.integer()),
  collaborators: v.array(v.string()),
  lockedBy: v.nullable(v.string()),
  updatedAt: v.date(),
});

export function sampleDocuments(): v.InferInput<typeof DocumentSchema>[] {
  return [
    {
      workspaceId: "ws_1",
      title: "Meeting notes",
      body: {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Agenda" }] },
          { type: "paragraph", content: [{ type: "text", marks: [{ type: "bold" }], text: UNICODE.emoji }, { type: "text", text: " and more" }] },
          { type: "bulletList", content: [] },
        ],
      },
      wordCount: 4,
      collaborators: ["usr_1", "usr_2"],
      lockedBy: null,
      updatedAt: DATES.recent(),
    },
    { workspaceId: "ws_2", title: "", body: null, wordCount: 0, collaborators: [], lockedBy: "usr_3", updatedAt: DATES.epoch() },
    { workspaceId: "ws_2", title: "Plain", body: [UNICODE.rtl, -0, 1e21, [], {}], wordCount: 2, collaborators: ["usr_1"], lockedBy: null, updatedAt: DATES.leapMillisecond() },
  ];
}

export const documentEntry = corpusEntry("valibot", { name: "Document", schema: DocumentSchema, fields: { id: [Key, Auto] }, samples: sampleDocuments });
