import type { DatabaseHandle, Db } from '../../db/database.js';
import type { MediaUploadService } from '../media/index.js';
import type { Clock } from '../../shared/clock.js';
import type { EventBus } from '../../shared/events.js';

/** What every importer uses of the app: its database, clock, events and media pipeline. */
export interface ImportDeps {
  db: Db;
  database: Pick<DatabaseHandle, 'refreshStatistics'>;
  clock: Pick<Clock, 'now'>;
  events: Pick<EventBus, 'emit'>;
  media: Pick<MediaUploadService, 'upload'>;
}

/** The site's addresses for imported things, from the web layer (src/web/shared/paths.ts). */
export interface ImportTargets {
  article(slug: string): string;
  section(slug: string): string;
  tag(slug: string): string;
  author(slug: string): string;
  staticPage(slug: string): string;
  feed(): string;
}
