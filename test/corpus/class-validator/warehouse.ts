import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsBoolean, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, ValidateNested } from "class-validator";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { UNICODE } from "../nasty.js";

export class GeoPoint {
  @IsLatitude() lat!: number;
  @IsLongitude() lng!: number;
}

export class StorageBin {
  @IsString() code!: string;
  @IsInt() capacity!: number;
  @IsArray() @IsString({ each: true }) skus!: string[];
}

// A warehouse: a nested location and an array of nested bins, each with its own array.
export class Warehouse {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @Unique() @IsString() code!: string;
  @IsString() name!: string;
  @ValidateNested() @Type(() => GeoPoint) location!: GeoPoint;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StorageBin) bins!: StorageBin[];
  @IsBoolean() active!: boolean;
}

export function sampleWarehouses(): Warehouse[] {
  return plainToInstance(Warehouse, [
    {
      code: "AKL-1",
      name: "Auckland DC",
      location: { lat: -36.8485, lng: 174.7633 },
      bins: [{ code: "A-01", capacity: 100, skus: ["BK-001", "PN-77"] }, { code: "A-02", capacity: 0, skus: [] }],
      active: true,
    },
    { code: "NUL-0", name: UNICODE.zeroWidth, location: { lat: -0, lng: 0 }, bins: [], active: false },
  ]);
}

export const warehouseEntry = corpusEntry("class-validator", { name: "Warehouse", schema: Warehouse, samples: sampleWarehouses });
