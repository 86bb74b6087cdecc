import "reflect-metadata";
import { Type } from "class-transformer";
import {
  ArrayNotEmpty, IsArray, IsDate, IsDateString, IsDefined, IsEnum, IsInstance, IsInt, IsNumber, IsObject, IsOptional, IsString, Min,
  ValidateNested,
} from "class-validator";
import { describe, expect, it } from "vitest";
import { Auto, Key, metaOf, model, ModelCollection, ModelError, Stored, ValidationError } from "../../src/index.js";
import { addThroughOmmi, key, treeOf, validate, validatePatch, value } from "./helpers.js";

enum Color { Red = "red", Blue = "blue" }

const inCollection = () => ({ collection: new ModelCollection() });

function modelError(define: () => unknown): string {
  try {
    define();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).message;
  }
  throw new Error("no ModelError");
}

class Geo {
  @IsNumber() lat!: number;
  @IsNumber() lng!: number;
}

class Address {
  @IsString() street!: string;
  @IsString() city!: string;
  @IsOptional() @IsString() zip?: string;
  @IsOptional() @ValidateNested() @Type(() => Geo) geo?: Geo;

  label(): string {
    return `${this.street}, ${this.city}`;
  }
}

class Line {
  @IsString() sku!: string;
  @IsInt() @Min(1) qty!: number;
  @IsOptional() @IsDate() @Type(() => Date) shippedAt?: Date;
}

class Order {
  @IsOptional() @IsInt() id?: number;
  @ValidateNested() @Type(() => Address) address!: Address;
  @IsOptional() @ValidateNested() @Type(() => Address) billing?: Address;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
  @IsOptional() @IsObject() meta?: Record<string, unknown>;
  @IsOptional() @IsInstance(Buffer) receipt?: Buffer;
}

const addressFields = [
  key("street", "string"),
  key("city", "string"),
  key("zip", "string", { optional: true }),
  key("geo", "object", { optional: true, fields: [key("lat", "float"), key("lng", "float")] }),
];
const lineFields = [key("sku", "string"), key("qty", "integer"), key("shippedAt", "date", { optional: true })];

describe("class-validator: reading structured fields", () => {
  const Orders = model(Order, inCollection());

  it("reads @ValidateNested() with @Type(() => Address) as an object of Address's own decorated properties, nested classes too", () => {
    expect(treeOf(Orders, "address")).toEqual(key("address", "object", { fields: addressFields }));
    expect(treeOf(Orders, "billing")).toEqual(key("billing", "object", { optional: true, fields: addressFields }));
  });

  it("reads @ValidateNested({ each: true }) with @Type and @IsArray() as an array of objects", () => {
    expect(treeOf(Orders, "lines")).toEqual(key("lines", "array", { of: value("object", { fields: lineFields }) }));
  });

  it("reads the class of a @ValidateNested() property from design:type when there is no @Type", () => {
    class Shop {
      @IsInt() id!: number;
      @Reflect.metadata("design:type", Address) @ValidateNested() address!: Address;
    }
    expect(treeOf(model(Shop, inCollection()), "address")).toEqual(key("address", "object", { fields: addressFields }));
  });

  it("reads an array from the rule its items follow (each: true), with or without @IsArray()", () => {
    class Lists {
      @IsInt() id!: number;
      @IsArray() @IsString({ each: true }) names!: string[];
      @IsInt({ each: true }) counts!: number[];
      @IsNumber({}, { each: true }) @ArrayNotEmpty() scores!: number[];
      @IsEnum(Color, { each: true }) colors!: Color[];
      @IsDateString({}, { each: true }) days!: string[];
      @IsDate({ each: true }) @Type(() => Date) seen!: Date[];
      @IsArray() anything!: unknown[];
      @IsArray() @IsObject({ each: true }) bags!: object[];
    }
    const Handle = model(Lists, inCollection());
    expect(treeOf(Handle, "names")).toEqual(key("names", "array", { of: value("string") }));
    expect(treeOf(Handle, "counts")).toEqual(key("counts", "array", { of: value("integer") }));
    expect(treeOf(Handle, "scores")).toEqual(key("scores", "array", { of: value("float") }));
    expect(treeOf(Handle, "colors")).toEqual(key("colors", "array", { of: value("string", { values: ["red", "blue"] }) }));
    expect(treeOf(Handle, "days")).toEqual(key("days", "array", { of: value("string") }));
    expect(treeOf(Handle, "seen")).toEqual(key("seen", "array", { of: value("date") }));
    expect(treeOf(Handle, "anything")).toEqual(key("anything", "array", { of: value("json", { nullable: true }) }));
    expect(treeOf(Handle, "bags")).toEqual(key("bags", "array", { of: value("record", { of: value("json", { nullable: true }) }) }));
  });

  it("reads @IsObject() as a plain object of JSON values", () => {
    expect(treeOf(Orders, "meta")).toEqual(key("meta", "record", { optional: true, of: value("json", { nullable: true }) }));
  });

  it("reads binary data from @IsInstance(Buffer) and from a Buffer or Uint8Array design:type", () => {
    class Files {
      @IsInt() id!: number;
      @Reflect.metadata("design:type", Uint8Array) @IsDefined() body!: Uint8Array;
      @Reflect.metadata("design:type", Buffer) @IsOptional() thumb?: Buffer;
    }
    const Handle = model(Files, inCollection());
    expect(treeOf(Orders, "receipt")).toEqual(key("receipt", "binary", { optional: true }));
    expect(treeOf(Handle, "body")).toEqual(key("body", "binary"));
    expect(treeOf(Handle, "thumb")).toEqual(key("thumb", "binary", { optional: true }));
  });

  it("stores a class that holds itself as a JSON value where it recurs: the first class met again is read whole", () => {
    class Category {
      @IsInt() id!: number;
      @IsString() name!: string;
      @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Category) children?: Category[];
    }
    class TreeNode {
      @IsString() label!: string;
      @IsArray() @ValidateNested({ each: true }) @Type(() => TreeNode) children!: TreeNode[];
    }
    class Menu {
      @IsInt() id!: number;
      @ValidateNested() @Type(() => TreeNode) root!: TreeNode;
    }
    expect(treeOf(model(Category, inCollection()), "children")).toEqual(key("children", "array", { optional: true, of: value("json") }));
    expect(treeOf(model(Menu, inCollection()), "root")).toEqual(key("root", "json"));
  });

  it("stores a generated integer in an Auto key that @IsNumber() types as a plain number", () => {
    class Ticket {
      @IsOptional() @IsNumber() @Key() @Auto() id?: number;
      @IsString() title!: string;
    }
    expect(metaOf(model(Ticket, inCollection())).field("id")).toMatchObject({ type: "integer", key: true, auto: true });
  });

  it("refuses a property that says nothing of what it holds, saying how to name its stored type, and takes the Stored marker", () => {
    class Loose {
      @IsInt() id!: number;
      @Reflect.metadata("design:type", Object) @IsDefined() payload!: unknown;
    }
    expect(modelError(() => model(Loose, inCollection()))).toMatch(/^Loose\.payload: no decorator says what type it holds .*@Stored\.json\(\) on the property \(or fields: \{ payload: Stored\.json \}\)/);
    expect(treeOf(model(Loose, { ...inCollection(), fields: { payload: Stored.json } }), "payload")).toEqual(key("payload", "json"));
    class Marked {
      @IsInt() id!: number;
      @Stored.json() @IsDefined() payload!: unknown;
    }
    expect(treeOf(model(Marked, inCollection()), "payload")).toEqual(key("payload", "json"));
  });

  it("says what is missing for a class property without @ValidateNested(), and for a nested class without decorators", () => {
    class Plain {
      street!: string;
    }
    class NoNested {
      @IsInt() id!: number;
      @Reflect.metadata("design:type", Address) @IsDefined() address!: Address;
    }
    class Undecorated {
      @IsInt() id!: number;
      @ValidateNested() @Type(() => Plain) address!: Plain;
    }
    expect(modelError(() => model(NoNested, inCollection()))).toMatch(/^NoNested\.address: it holds a Address, whose properties class-validator checks only with @ValidateNested\(\); add @ValidateNested\(\)/);
    expect(modelError(() => model(Undecorated, inCollection()))).toMatch(/^Undecorated\.address: Plain has no class-validator decorators/);
  });

  it("names the path of a refused property inside a nested class, and the whole field for a Stored marker", () => {
    class Inner {
      @IsString() name!: string;
      @Reflect.metadata("design:type", Object) @IsDefined() extra!: unknown;
    }
    class Outer {
      @IsInt() id!: number;
      @ValidateNested() @Type(() => Inner) inner!: Inner;
    }
    expect(modelError(() => model(Outer, inCollection()))).toMatch(/^Outer\.inner: extra: no decorator says what type it holds.*fields: \{ inner: Stored\.json \}/);
  });

  it("lists every refused field in one ModelError, those only class-transformer describes included", () => {
    class Logo {
      @IsString() url!: string;
    }
    class Shop {
      @IsInt() id!: number;
      @Reflect.metadata("design:type", Object) @IsDefined() settings!: unknown;
      @Reflect.metadata("design:type", Array) @IsDefined() photos!: string[];
      @IsArray() @IsString({ each: true }) tags!: string[];
      @Type(() => Logo) logo?: Logo;
    }
    const message = modelError(() => model(Shop, inCollection()));
    expect(message).toMatch(/^Shop cannot be stored; 3 fields are refused:\n/);
    expect(message).toMatch(/\n- Shop\.settings: no decorator says what type it holds/);
    expect(message).toMatch(/\n- Shop\.photos: TypeScript says it is an array/);
    expect(message).toMatch(/\n- Shop\.logo: class-transformer's @Type says it holds a Logo/);
    expect(message).not.toMatch(/Shop\.tags/);
  });
});

describe("class-validator: validating structured fields", () => {
  const Orders = model(Order, inCollection());
  const shippedAt = new Date("2024-03-04T05:06:07.089Z");
  const valid = {
    address: { street: "1 Main St", city: "Paris" },
    lines: [{ sku: "A-1", qty: 2, shippedAt }],
    tags: ["gift"],
  };

  it("validates a nested plain object through its class, and reaches the failure's whole path in ValidationError.issues", async () => {
    const { result, stored } = await addThroughOmmi(Orders, { ...valid, address: { street: "1 Main St", city: 75 } } as unknown as Order);
    expect(stored).toEqual([]);
    expect(result.ok || result.error).toBeInstanceOf(ValidationError);
    if (result.ok) return;
    expect((result.error as ValidationError).issues).toEqual([{ path: ["address", "city"], message: "city must be a string" }]);
  });

  it("numbers the positions of array items in issue paths, down into nested classes", async () => {
    const outcome = await validate(Orders, { ...valid, lines: [{ sku: "A", qty: 1 }, { sku: "B", qty: 0 }], address: { ...valid.address, geo: { lat: "north", lng: 2 } } });
    expect(outcome).toMatchObject({ ok: false });
    if (outcome.ok) return;
    expect(outcome.issues).toEqual(
      expect.arrayContaining([
        { path: ["lines", 1, "qty"], message: "qty must not be less than 1" },
        { path: ["address", "geo", "lat"], message: expect.stringContaining("lat must be a number") as unknown },
      ]),
    );
  });

  it("stores plain objects whatever the input holds, keeping Dates and Buffers, and leaving an optional null out", async () => {
    const receipt = Buffer.from("paid");
    const address = Object.assign(new Address(), { street: "1 Main St", city: "Paris", zip: null });
    const order = Object.assign(new Order(), { ...valid, address, receipt, meta: { source: "web", n: [1, 2] } });
    const outcome = await validate(Orders, order);
    expect(outcome).toEqual({ ok: true, value: { ...valid, address: { street: "1 Main St", city: "Paris" }, receipt, meta: { source: "web", n: [1, 2] } } });
    if (!outcome.ok) return;
    expect(Object.getPrototypeOf(outcome.value.address)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((outcome.value.lines as object[])[0])).toBe(Object.prototype);
    expect((outcome.value.lines as Line[])[0]?.shippedAt).toBe(shippedAt);
    expect(outcome.value.receipt).toBe(receipt);
  });

  it("refuses a key inside a nested value that its class does not declare, naming its path, rather than dropping it", async () => {
    const outcome = await validate(Orders, { ...valid, lines: [{ sku: "A", qty: 1, colour: "red" }] });
    expect(outcome).toMatchObject({
      ok: false,
      issues: [{ path: ["lines", 0, "colour"], message: expect.stringMatching(/^not a property of Line that class-validator checks, so it would be lost/) as unknown }],
    });
  });

  it("refuses the wrong shape where class-validator lets it through: an array for one object, a lone value for an array", async () => {
    expect(await validate(Orders, { ...valid, address: [valid.address] })).toMatchObject({ ok: false, issues: [{ path: ["address"], message: "address must be an object" }] });
    expect(await validate(Orders, { ...valid, tags: "gift" })).toMatchObject({ ok: false, issues: [{ path: ["tags"], message: "tags must be an array" }] });
  });

  it("refuses a value that holds itself", async () => {
    const line: Record<string, unknown> = { sku: "A", qty: 1 };
    const address: Record<string, unknown> = { street: "1", city: "P" };
    address.geo = address;
    const outcome = await validate(Orders, { ...valid, address, lines: [line] });
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.issues).toContainEqual({ path: ["address", "geo"], message: "holds itself (a circular reference), which has no stored form" });
  });

  it("validates a patch's nested value through its class, and stores it plain", async () => {
    expect(await validatePatch(Orders, { address: { street: "2 Side St", city: "Lyon" } })).toEqual({ ok: true, value: { address: { street: "2 Side St", city: "Lyon" } } });
    expect(await validatePatch(Orders, { address: { street: "2 Side St" } })).toMatchObject({ ok: false, issues: [{ path: ["address", "city"] }] });
    expect(await validatePatch(Orders, { lines: [{ sku: "A", qty: 1, extra: 1 }] })).toMatchObject({ ok: false, issues: [{ path: ["lines", 0, "extra"] }] });
  });

  it("validates a class that holds itself at every depth", async () => {
    class Category {
      @IsInt() id!: number;
      @IsString() name!: string;
      @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Category) children?: Category[];
    }
    const Categories = model(Category, inCollection());
    const tree = { id: 1, name: "root", children: [{ id: 2, name: "a", children: [{ id: 3, name: "b" }] }] };
    expect(await validate(Categories, tree)).toEqual({ ok: true, value: tree });
    expect(await validate(Categories, { id: 1, name: "root", children: [{ id: 2, name: "a", children: [{ id: "x", name: "b" }] }] })).toMatchObject({
      ok: false,
      issues: [{ path: ["children", 0, "children", 0, "id"] }],
    });
  });

  it("rebuilds nested values as instances of their classes when a row is read back", () => {
    const order = metaOf(Orders).schema.hydrate?.({ id: 1, ...valid, address: { street: "1 Main St", city: "Paris", geo: { lat: 1, lng: 2 } } }) as Order;
    expect(order).toBeInstanceOf(Order);
    expect(order.address).toBeInstanceOf(Address);
    expect(order.address.label()).toBe("1 Main St, Paris");
    expect(order.address.geo).toBeInstanceOf(Geo);
    expect(order.lines[0]).toBeInstanceOf(Line);
    expect(order.lines[0]?.shippedAt).toBe(shippedAt);
  });

  it("returns nested instances from Ommi's add", async () => {
    const { result, stored } = await addThroughOmmi(Orders, valid as Order);
    expect(stored).toEqual([valid]);
    expect(result.ok && result.value[0]?.address).toBeInstanceOf(Address);
  });
});
