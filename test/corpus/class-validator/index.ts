import type { CorpusEntry } from "../entry.js";
import { accessTokenEntry } from "./access-token.js";
import { appSettingEntry } from "./app-setting.js";
import { articleEntry } from "./article.js";
import { auditEntryEntry } from "./audit-entry.js";
import { calendarEventEntry } from "./calendar-event.js";
import { catalogItemEntry } from "./catalog-item.js";
import { channelMessageEntry } from "./channel-message.js";
import { employeeEntry } from "./employee.js";
import { loginSessionEntry } from "./login-session.js";
import { paymentIntentEntry } from "./payment-intent.js";
import { planEntry } from "./plan.js";
import { productReviewEntry } from "./product-review.js";
import { purchaseOrderEntry } from "./purchase-order.js";
import { supportTicketEntry } from "./support-ticket.js";
import { userAccountEntry } from "./user-account.js";
import { warehouseEntry } from "./warehouse.js";

export const classValidatorCorpus: readonly CorpusEntry[] = [
  userAccountEntry, purchaseOrderEntry, catalogItemEntry, articleEntry, supportTicketEntry, paymentIntentEntry, employeeEntry, calendarEventEntry,
  productReviewEntry, warehouseEntry, auditEntryEntry, channelMessageEntry, planEntry, accessTokenEntry, appSettingEntry, loginSessionEntry,
];
