import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsDate, IsInt, IsIP, IsObject, IsOptional, IsString } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An audit entry: the diff is an untyped object (@IsObject), as most audit tables keep it.
export class AuditEntry {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() actor!: string;
  @IsString() action!: string;
  @IsString() entity!: string;
  @IsObject() diff!: Record<string, unknown>;
  @IsOptional() @IsIP() ip?: string;
  @IsDate() @Type(() => Date) createdAt!: Date;
}

export function sampleAuditEntries(): AuditEntry[] {
  return plainToInstance(AuditEntry, [
    { actor: "usr_1", action: "update", entity: "invoice:42", diff: { status: ["draft", "open"], total: [100, 120.5], lines: { added: [{ sku: "A" }], removed: [] } }, ip: "10.0.0.1", createdAt: DATES.recent() },
    { actor: "system", action: "purge", entity: "session:*", diff: {}, createdAt: DATES.epoch() },
    { actor: "usr_2", action: "rename", entity: "team:7", diff: { name: [UNICODE.emoji, UNICODE.cjk], deleted: [null, true], score: [-0, 0] }, ip: "2001:db8::2", createdAt: DATES.leapMillisecond() },
  ]);
}

export const auditEntryEntry = corpusEntry("class-validator", { name: "AuditEntry", schema: AuditEntry, samples: sampleAuditEntries });
