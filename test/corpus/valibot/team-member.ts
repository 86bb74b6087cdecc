import * as v from "valibot";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES } from "../nasty.js";

// A team membership, keyed by (team, user): only scalars.
export const TeamMemberSchema = v.object({
  teamId: v.string(),
  userId: v.string(),
  role: v.picklist(["owner", "maintainer", "member", "guest"]),
  invitedBy: v.nullable(v.string()),
  joinedAt: v.date(),
  lastActiveAt: v.nullish(v.date()),
});

export function sampleTeamMembers(): v.InferInput<typeof TeamMemberSchema>[] {
  return [
    { teamId: "team_1", userId: "usr_1", role: "owner", invitedBy: null, joinedAt: DATES.recent(), lastActiveAt: DATES.recent() },
    { teamId: "team_1", userId: "usr_2", role: "guest", invitedBy: "usr_1", joinedAt: DATES.before1970(), lastActiveAt: null },
    { teamId: "team_2", userId: "usr_1", role: "member", invitedBy: "usr_9", joinedAt: DATES.epoch() },
  ];
}

export const teamMemberEntry = corpusEntry("valibot", { name: "TeamMember", schema: TeamMemberSchema, fields: { teamId: Key, userId: Key }, samples: sampleTeamMembers });
