import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { ArrayMinSize, IsArray, IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsPositive, IsString, Length, ValidateNested } from "class-validator";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

enum OrderStatus {
  Pending = "pending",
  Paid = "paid",
  Shipped = "shipped",
  Cancelled = "cancelled",
}

export class PostalAddress {
  @IsString() name!: string;
  @IsString() street!: string;
  @IsOptional() @IsString() street2?: string;
  @IsString() city!: string;
  @IsString() postalCode!: string;
  @IsString() @Length(2, 2) country!: string;
}

export class OrderLine {
  @IsString() sku!: string;
  @IsInt() @IsPositive() quantity!: number;
  @IsNumber() unitPrice!: number;
  @IsOptional() @IsDate() @Type(() => Date) deliverBy?: Date;
}

// A purchase order: nested address and lines with class-transformer's @Type, as NestJS DTOs are written.
export class PurchaseOrder {
  @IsOptional() @IsInt() id?: number;
  @IsString() customerId!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => OrderLine) lines!: OrderLine[];
  @ValidateNested() @Type(() => PostalAddress) shippingAddress!: PostalAddress;
  @IsEnum(OrderStatus) status!: OrderStatus;
  @IsNumber() total!: number;
  @IsDate() @Type(() => Date) placedAt!: Date;
}

export function samplePurchaseOrders(): PurchaseOrder[] {
  return plainToInstance(PurchaseOrder, [
    {
      customerId: "cus_1",
      lines: [
        { sku: "A-1", quantity: 2, unitPrice: 9.99, deliverBy: DATES.recent() },
        { sku: "B-2", quantity: 1, unitPrice: -0 },
      ],
      shippingAddress: { name: "Ada Lovelace", street: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
      status: OrderStatus.Paid,
      total: 19.98,
      placedAt: DATES.recent(),
    },
    {
      customerId: "cus_2",
      lines: [{ sku: UNICODE.cjk, quantity: 100, unitPrice: 0.1 + 0.2, deliverBy: DATES.before1970() }],
      shippingAddress: { name: UNICODE.rtl, street: UNICODE.combining, street2: "", city: "القاهرة", postalCode: "11511", country: "EG" },
      status: OrderStatus.Pending,
      total: 30.000000000000004,
      placedAt: DATES.leapMillisecond(),
    },
  ]);
}

export const purchaseOrderEntry = corpusEntry("class-validator", { name: "PurchaseOrder", schema: PurchaseOrder, fields: { id: [Key, Auto] }, samples: samplePurchaseOrders });
