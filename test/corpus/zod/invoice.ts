import { z } from "zod";
import { Auto, Key, Unique } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

// An invoice: customer snapshot, line items, tax lines, decimal-free money in cents.
export const InvoiceSchema = z.object({
  id: z.number().int().optional(),
  number: z.string(),
  customer: z.object({
    name: z.string(),
    email: z.email(),
    taxId: z.string().nullable(),
    address: z.object({ line1: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }),
  }),
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().positive(),
      unitAmountCents: z.number().int(),
      taxRate: z.number().min(0).max(1),
      period: z.object({ start: z.date(), end: z.date() }).optional(),
    }),
  ),
  currency: z.string().length(3),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  status: z.enum(["draft", "open", "paid", "void", "uncollectible"]),
  dueDate: z.date(),
  paidAt: z.date().nullable(),
  footer: z.string().nullable().default(null),
});

export function sampleInvoices(): z.input<typeof InvoiceSchema>[] {
  return [
    {
      number: "INV-2025-0001",
      customer: { name: "Acme GmbH", email: "billing@acme.example", taxId: "DE123456789", address: { line1: "Hauptstraße 1", city: "München", postalCode: "80331", country: "DE" } },
      lines: [
        { description: "Pro plan (monthly)", quantity: 1, unitAmountCents: 4900, taxRate: 0.19, period: { start: new Date("2025-10-01T00:00:00.000Z"), end: new Date("2025-10-31T23:59:59.999Z") } },
        { description: "Extra seats", quantity: 2.5, unitAmountCents: 1000, taxRate: 0.19 },
      ],
      currency: "EUR",
      subtotalCents: 7400,
      taxCents: 1406,
      totalCents: 8806,
      status: "paid",
      dueDate: DATES.recent(),
      paidAt: DATES.recent(),
    },
    {
      number: "INV-2025-0002",
      customer: { name: UNICODE.accents, email: "zoe@example.org", taxId: null, address: { line1: UNICODE.combining, city: "Kraków", postalCode: "30-001", country: "PL" } },
      lines: [{ description: "Refund adjustment", quantity: 1, unitAmountCents: -500, taxRate: -0 }],
      currency: "PLN",
      subtotalCents: -500,
      taxCents: 0,
      totalCents: -500,
      status: "draft",
      dueDate: DATES.farFuture(),
      paidAt: null,
      footer: "Dziękujemy!",
    },
  ];
}

export const invoiceEntry = corpusEntry("zod", { name: "Invoice", schema: InvoiceSchema, fields: { id: [Key, Auto], number: Unique }, samples: sampleInvoices });
