import * as v from "valibot";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A code-hosting repository: the owner as a nested object, topics as an array.
export const RepositorySchema = v.object({
  id: v.optional(v.number()),
  owner: v.object({ login: v.string(), id: v.number(), type: v.picklist(["User", "Organization"]), siteAdmin: v.optional(v.boolean(), false) }),
  name: v.pipe(v.string(), v.regex(/^[\w.-]+$/)),
  fullName: v.string(),
  description: v.nullable(v.string()),
  private: v.boolean(),
  fork: v.boolean(),
  topics: v.array(v.string()),
  defaultBranch: v.optional(v.string(), "main"),
  license: v.nullable(v.object({ key: v.string(), spdxId: v.nullable(v.string()) })),
  stargazersCount: v.pipe(v.number(), v.integer()),
  sizeKb: v.number(),
  pushedAt: v.nullable(v.date()),
  createdAt: v.date(),
});

export function sampleRepositories(): v.InferInput<typeof RepositorySchema>[] {
  return [
    {
      owner: { login: "octocat", id: 1, type: "User" },
      name: "Hello-World",
      fullName: "octocat/Hello-World",
      description: "My first repository on GitHub!",
      private: false,
      fork: false,
      topics: ["octocat", "atom", "electron", "api"],
      license: { key: "mit", spdxId: "MIT" },
      stargazersCount: 80,
      sizeKb: 108,
      pushedAt: new Date("2011-01-26T19:06:43.000Z"),
      createdAt: new Date("2011-01-26T19:01:12.000Z"),
    },
    {
      owner: { login: "acme-corp", id: 9_007_199_254_740_991, type: "Organization", siteAdmin: true },
      name: "internal.tools",
      fullName: "acme-corp/internal.tools",
      description: UNICODE.cjk,
      private: true,
      fork: true,
      topics: [],
      defaultBranch: "trunk",
      license: { key: "other", spdxId: null },
      stargazersCount: 0,
      sizeKb: -0,
      pushedAt: null,
      createdAt: DATES.epoch(),
    },
  ];
}

export const repositoryEntry = corpusEntry("valibot", { name: "Repository", schema: RepositorySchema, fields: { id: [Key, Auto] }, samples: sampleRepositories });
