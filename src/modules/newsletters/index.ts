// The newsletters module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
// Issues: composing, editing and sending the briefing, breaking alerts and the sections' weeklies.
export { NewsletterIssueService, COMPOSE_LEAD_MS } from './newsletter-issue.service.js';
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
