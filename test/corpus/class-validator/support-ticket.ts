import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { ArrayMaxSize, IsArray, IsDate, IsEmail, IsIn, IsOptional, IsString, ValidateNested } from "class-validator";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

export class Contact {
  @IsString() name!: string;
  @IsEmail() email!: string;
  @IsOptional() @IsString() phone?: string;
}

// A help-desk ticket: requester and assignee as nested objects, tags with a size limit.
export class SupportTicket {
  @Key() @IsString() reference!: string;
  @IsString() subject!: string;
  @IsIn(["low", "normal", "high", "urgent"]) priority!: string;
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) tags!: string[];
  @ValidateNested() @Type(() => Contact) requester!: Contact;
  @IsOptional() @ValidateNested() @Type(() => Contact) assignee?: Contact;
  @IsDate() @Type(() => Date) openedAt!: Date;
}

export function sampleSupportTickets(): SupportTicket[] {
  return plainToInstance(SupportTicket, [
    {
      reference: "TCK-1",
      subject: "Cannot log in",
      priority: "high",
      tags: ["auth", "sso"],
      requester: { name: "Ada", email: "ada@example.com", phone: "+44 20 7946 0000" },
      assignee: { name: "Grace", email: "grace@example.com" },
      openedAt: DATES.recent(),
    },
    { reference: "TCK-2", subject: UNICODE.quotes, priority: "low", tags: [], requester: { name: UNICODE.rtl, email: "user@example.org" }, openedAt: DATES.epoch() },
  ]);
}

export const supportTicketEntry = corpusEntry("class-validator", { name: "SupportTicket", schema: SupportTicket, samples: sampleSupportTickets });
