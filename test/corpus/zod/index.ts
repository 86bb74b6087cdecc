import type { CorpusEntry } from "../entry.js";
import { apiKeyEntry } from "./api-key.js";
import { auditLogEntry } from "./audit-log.js";
import { chatMessageEntry } from "./chat-message.js";
import { cmsPageEntry } from "./cms-page.js";
import { featureFlagEntry } from "./feature-flag.js";
import { fileUploadEntry } from "./file-upload.js";
import { invoiceEntry } from "./invoice.js";
import { ledgerTransactionEntry } from "./ledger-transaction.js";
import { notificationEntry } from "./notification.js";
import { orderEntry } from "./order.js";
import { productEntry } from "./product.js";
import { projectEntry } from "./project.js";
import { sessionEntry } from "./session.js";
import { spanEntry } from "./span.js";
import { subscriptionEntry } from "./subscription.js";
import { userEntry } from "./user.js";
import { venueEntry } from "./venue.js";
import { webhookDeliveryEntry } from "./webhook-delivery.js";

export const zodCorpus: readonly CorpusEntry[] = [
  userEntry, orderEntry, productEntry, webhookDeliveryEntry, spanEntry, ledgerTransactionEntry, auditLogEntry, featureFlagEntry, cmsPageEntry,
  chatMessageEntry, invoiceEntry, subscriptionEntry, sessionEntry, notificationEntry, apiKeyEntry, fileUploadEntry, projectEntry, venueEntry,
];
