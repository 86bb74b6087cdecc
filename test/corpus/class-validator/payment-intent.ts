import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsDate, IsIn, IsInt, IsISO4217CurrencyCode, IsObject, IsOptional, IsUUID, Min } from "class-validator";
import { Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A payment intent with optional free-form metadata (@IsObject).
export class PaymentIntent {
  @Key() @IsUUID() id!: string;
  @IsInt() @Min(0) amount!: number;
  @IsISO4217CurrencyCode() currency!: string;
  @IsIn(["requires_confirmation", "processing", "succeeded", "canceled"]) status!: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  @IsDate() @Type(() => Date) createdAt!: Date;
}

export function samplePaymentIntents(): PaymentIntent[] {
  return plainToInstance(PaymentIntent, [
    { id: "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", amount: 1999, currency: "USD", status: "succeeded", metadata: { orderId: "ord_1", attempt: 2, tags: ["web"], nested: { ok: true } }, createdAt: DATES.recent() },
    { id: "0f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", amount: 0, currency: "JPY", status: "canceled", createdAt: DATES.epoch() },
    { id: "1f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", amount: 5, currency: "EUR", status: "processing", metadata: { note: UNICODE.emoji, zero: -0, none: null, b: 1, a: 2 }, createdAt: DATES.leapMillisecond() },
  ]);
}

export const paymentIntentEntry = corpusEntry("class-validator", { name: "PaymentIntent", schema: PaymentIntent, samples: samplePaymentIntents });
