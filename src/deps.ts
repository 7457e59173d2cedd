import path from 'node:path';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle, type Db } from './db/database.js';
import type { PostgresOptions } from './db/dialects/postgres.dialect.js';
import { ReadingService } from './modules/articles/reading.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { RankedListsService } from './modules/rankings/ranked-lists.service.js';
import { SectionDirectory } from './modules/sections/section-directory.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { systemClock, type Clock } from './shared/clock.js';
import { EventBus } from './shared/events.js';
import { AssetRegistry } from './web/http/assets.js';
import { PageCache } from './web/http/page-cache.js';
import { SiteContextProvider } from './web/site/site-context.provider.js';

/** Everything the app needs, wired once here and passed in; no module keeps a singleton. */
export interface Deps {
  config: Config;
  clock: Clock;
  database: DatabaseHandle;
  db: Db;
  events: EventBus;
  audit: AuditService;
  settings: SettingsService;
  sections: SectionDirectory;
  reading: ReadingService;
  lists: RankedListsService;
  pageCache: PageCache;
  assets: AssetRegistry;
  site: SiteContextProvider;
  mediaDir: string;
  close(): Promise<void>;
}

export interface DepsOptions {
  clock?: Clock;
  postgres?: PostgresOptions;
}

export async function createDeps(config: Config, options: DepsOptions = {}): Promise<Deps> {
  const database = await openDatabase(config.database, options.postgres);
  const db = database.db;
  const clock = options.clock ?? systemClock;
  const events = new EventBus();
  const settings = new SettingsService(db, events);
  const sections = new SectionDirectory(db);
  const pageCache = new PageCache(config.pageCache.enabled ? config.pageCache.maxEntries : 0);
  const lists = new RankedListsService(db, clock, () => pageCache.clear());
  const assets = new AssetRegistry();
  const site = new SiteContextProvider({ db, settings, sections, assets, siteUrl: config.siteUrl });
  const deps: Deps = {
    config,
    clock,
    database,
    db,
    events,
    audit: new AuditService(db, clock),
    settings,
    sections,
    reading: new ReadingService(db, clock, sections),
    lists,
    pageCache,
    assets,
    site,
    mediaDir: path.join(config.dataDir, 'media'),
    close: async () => {
      lists.stop();
      await database.close();
    },
  };
  events.on('content.changed', () => reloadState(deps));
  await reloadState(deps);
  return deps;
}

/**
 * Reloads every in-memory view of the content, then drops cached pages. The order matters: clearing
 * first would let a request re-cache a page built from the old lists while they reload.
 */
async function reloadState(deps: Pick<Deps, 'settings' | 'sections' | 'site' | 'lists' | 'pageCache'>): Promise<void> {
  await Promise.all([deps.settings.load(), deps.sections.load(), deps.site.load()]);
  await deps.lists.refresh();
  deps.pageCache.clear();
}
