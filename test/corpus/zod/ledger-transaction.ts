import { z } from "zod";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { ABOVE_2_53, BEYOND_64_BITS, DATES, INT64_MAX } from "../nasty.js";

// A double-entry ledger posting: amounts in minor units as bigints, string metadata, an FX block.
export const LedgerTransactionSchema = z.object({
  id: z.number().int().optional(),
  accountId: z.string(),
  journalId: z.uuid(),
  direction: z.enum(["debit", "credit"]),
  amount: z.bigint().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  balanceAfter: z.bigint(),
  fx: z
    .object({
      sourceCurrency: z.string(),
      rate: z.number().positive(),
      sourceAmount: z.bigint(),
      quotedAt: z.date(),
    })
    .nullable(),
  metadata: z.record(z.string(), z.string()).default({}),
  description: z.string().max(500).optional(),
  postedAt: z.date(),
});

export function sampleLedgerTransactions(): z.input<typeof LedgerTransactionSchema>[] {
  return [
    {
      accountId: "acct_cash",
      journalId: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
      direction: "debit",
      amount: 125_00n,
      currency: "EUR",
      balanceAfter: -125_00n,
      fx: null,
      postedAt: DATES.recent(),
    },
    {
      accountId: "acct_treasury",
      journalId: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
      direction: "credit",
      amount: ABOVE_2_53,
      currency: "JPY",
      balanceAfter: INT64_MAX,
      fx: { sourceCurrency: "ETH", rate: 0.1 + 0.2, sourceAmount: BEYOND_64_BITS, quotedAt: DATES.leapMillisecond() },
      metadata: { invoice: "INV-2025-0001", "reconciled-by": "Zoë", note: "" },
      description: "Treasury sweep ↔ 清算",
      postedAt: DATES.before1970(),
    },
  ];
}

export const ledgerTransactionEntry = corpusEntry("zod", {
  name: "LedgerTransaction",
  schema: LedgerTransactionSchema,
  fields: { id: [Key, Auto], accountId: Index },
  samples: sampleLedgerTransactions,
});
