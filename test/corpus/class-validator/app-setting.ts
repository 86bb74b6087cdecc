import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsDate, IsDefined, IsIn, IsString } from "class-validator";
import { Key, Stored } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A key-value setting whose value is any JSON. TypeScript's `unknown` gives no type to go on: the
// ModelError says to name the stored type, and the author does (@Stored.json()).
export class AppSetting {
  @Key() @IsString() key!: string;
  @IsIn(["global", "tenant"]) scope!: string;
  @IsDefined() @Stored.json() value!: unknown;
  @IsDate() @Type(() => Date) updatedAt!: Date;
}

export function sampleAppSettings(): AppSetting[] {
  return plainToInstance(AppSetting, [
    { key: "maintenance", scope: "global", value: false, updatedAt: DATES.recent() },
    { key: "banner", scope: "tenant", value: { text: UNICODE.emoji, until: null, links: ["/status"] }, updatedAt: DATES.epoch() },
    { key: "limits", scope: "tenant", value: [10, 100, -0], updatedAt: DATES.leapMillisecond() },
  ]);
}

export const appSettingEntry = corpusEntry("class-validator", { name: "AppSetting", schema: AppSetting, samples: sampleAppSettings });
