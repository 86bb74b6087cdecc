import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsDate, IsInt, IsMimeType, IsOptional, IsString, IsUUID, ValidateNested } from "class-validator";
import { Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

export class MessageAttachment {
  @IsString() url!: string;
  @IsMimeType() mimeType!: string;
  @IsInt() size!: number;
}

// A chat message: mentions with `each: true`, optional nested attachments.
export class ChannelMessage {
  @Key() @IsUUID() id!: string;
  @Index() @IsString() channelId!: string;
  @IsString() text!: string;
  @IsArray() @IsString({ each: true }) mentions!: string[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MessageAttachment) attachments?: MessageAttachment[];
  @IsDate() @Type(() => Date) sentAt!: Date;
}

export function sampleChannelMessages(): ChannelMessage[] {
  return plainToInstance(ChannelMessage, [
    { id: "2c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", channelId: "general", text: "Hello @ada", mentions: ["ada"], attachments: [{ url: "https://files.example.com/1.png", mimeType: "image/png", size: 1024 }], sentAt: DATES.recent() },
    { id: "3c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", channelId: "general", text: UNICODE.combining, mentions: [], sentAt: DATES.recent() },
    { id: "4c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", channelId: "random", text: "", mentions: ["a", "a"], attachments: [], sentAt: DATES.before1970() },
  ]);
}

export const channelMessageEntry = corpusEntry("class-validator", { name: "ChannelMessage", schema: ChannelMessage, samples: sampleChannelMessages });
