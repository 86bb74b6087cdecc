import * as v from "valibot";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An issue tracker's issue, its schema describing a stored row: the id is a required plain number.
// Imported issues keep their numbers (given here); new ones would get generated ones.
export const IssueSchema = v.object({
  id: v.number(),
  projectId: v.number(),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  body: v.nullable(v.string()),
  state: v.picklist(["open", "closed"]),
  stateReason: v.nullable(v.picklist(["completed", "not_planned", "reopened"])),
  labels: v.array(v.string()),
  assigneeIds: v.array(v.number()),
  milestone: v.nullable(v.object({ id: v.number(), title: v.string(), dueOn: v.nullable(v.date()) })),
  commentCount: v.optional(v.number(), 0),
  createdAt: v.date(),
  closedAt: v.nullable(v.date()),
});

export function sampleIssues(): v.InferInput<typeof IssueSchema>[] {
  return [
    {
      id: 1347,
      projectId: 1,
      title: "Found a bug",
      body: "I'm having a problem with this.",
      state: "open",
      stateReason: null,
      labels: ["bug", "needs-triage"],
      assigneeIds: [1, 42],
      milestone: { id: 1002604, title: "v1.0", dueOn: new Date("2026-10-09T23:39:01.000Z") },
      commentCount: 12,
      createdAt: DATES.recent(),
      closedAt: null,
    },
    {
      id: 1348,
      projectId: 1,
      title: UNICODE.emoji,
      body: null,
      state: "closed",
      stateReason: "not_planned",
      labels: [],
      assigneeIds: [],
      milestone: null,
      createdAt: DATES.before1970(),
      closedAt: DATES.leapMillisecond(),
    },
  ];
}

export const issueEntry = corpusEntry("valibot", { name: "Issue", schema: IssueSchema, fields: { id: [Key, Auto], projectId: Index }, samples: sampleIssues });
