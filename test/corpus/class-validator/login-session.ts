import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsDate, IsDefined, IsIP, IsOptional, IsString, IsUUID } from "class-validator";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { ABOVE_2_53, DATES } from "../nasty.js";

// A login session: only scalars, a bigint request counter typed by `design:type` (written out: esbuild emits none).
export class LoginSession {
  @Key() @IsUUID() id!: string;
  @IsString() userId!: string;
  @IsDate() @Type(() => Date) expiresAt!: Date;
  @IsOptional() @IsIP() ip?: string;
  @IsOptional() @IsString() userAgent?: string;
  @IsDefined() @Reflect.metadata("design:type", BigInt) requestCount!: bigint;
}

export function sampleLoginSessions(): LoginSession[] {
  return plainToInstance(LoginSession, [
    { id: "5c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", userId: "usr_1", expiresAt: DATES.after2038(), ip: "203.0.113.9", userAgent: "curl/8.5.0", requestCount: ABOVE_2_53 },
    { id: "6c1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", userId: "usr_2", expiresAt: DATES.epoch(), requestCount: 0n },
  ]);
}

export const loginSessionEntry = corpusEntry("class-validator", { name: "LoginSession", schema: LoginSession, samples: sampleLoginSessions });
