import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsBoolean, IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// A product review: only scalars.
export class ProductReview {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @Index() @IsString() productId!: string;
  @IsInt() @Min(1) @Max(5) rating!: number;
  @IsString() @MaxLength(120) title!: string;
  @IsOptional() @IsString() body?: string;
  @IsBoolean() verifiedPurchase!: boolean;
  @IsDate() @Type(() => Date) createdAt!: Date;
}

export function sampleProductReviews(): ProductReview[] {
  return plainToInstance(ProductReview, [
    { productId: "prod_1", rating: 5, title: "Perfect", body: "Does what it says 👍", verifiedPurchase: true, createdAt: DATES.recent() },
    { productId: "prod_1", rating: 1, title: UNICODE.rtl, verifiedPurchase: false, createdAt: DATES.epoch() },
  ]);
}

export const productReviewEntry = corpusEntry("class-validator", { name: "ProductReview", schema: ProductReview, samples: sampleProductReviews });
