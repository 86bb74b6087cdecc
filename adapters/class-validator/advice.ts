/** The class-validator decorators that say what a property holds, as Ommi's messages name them. */
export const TYPE_DECORATORS = "@IsString(), @IsInt(), @IsNumber(), @IsBoolean(), @IsDate(), @IsEnum(...) or @IsIn([...])";
export const ARRAY_DECORATORS =
  "@IsArray() with a rule for its items (@IsString({ each: true }), @IsInt({ each: true }), ...), or @ValidateNested({ each: true }) with class-transformer's @Type(() => Item)";
export const STRUCTURED_DECORATORS = "@IsArray(), @IsObject(), or @ValidateNested() with class-transformer's @Type(() => TheClass)";
