import type { Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';
import { initialMigration } from './0001-initial.migration.js';
import { newsroomMigration } from './0002-newsroom.migration.js';
import { audienceMigration } from './0003-audience.migration.js';
import { commentsMigration } from './0004-comments.migration.js';
import { integrationsMigration } from './0005-integrations.migration.js';
import { searchMigration } from './0006-search.migration.js';
import { avifQueueMigration } from './0007-avif-queue.migration.js';
import { searchQuoteCreditsMigration } from './0008-search-quote-credits.migration.js';
import { readingIndexesMigration } from './0009-reading-indexes.migration.js';
import { relatedStoriesMigration } from './0010-related-stories.migration.js';
import { storedStateMigration } from './0011-stored-state.migration.js';
import { searchByPublicationMigration } from './0012-search-by-publication.migration.js';
import { searchVisibilityMigration } from './0013-search-visibility.migration.js';
import { redirectsMigration } from './0014-redirects.migration.js';
import { importLedgerMigration } from './0015-import-ledger.migration.js';
import { importRunsMigration } from './0016-import-runs.migration.js';
import { storySavingMigration } from './0017-story-saving.migration.js';
import { storyDeskIndexesMigration } from './0018-story-desk-indexes.migration.js';
import { mediaLibraryOrderMigration } from './0019-media-library-order.migration.js';
import { mailQueueMigration } from './0020-mail-queue.migration.js';
import { mailAccountsMigration } from './0021-mail-accounts.migration.js';
import { newsletterSubscribersMigration } from './0022-newsletter-subscribers.migration.js';
import { newsletterIssuesMigration } from './0023-newsletter-issues.migration.js';
import { mailRetentionMigration } from './0024-mail-retention.migration.js';
import { newsletterDeliveryRecordsMigration } from './0025-newsletter-delivery-records.migration.js';
import { koreanSearchMigration } from './0026-korean-search.migration.js';
import { editionsMigration } from './0027-editions.migration.js';
import { editionsNewsroomMigration } from './0028-editions-newsroom.migration.js';
import { editionListsMigration } from './0030-edition-lists.migration.js';
import { translationsMigration } from './0031-translations.migration.js';
import { editionListingsMigration } from './0032-edition-listings.migration.js';
import { staffLanguageMigration } from './0033-staff-language.migration.js';
import { subscriberEditionMigration } from './0034-subscriber-edition.migration.js';
import { searchEditionMigration } from './0035-search-edition.migration.js';
import { liveCoverageMigration } from './0036-live-coverage.migration.js';

/**
 * Every migration, in order. Listed statically (not read from a folder) so the same list runs
 * from `src/` under tsx and from `dist/` in production. Names sort in the order they must run.
 * The engine's full-text index writes its own DDL (0006).
 */
export function migrations(fullText: FullTextIndex): Record<string, Migration> {
  return {
    '0001-initial': initialMigration,
    '0002-newsroom': newsroomMigration,
    '0003-audience': audienceMigration,
    '0004-comments': commentsMigration,
    '0005-integrations': integrationsMigration,
    '0006-search': searchMigration(fullText),
    '0007-avif-queue': avifQueueMigration,
    '0008-search-quote-credits': searchQuoteCreditsMigration,
    '0009-reading-indexes': readingIndexesMigration,
    '0010-related-stories': relatedStoriesMigration,
    '0011-stored-state': storedStateMigration(fullText),
    '0012-search-by-publication': searchByPublicationMigration(fullText),
    '0013-search-visibility': searchVisibilityMigration(fullText),
    '0014-redirects': redirectsMigration,
    '0015-import-ledger': importLedgerMigration,
    '0016-import-runs': importRunsMigration,
    '0017-story-saving': storySavingMigration,
    '0018-story-desk-indexes': storyDeskIndexesMigration(fullText),
    '0019-media-library-order': mediaLibraryOrderMigration,
    '0020-mail-queue': mailQueueMigration,
    '0021-mail-accounts': mailAccountsMigration,
    '0022-newsletter-subscribers': newsletterSubscribersMigration,
    '0023-newsletter-issues': newsletterIssuesMigration,
    '0024-mail-retention': mailRetentionMigration,
    '0025-newsletter-delivery-records': newsletterDeliveryRecordsMigration,
    '0026-korean-search': koreanSearchMigration(fullText),
    '0027-editions': editionsMigration,
    '0028-editions-newsroom': editionsNewsroomMigration,
    '0030-edition-lists': editionListsMigration,
    '0031-translations': translationsMigration,
    '0032-edition-listings': editionListingsMigration,
    '0033-staff-language': staffLanguageMigration,
    '0034-subscriber-edition': subscriberEditionMigration,
    '0035-search-edition': searchEditionMigration(fullText),
    '0036-live-coverage': liveCoverageMigration,
  };
}
