import { Type, type Static } from "typebox";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A Kanban card (Trello-style): fractional position, labels, a checklist of objects.
export const KanbanCardSchema = Type.Object({
  id: Type.String(),
  boardId: Type.String(),
  columnId: Type.String(),
  title: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  position: Type.Number(),
  labels: Type.Array(Type.String()),
  checklist: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), done: Type.Boolean() })),
  assigneeId: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.Union([DateType, Type.Null()]),
  archived: Type.Boolean(),
});

export function sampleKanbanCards(): Static<typeof KanbanCardSchema>[] {
  return [
    {
      id: "card_1",
      boardId: "board_1",
      columnId: "todo",
      title: "Write launch post",
      description: "Draft → review → publish",
      position: 65535.5,
      labels: ["marketing", "P1"],
      checklist: [{ id: "c1", text: "Outline", done: true }, { id: "c2", text: "Screenshots 📸", done: false }],
      assigneeId: "usr_1",
      dueAt: DATES.recent(),
      archived: false,
    },
    { id: "card_2", boardId: "board_1", columnId: "done", title: UNICODE.combining, position: -0, labels: [], checklist: [], assigneeId: null, dueAt: null, archived: true },
    { id: "card_3", boardId: "board_2", columnId: "doing", title: "Tiny gap", position: 1.0000000000000002, labels: ["", " "], checklist: [], assigneeId: null, dueAt: DATES.farFuture(), archived: false },
  ];
}

export const kanbanCardEntry = corpusEntry("typebox", { name: "KanbanCard", schema: KanbanCardSchema, fields: { boardId: Index }, samples: sampleKanbanCards });
