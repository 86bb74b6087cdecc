import * as v from "valibot";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A blog comment: threaded by parent id, mentions as an array of user names.
export const CommentSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  postId: v.string(),
  authorId: v.string(),
  parentId: v.nullable(v.pipe(v.string(), v.uuid())),
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000)),
  mentions: v.array(v.string()),
  upvotes: v.optional(v.pipe(v.number(), v.integer()), 0),
  flagged: v.optional(v.boolean(), false),
  createdAt: v.date(),
  editedAt: v.optional(v.date()),
});

export function sampleComments(): v.InferInput<typeof CommentSchema>[] {
  return [
    { id: "5f1d7e3a-8a5b-4b6c-9d0e-1f2a3b4c5d6e", postId: "post_1", authorId: "usr_1", parentId: null, body: "Great write-up! @zoe", mentions: ["zoe"], createdAt: DATES.recent() },
    {
      id: "6a1d7e3a-8a5b-4b6c-9d0e-1f2a3b4c5d6e",
      postId: "post_1",
      authorId: "usr_2",
      parentId: "5f1d7e3a-8a5b-4b6c-9d0e-1f2a3b4c5d6e",
      body: `${UNICODE.rtl} ${UNICODE.astral}`,
      mentions: [],
      upvotes: -3,
      flagged: true,
      createdAt: DATES.recent(),
      editedAt: DATES.leapMillisecond(),
    },
  ];
}

export const commentEntry = corpusEntry("valibot", { name: "Comment", schema: CommentSchema, fields: { postId: Index }, samples: sampleComments });
