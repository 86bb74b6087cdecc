import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsDate, IsEmail, IsInt, IsObject, IsOptional, IsString } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A calendar event: attendees' emails with `each: true`, an untyped recurrence rule object.
export class CalendarEvent {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() title!: string;
  @IsDate() @Type(() => Date) startsAt!: Date;
  @IsDate() @Type(() => Date) endsAt!: Date;
  @IsArray() @IsEmail({}, { each: true }) attendees!: string[];
  @IsOptional() @IsString() location?: string;
  @IsOptional() @IsObject() recurrence?: Record<string, unknown>;
  // Occurrences cancelled out of the recurrence (EXDATE).
  @IsOptional() @IsArray() @IsDate({ each: true }) @Type(() => Date) exceptions?: Date[];
}

export function sampleCalendarEvents(): CalendarEvent[] {
  return plainToInstance(CalendarEvent, [
    {
      title: "Standup",
      startsAt: new Date("2025-11-03T09:00:00.000Z"),
      endsAt: new Date("2025-11-03T09:15:00.000Z"),
      attendees: ["ada@example.com", "grace@example.com"],
      location: "Zoom",
      recurrence: { freq: "WEEKLY", byDay: ["MO", "TU", "WE", "TH", "FR"], interval: 1, until: null },
      exceptions: [new Date("2025-12-25T09:00:00.000Z"), new Date("2026-01-01T09:00:00.000Z")],
    },
    { title: UNICODE.emoji, startsAt: DATES.before1970(), endsAt: DATES.epoch(), attendees: [] },
  ]);
}

export const calendarEventEntry = corpusEntry("class-validator", { name: "CalendarEvent", schema: CalendarEvent, samples: sampleCalendarEvents });
