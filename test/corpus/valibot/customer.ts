import * as v from "valibot";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, INT64_MAX, UNICODE } from "../nasty.js";

// A CRM customer: several addresses, a bigint balance, preferred locales, string metadata.
const AddressSchema = v.object({
  label: v.optional(v.string(), "home"),
  line1: v.string(),
  line2: v.optional(v.string()),
  city: v.string(),
  postalCode: v.string(),
  country: v.pipe(v.string(), v.length(2)),
  isDefault: v.boolean(),
});

export const CustomerSchema = v.object({
  id: v.optional(v.number()),
  name: v.string(),
  email: v.pipe(v.string(), v.email()),
  phone: v.nullable(v.string()),
  addresses: v.array(AddressSchema),
  preferredLocales: v.array(v.string()),
  taxExempt: v.picklist(["none", "exempt", "reverse"]),
  balanceCents: v.bigint(),
  metadata: v.record(v.string(), v.string()),
  createdAt: v.date(),
});

export function sampleCustomers(): v.InferInput<typeof CustomerSchema>[] {
  return [
    {
      name: "Aroha Ngata",
      email: "aroha@example.co.nz",
      phone: "+64 21 000 0000",
      addresses: [
        { line1: "1 Queen Street", city: "Auckland", postalCode: "1010", country: "NZ", isDefault: true },
        { label: "work", line1: "2 Lambton Quay", line2: "Level 5", city: "Wellington", postalCode: "6011", country: "NZ", isDefault: false },
      ],
      preferredLocales: ["mi-NZ", "en-NZ"],
      taxExempt: "none",
      balanceCents: -2500n,
      metadata: { crmId: "42", segment: "smb" },
      createdAt: DATES.recent(),
    },
    { name: UNICODE.cjk, email: "yamada@example.jp", phone: null, addresses: [], preferredLocales: [], taxExempt: "exempt", balanceCents: INT64_MAX, metadata: {}, createdAt: DATES.before1970() },
  ];
}

export const customerEntry = corpusEntry("valibot", { name: "Customer", schema: CustomerSchema, fields: { id: [Key, Auto] }, samples: sampleCustomers });
