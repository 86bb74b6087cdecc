import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsDate, IsDefined, IsIn, IsInt, IsOptional, IsString } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, digest } from "../nasty.js";

// A personal access token: scopes with `each: true`, the token's hash as a Buffer. class-validator has
// no bytes decorator: the type comes from `design:type` (Buffer), which tsc emits and is written out here.
export class AccessToken {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() name!: string;
  @IsArray() @IsIn(["repo", "read:user", "workflow", "admin:org"], { each: true }) scopes!: string[];
  @IsDefined() @Reflect.metadata("design:type", Buffer) tokenHash!: Buffer;
  @IsOptional() @IsDate() @Type(() => Date) expiresAt?: Date;
}

export function sampleAccessTokens(): AccessToken[] {
  return plainToInstance(AccessToken, [
    { name: "laptop", scopes: ["repo", "workflow"], tokenHash: Buffer.from(digest(7)), expiresAt: DATES.after2038() },
    { name: "ci", scopes: [], tokenHash: Buffer.alloc(0) },
  ]);
}

export const accessTokenEntry = corpusEntry("class-validator", { name: "AccessToken", schema: AccessToken, samples: sampleAccessTokens });
