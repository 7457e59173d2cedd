import { scheduledPublishJob, type ScheduledPublisher } from './modules/articles/index.js';
import { viewFlushJob, type ViewCounter } from './modules/audience/index.js';
import { avifBacklogJob, avifVariantsJob, type MediaUploadService } from './modules/media/index.js';
import { curationExpiryJob, listsRefreshJob, type CurationService, type RankedListsService } from './modules/rankings/index.js';
import { notFoundLogFlushJob, type NotFoundLog } from './modules/redirects/index.js';
import { importRunJob, type ImportRunService } from './modules/import-runs/index.js';
import { searchCatchUpJob, type SearchService } from './modules/search/index.js';
import { sitemapsRefreshJob, type SitemapService } from './modules/sitemaps/index.js';
import { sessionPurgeJob, type ExpiredSessionPurger } from './modules/users/index.js';
import { webhookDeliveryJob, type WebhookSender } from './modules/webhooks/index.js';
import { mailDeliveryJob, mailRetentionJob, type MailSender, type MailService } from './modules/mail/index.js';
import { newsletterRetentionJob, newsletterSendJob, type NewsletterIssueService } from './modules/newsletters/index.js';
import type { JobDefinition } from './shared/jobs/job.types.js';

/** The services whose work the jobs do (deps.ts hands its own). */
export interface JobListDeps {
  lists: RankedListsService;
  views: ViewCounter;
  publisher: ScheduledPublisher;
  sitemaps: SitemapService;
  search: SearchService;
  webhookSender: WebhookSender;
  curation: CurationService;
  media: MediaUploadService;
  sessions: ExpiredSessionPurger;
  readerSessions: ExpiredSessionPurger;
  notFoundLog: NotFoundLog;
  importRuns: ImportRunService;
  mailSender: MailSender;
  mail: MailService;
  newsletterIssues: NewsletterIssueService;
}

/**
 * Every job of a node, in one list: the runner (deps.jobs) starts them in this order when main.ts
 * starts it, after the demo, and stops them in this order in deps.close(), before the database
 * closes. Each job's file, beside the module whose work it does, says when it runs and why.
 */
export function jobList(deps: JobListDeps): JobDefinition[] {
  return [
    // At start (the stored lists may be as old as the downtime), every minute (Weekly Best every
    // ten), and on content and comment changes.
    listsRefreshJob(deps.lists),
    // Every second, and once more at stop: a graceful stop loses no view.
    viewFlushJob(deps.views),
    // At start (what fell due while the server was down), then every 15 seconds.
    scheduledPublishJob(deps.publisher),
    // Every minute (the news window, stories visible by time alone), and on content changes.
    sitemapsRefreshJob(deps.sitemaps),
    // At start, one node: the stories the search index lacks, in slices, in the background.
    searchCatchUpJob(deps.search),
    // At start (what was queued before a restart), then every 2 seconds.
    webhookDeliveryJob(deps.webhookSender),
    // Every 5 seconds: the breaking-news banner's end.
    curationExpiryJob(deps.curation),
    // At start, one node: media stored without AVIF variants are queued for the job below.
    avifBacklogJob(deps.media.avif),
    // Queued: after each upload, and for the backlog above.
    avifVariantsJob(deps.media.avif),
    // At start, then hourly, one node: expired staff and reader sessions are deleted.
    sessionPurgeJob(deps.sessions, deps.readerSessions),
    // Every 10 seconds, and once more at stop: the 404 log's counts gathered in memory.
    notFoundLogFlushJob(deps.notFoundLog),
    // At start (runs a stop left unfinished are marked interrupted), and queued by each upload on
    // the Import page: the import runs here, in the background, on the node that took the file.
    importRunJob(deps.importRuns),
    // At start (what was queued before a restart), then every second, one node at a time: queued
    // mail, at MAIL_RATE_PER_MINUTE, over SMTP_URL or into DATA_DIR/outbox/.
    mailDeliveryJob(deps.mailSender),
    // At start, then hourly, one node: finished one-to-one mail older than a day is deleted.
    mailRetentionJob(deps.mail),
    // At start (an issue left half fanned out carries on from its cursor), every 15 seconds (the
    // briefing's and weeklies' set time), and when an editor sends one; one node at a time.
    newsletterSendJob(deps.newsletterIssues),
    // At start, then hourly, one node: issues a month old keep their counts and their messages go.
    newsletterRetentionJob(deps.newsletterIssues),
  ];
}
