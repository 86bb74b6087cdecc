import type { CorpusEntry } from "../entry.js";
import { blogPostEntry } from "./blog-post.js";
import { bookingEntry } from "./booking.js";
import { credentialEntry } from "./credential.js";
import { jobEntry } from "./job.js";
import { kanbanCardEntry } from "./kanban-card.js";
import { logEntryEntry } from "./log-entry.js";
import { metricSampleEntry } from "./metric-sample.js";
import { notificationPreferenceEntry } from "./notification-preference.js";
import { placeEntry } from "./place.js";
import { priceEntry } from "./price.js";
import { profileEntry } from "./profile.js";
import { quoteEntry } from "./quote.js";
import { settingEntry } from "./setting.js";
import { stockMovementEntry } from "./stock-movement.js";
import { surveyResponseEntry } from "./survey-response.js";
import { webhookEndpointEntry } from "./webhook-endpoint.js";

export const typeboxCorpus: readonly CorpusEntry[] = [
  profileEntry, stockMovementEntry, logEntryEntry, quoteEntry, kanbanCardEntry, webhookEndpointEntry, surveyResponseEntry, placeEntry,
  bookingEntry, priceEntry, credentialEntry, notificationPreferenceEntry, jobEntry, blogPostEntry, metricSampleEntry, settingEntry,
];
