import { Type, type Static } from "typebox";
import { Index } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";
import { DateType } from "./types.js";

// A reservation: only scalars.
export const BookingSchema = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  userId: Type.String(),
  startsAt: DateType,
  endsAt: DateType,
  partySize: Type.Integer({ minimum: 1 }),
  status: Type.Enum(["pending", "confirmed", "cancelled", "no_show"]),
  depositCents: Type.Union([Type.Integer(), Type.Null()]),
  notes: Type.Optional(Type.String()),
});

export function sampleBookings(): Static<typeof BookingSchema>[] {
  return [
    { id: "bk_1", resourceId: "table_4", userId: "usr_1", startsAt: new Date("2025-12-24T18:30:00.000Z"), endsAt: new Date("2025-12-24T20:30:00.000Z"), partySize: 4, status: "confirmed", depositCents: 2000, notes: "Window seat 🎄" },
    { id: "bk_2", resourceId: "room_a", userId: "usr_2", startsAt: DATES.before1970(), endsAt: DATES.epoch(), partySize: 1, status: "no_show", depositCents: null },
    { id: "bk_3", resourceId: "room_b", userId: "usr_3", startsAt: DATES.after2038(), endsAt: DATES.farFuture(), partySize: 12, status: "pending", depositCents: 0, notes: UNICODE.rtl },
  ];
}

export const bookingEntry = corpusEntry("typebox", { name: "Booking", schema: BookingSchema, fields: { resourceId: Index }, samples: sampleBookings });
