import "reflect-metadata";
import { plainToInstance } from "class-transformer";
import { IsArray, IsInt, IsNumber, IsObject, IsOptional, IsString, Min } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { UNICODE } from "../nasty.js";

// A catalogue item: tags with `each: true`, attributes as an untyped object (@IsObject).
export class CatalogItem {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string;
  @IsNumber() @Min(0) price!: number;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @IsObject() attributes!: Record<string, string>;
  @IsInt() stock!: number;
}

export function sampleCatalogItems(): CatalogItem[] {
  return plainToInstance(CatalogItem, [
    { name: "Desk lamp", description: "Warm white LED", price: 39.5, tags: ["lighting", "office"], attributes: { colour: "black", wattage: "8W", base: "E27" }, stock: 12 },
    { name: UNICODE.emoji, price: 0, tags: [], attributes: {}, stock: 0 },
    { name: "Keys", price: -0, tags: ["ä", "a\u0308"], attributes: { zulu: "z", alpha: "a", "": "empty" }, stock: -5 },
  ]);
}

export const catalogItemEntry = corpusEntry("class-validator", { name: "CatalogItem", schema: CatalogItem, samples: sampleCatalogItems });
