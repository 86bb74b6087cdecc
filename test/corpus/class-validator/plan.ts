import "reflect-metadata";
import { plainToInstance } from "class-transformer";
import { IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Min } from "class-validator";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { UNICODE } from "../nasty.js";

// A subscription plan: features as an array of strings.
export class Plan {
  @Key() @IsString() code!: string;
  @IsString() name!: string;
  @IsNumber() @Min(0) amount!: number;
  @IsIn(["month", "year"]) interval!: string;
  @IsArray() @IsString({ each: true }) features!: string[];
  @IsOptional() @IsInt() trialDays?: number;
  @IsBoolean() public!: boolean;
}

export function samplePlans(): Plan[] {
  return plainToInstance(Plan, [
    { code: "pro", name: "Pro", amount: 49, interval: "month", features: ["Unlimited projects", "SSO", "Audit log"], trialDays: 14, public: true },
    { code: "legacy", name: UNICODE.accents, amount: 0, interval: "year", features: [], public: false },
  ]);
}

export const planEntry = corpusEntry("class-validator", { name: "Plan", schema: Plan, samples: samplePlans });
