import { Type, type Static } from "typebox";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A survey response: answers keyed by question id, each a string, number, boolean or list of choices.
export const SurveyResponseSchema = Type.Object({
  id: Type.Optional(Type.Integer()),
  surveyId: Type.String(),
  respondentId: Type.Union([Type.String(), Type.Null()]),
  answers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())])),
  durationSeconds: Type.Number(),
  submittedAt: DateType,
});

export function sampleSurveyResponses(): Static<typeof SurveyResponseSchema>[] {
  return [
    { surveyId: "nps-2025", respondentId: "usr_1", answers: { q1: 9, q2: "Love the API", q3: true, q4: ["docs", "speed"] }, durationSeconds: 42.5, submittedAt: DATES.recent() },
    { surveyId: "nps-2025", respondentId: null, answers: {}, durationSeconds: -0, submittedAt: DATES.epoch() },
    { surveyId: "onboarding", respondentId: "usr_2", answers: { q10: UNICODE.emoji, q2: 0, q1: [], "q-x": false }, durationSeconds: 3600, submittedAt: DATES.leapMillisecond() },
  ];
}

export const surveyResponseEntry = corpusEntry("typebox", { name: "SurveyResponse", schema: SurveyResponseSchema, fields: { id: [Key, Auto], surveyId: Index }, samples: sampleSurveyResponses });
