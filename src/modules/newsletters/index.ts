// The newsletters module's public face: other modules and src/web/** import from here, never from
// its files directly. The repositories and their rows stay private.
export { NewsletterCatalog, newslettersOf } from './newsletter-catalog.js';
export { isNewsletterKey } from './newsletter.types.js';
export type { GrowthDay, NewsletterInfo, NewsletterKey, Recipient, Subscriber, SubscriptionState } from './newsletter.types.js';
export { CONFIRMATION_LIFETIME_MS, SubscriberService, checkAddress, memorySubscribeLimiters, subscribeLimiters } from './subscriber.service.js';
export type { SignUpEdition, SubscribeLimiters, SubscribeRequest, SubscriberServiceOptions } from './subscriber.service.js';
// Issues: composing, editing and sending the briefing, breaking alerts and the sections' weeklies.
export { NewsletterIssueService, COMPOSE_LEAD_MS, newsletterDayLabel } from './newsletter-issue.service.js';
export type { NewsletterIssueDeps } from './newsletter-issue.service.js';
export { ISSUE_STATUSES } from './newsletter-issue.types.js';
export type {
  IssueEdit,
  IssueItem,
  IssueProgress,
  IssueRecipient,
  IssueStatus,
  NewsletterIssue,
  NewsletterNames,
  RecipientSource,
} from './newsletter-issue.types.js';
export { FAN_OUT_BATCH } from './newsletter-fan-out.js';
// Its job (src/job-list.ts).
export { NEWSLETTER_SEND_JOB, newsletterSendJob } from './newsletter-send.job.js';
export { NEWSLETTER_RETENTION_JOB, newsletterRetentionJob } from './newsletter-retention.job.js';
export { NEWSLETTER_RECORDS_KEPT_MS } from './newsletter-retention.js';
export { GROWTH_DAYS, IMPORT_FILE_MAX_BYTES, IMPORT_MAX_BYTES, SEARCH_LIMIT, SubscriberAdminService } from './subscriber-admin.service.js';
export type { ImportProblem, ImportReport } from './subscriber-admin.service.js';
// Bulk writes for importers (the demo).
export { importSentIssue, importSubscriber } from './newsletter-import.js';
export type { SentIssueImport, SubscriberImport } from './newsletter-import.js';
