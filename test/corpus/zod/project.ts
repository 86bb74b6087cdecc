import { z } from "zod";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// Settings as recursive JSON (the common "JSON column" recipe), plus members and labels.
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

export const ProjectSchema = z.object({
  id: z.number().int().optional(),
  organizationId: z.string(),
  name: z.string().min(1),
  key: z.string().regex(/^[A-Z]{2,10}$/),
  visibility: z.enum(["private", "internal", "public"]).default("private"),
  settings: z.record(z.string(), JsonValueSchema),
  labels: z.array(z.object({ name: z.string(), color: z.string().regex(/^#[0-9a-f]{6}$/i) })),
  memberIds: z.array(z.string()),
  archived: z.boolean().default(false),
  createdAt: z.date(),
});

export function sampleProjects(): z.input<typeof ProjectSchema>[] {
  return [
    {
      organizationId: "org_1",
      name: "Website relaunch",
      key: "WEB",
      settings: { defaultAssignee: null, workflow: { states: ["todo", "doing", "done"], wipLimit: 3 }, notifications: { slack: true, email: false } },
      labels: [{ name: "bug", color: "#d73a4a" }, { name: "good first issue", color: "#7057FF" }],
      memberIds: ["usr_1", "usr_2"],
      createdAt: DATES.recent(),
    },
    {
      organizationId: "org_2",
      name: UNICODE.astral,
      key: "ZZ",
      visibility: "public",
      settings: {},
      labels: [],
      memberIds: [],
      archived: true,
      createdAt: DATES.before1970(),
    },
    {
      organizationId: "org_2",
      name: "Keys",
      key: "KEYS",
      settings: { "z-last": 1, "a-first": 2, "m-middle": [{ b: 1, a: 2 }], estimate: -0, ratio: 0.1 + 0.2 },
      labels: [{ name: UNICODE.emoji, color: "#000000" }],
      memberIds: ["usr_3"],
      createdAt: DATES.leapMillisecond(),
    },
  ];
}

export const projectEntry = corpusEntry("zod", { name: "Project", schema: ProjectSchema, fields: { id: [Key, Auto] }, samples: sampleProjects });
