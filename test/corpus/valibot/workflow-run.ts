import * as v from "valibot";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A CI workflow run: inputs of any type, steps with optional outputs of any type.
export const WorkflowRunSchema = v.object({
  id: v.optional(v.number()),
  workflowId: v.string(),
  runNumber: v.pipe(v.number(), v.integer()),
  trigger: v.picklist(["push", "pull_request", "schedule", "workflow_dispatch"]),
  status: v.picklist(["queued", "in_progress", "completed"]),
  conclusion: v.nullable(v.picklist(["success", "failure", "cancelled", "skipped"])),
  inputs: v.record(v.string(), v.any()),
  steps: v.array(
    v.object({
      name: v.string(),
      status: v.picklist(["pending", "running", "passed", "failed", "skipped"]),
      startedAt: v.optional(v.date()),
      durationMs: v.nullable(v.number()),
      output: v.optional(v.unknown()),
    }),
  ),
  headSha: v.pipe(v.string(), v.hexadecimal(), v.length(40)),
  startedAt: v.date(),
  finishedAt: v.nullable(v.date()),
});

export function sampleWorkflowRuns(): v.InferInput<typeof WorkflowRunSchema>[] {
  return [
    {
      workflowId: "ci.yml",
      runNumber: 812,
      trigger: "push",
      status: "completed",
      conclusion: "success",
      inputs: {},
      steps: [
        { name: "checkout", status: "passed", startedAt: DATES.recent(), durationMs: 812.5, output: { ref: "refs/heads/main" } },
        { name: "test", status: "passed", startedAt: DATES.recent(), durationMs: 61_000, output: ["1200 passed", "0 failed"] },
        { name: "deploy", status: "skipped", durationMs: null },
      ],
      headSha: "6dcb09b5b57875f334f61aebed695e2e4193db5e",
      startedAt: DATES.recent(),
      finishedAt: DATES.recent(),
    },
    {
      workflowId: "release.yml",
      runNumber: 3,
      trigger: "workflow_dispatch",
      status: "in_progress",
      conclusion: null,
      inputs: { version: "2.0.0-rc.1", dryRun: true, targets: ["npm", "docker"], notes: UNICODE.emoji, retries: 0, nothing: null, weights: { b: 2, a: 1 } },
      steps: [{ name: "build", status: "running", startedAt: DATES.recent(), durationMs: null, output: null }],
      headSha: "0000000000000000000000000000000000000000",
      startedAt: DATES.recent(),
      finishedAt: null,
    },
  ];
}

export const workflowRunEntry = corpusEntry("valibot", { name: "WorkflowRun", schema: WorkflowRunSchema, fields: { id: [Key, Auto] }, samples: sampleWorkflowRuns });
