import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsBoolean, IsDate, IsEmail, IsInt, IsNumber, IsOptional, IsString } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An HR employee record: only scalars.
export class Employee {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() firstName!: string;
  @IsString() lastName!: string;
  @IsEmail() email!: string;
  @IsOptional() @IsString() department?: string;
  @IsNumber() salary!: number;
  @IsBoolean() remote!: boolean;
  @IsDate() @Type(() => Date) hiredAt!: Date;
}

export function sampleEmployees(): Employee[] {
  return plainToInstance(Employee, [
    { firstName: "Grace", lastName: "Hopper", email: "grace@example.com", department: "Engineering", salary: 185000.5, remote: false, hiredAt: DATES.before1970() },
    { firstName: UNICODE.cjk, lastName: UNICODE.accents, email: "yamada@example.jp", salary: -0, remote: true, hiredAt: DATES.recent() },
  ]);
}

export const employeeEntry = corpusEntry("class-validator", { name: "Employee", schema: Employee, samples: sampleEmployees });
