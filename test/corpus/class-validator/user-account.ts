import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsBoolean, IsDate, IsEmail, IsIn, IsNumber, IsOptional, IsString, IsUrl, Length } from "class-validator";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A NestJS-style user entity: a plain-number id, roles validated with `each: true`.
export class UserAccount {
  @Key() @Auto() @IsOptional() @IsNumber() id?: number;
  @Unique() @IsEmail() email!: string;
  @IsString() @Length(1, 80) name!: string;
  @IsArray() @IsIn(["admin", "editor", "viewer"], { each: true }) roles!: string[];
  @IsOptional() @IsUrl() avatarUrl?: string;
  @IsBoolean() isActive!: boolean;
  @IsDate() @Type(() => Date) createdAt!: Date;
}

export function sampleUserAccounts(): UserAccount[] {
  return plainToInstance(UserAccount, [
    { email: "ada@example.com", name: "Ada", roles: ["admin", "editor"], avatarUrl: "https://cdn.example.com/ada.png", isActive: true, createdAt: DATES.recent() },
    { email: "zoe@example.org", name: UNICODE.accents, roles: [], isActive: false, createdAt: DATES.before1970() },
    { email: "emoji@example.net", name: UNICODE.emoji, roles: ["viewer"], isActive: true, createdAt: DATES.epoch() },
  ]);
}

export const userAccountEntry = corpusEntry("class-validator", { name: "UserAccount", schema: UserAccount, samples: sampleUserAccounts });
