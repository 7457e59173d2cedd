// The mail module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { MAIL_KINDS, MAIL_STATUSES } from './mail.types.js';
export type { MailBatchCounts, MailDocumentParts, MailKind, MailMessage, MailQueue, MailStatus, MailSummary, OutgoingMail } from './mail.types.js';
export { MailService, ONE_TO_ONE_KEPT_MS, OUTBOX_PAGE_SIZE } from './mail.service.js';
export type { OutboxPage } from './mail.service.js';
export { isMailAddress, MAX_ADDRESS_LENGTH } from './mail-validation.js';
export { escapeMailHtml, mailLink, mailParagraph, renderMailDocument, renderMailText } from './mail-document.js';
export type { MailSite } from './mail-document.js';
export { MailSender, MAX_ATTEMPTS, RETRY_DELAYS_MS, LEASE_MS } from './mail-sender.js';
// Its job (src/job-list.ts).
export { MAIL_DELIVERY_JOB, mailDeliveryJob } from './mail-delivery.job.js';
export { MAIL_RETENTION_JOB, mailRetentionJob } from './mail-retention.job.js';
