import type { CorpusEntry } from "../entry.js";
import { accountEntry } from "./account.js";
import { analyticsEventEntry } from "./analytics-event.js";
import { cartEntry } from "./cart.js";
import { commentEntry } from "./comment.js";
import { couponEntry } from "./coupon.js";
import { customerEntry } from "./customer.js";
import { deviceEntry } from "./device.js";
import { documentEntry } from "./document.js";
import { issueEntry } from "./issue.js";
import { mediaAssetEntry } from "./media-asset.js";
import { paymentEntry } from "./payment.js";
import { rateLimitBucketEntry } from "./rate-limit-bucket.js";
import { repositoryEntry } from "./repository.js";
import { shipmentEntry } from "./shipment.js";
import { teamMemberEntry } from "./team-member.js";
import { workflowRunEntry } from "./workflow-run.js";

export const valibotCorpus: readonly CorpusEntry[] = [
  accountEntry, cartEntry, issueEntry, repositoryEntry, analyticsEventEntry, paymentEntry, shipmentEntry, commentEntry, workflowRunEntry,
  teamMemberEntry, couponEntry, deviceEntry, documentEntry, mediaAssetEntry, rateLimitBucketEntry, customerEntry,
];
