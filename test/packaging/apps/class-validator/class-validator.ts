// class-validator on SQLite: rows are instances of the class.
import "reflect-metadata";
import { IsInt, IsOptional, IsString, Min } from "class-validator";
import { Auto, Key, Ommi, model, type RowOf } from "ommi";
import { SQLiteDriver } from "ommi/sqlite";

class Employee {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() name!: string;
  @IsInt() @Min(0) grade!: number;
}

const Employees = model(Employee, { name: "ClassEmployee" });
const db = new Ommi(await SQLiteDriver.connect({ filename: ":memory:" }));
await db.schema().createModels().raiseOnErrors();
await db.add(Employees, { name: "Ada", grade: 3 }).raiseOnErrors();
const staff: Employee[] = await db.find(Employees.grade.gte(1)).all().value;
const notAny: 0 extends 1 & RowOf<typeof Employees> ? false : true = true;
// @ts-expect-error grade is a number
Employees.grade.gte("1");
await db.close();

export { notAny, staff };
