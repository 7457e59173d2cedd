import path from 'node:path';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle, type Db } from './db/database.js';
import type { PostgresOptions } from './db/dialects/postgres.dialect.js';
import { ArticleEditingService } from './modules/articles/article-editing.service.js';
import { ReadingService } from './modules/articles/reading.service.js';
import { ScheduledPublisher } from './modules/articles/scheduled-publisher.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthorService } from './modules/authors/author.service.js';
import { ApiKeyService } from './modules/api-keys/api-key.service.js';
import { ContentApiService } from './modules/content-api/content-api.service.js';
import { DailyReaders } from './modules/audience/daily-readers.js';
import { ViewCounter } from './modules/audience/view-counter.service.js';
import { MediaUploadService } from './modules/media/media-upload.service.js';
import { CurationService } from './modules/rankings/curation.service.js';
import { RankedListsService } from './modules/rankings/ranked-lists.service.js';
import { RelatedStoriesService } from './modules/rankings/related-stories.service.js';
import { RevisionService } from './modules/revisions/revision.service.js';
import { SectionDirectory } from './modules/sections/section-directory.js';
import { SectionService } from './modules/sections/section.service.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { TagService } from './modules/tags/tag.service.js';
import { InvitationService } from './modules/users/invitation.service.js';
import { SessionService } from './modules/users/session.service.js';
import { ReaderSessionService } from './modules/readers/reader-session.service.js';
import { ReaderPasswordResetService } from './modules/readers/reader-password-reset.service.js';
import { ReaderService, memoryReaderLimiters } from './modules/readers/reader.service.js';
import { CommentModerationService } from './modules/comments/comment-moderation.service.js';
import { CommentService, memoryCommentLimiters } from './modules/comments/comment.service.js';
import { SignInService, memorySignInLimiters } from './modules/users/sign-in.service.js';
import { UserService } from './modules/users/user.service.js';
import { WebhookDispatcher } from './modules/webhooks/webhook-dispatcher.js';
import { WebhookSender } from './modules/webhooks/webhook-sender.js';
import { WebhookService } from './modules/webhooks/webhook.service.js';
import { systemClock, type Clock } from './shared/clock.js';
import { EventBus, type DomainEvents } from './shared/events.js';
import { AssetRegistry } from './web/http/assets.js';
import { PageCache } from './web/http/page-cache.js';
import { SiteContextProvider } from './web/site/site-context.provider.js';
import { SitemapService } from './modules/sitemaps/sitemap.service.js';
import { SearchService } from './modules/search/search.service.js';
import { absoluteUrls } from './web/site/absolute-urls.js';

/** Everything the app needs, wired once here and passed in; no module keeps a singleton. */
export interface Deps {
  config: Config;
  clock: Clock;
  database: DatabaseHandle;
  db: Db;
  events: EventBus;
  audit: AuditService;
  users: UserService;
  sessions: SessionService;
  /** Reader accounts' sessions (comments); never valid in the newsroom. */
  readerSessions: ReaderSessionService;
  /** Reader accounts: sign-up, sign-in (rate limited), profile, deletion. */
  readers: ReaderService;
  /** One-time password-reset links that admins hand to readers. */
  readerResets: ReaderPasswordResetService;
  /** The newsroom's comment queue and the publication's comment settings. */
  moderation: CommentModerationService;
  signIn: SignInService;
  settings: SettingsService;
  sections: SectionDirectory;
  /** Creating, editing and ordering sections from the newsroom (`sections` is the in-memory view). */
  sectionAdmin: SectionService;
  invitations: InvitationService;
  authors: AuthorService;
  tags: TagService;
  reading: ReadingService;
  /** Full-text search (SQLite FTS5 / PostgreSQL tsvector); keeps its index in step with content.changed. */
  search: SearchService;
  /** Readers' comments, replies, likes and reports. */
  comments: CommentService;
  lists: RankedListsService;
  /** Partners' keys to the Content API: verified (cached briefly) and rate limited per key. */
  apiKeys: ApiKeyService;
  /** What the Content API (/api/v1) reads: only what readers may see. */
  contentApi: ContentApiService;
  /** Gathers readers' views and writes them in batches; main.ts starts its timers. */
  views: ViewCounter;
  /** "You May Also Like" for every visible story, recomputed when stories change. */
  related: RelatedStoriesService;
  /** Must-Reads picks, the home page's lead story and the breaking-news banner. */
  curation: CurationService;
  editing: ArticleEditingService;
  revisions: RevisionService;
  /** Publishes scheduled stories when due; main.ts starts it. */
  publisher: ScheduledPublisher;
  /** Sitemaps as finished XML in memory, rebuilt on content changes and every minute; main.ts starts its timer. */
  sitemaps: SitemapService;
  /** Webhooks for admins: settings, test deliveries, the delivery log. */
  webhooks: WebhookService;
  /** Sends queued webhook deliveries every 2 seconds; main.ts starts it. */
  webhookSender: WebhookSender;
  pageCache: PageCache;
  assets: AssetRegistry;
  site: SiteContextProvider;
  mediaDir: string;
  media: MediaUploadService;
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
  const lists = new RankedListsService(db, clock, () => settings.publication, () => pageCache.clear());
  const related = new RelatedStoriesService(db, clock, () => pageCache.clear());
  const assets = new AssetRegistry();
  const views = new ViewCounter(db, clock, new DailyReaders(() => settings.publication.timeZone));
  const curation = new CurationService(db, clock, events);
  const site = new SiteContextProvider({ db, settings, sections, assets, curation, siteUrl: config.siteUrl });
  const mediaDir = path.join(config.dataDir, 'media');
  const media = new MediaUploadService({ db, clock, events, mediaDir });
  const audit = new AuditService(db, clock);
  const editing = new ArticleEditingService(db, clock, events, audit);
  const publisher = new ScheduledPublisher(db, clock, events, audit);
  const urls = absoluteUrls(config.siteUrl);
  const sitemaps = new SitemapService(db, clock, { urls, publication: () => settings.publication });
  const webhookDispatcher = new WebhookDispatcher(db, clock, urls.article);
  const webhookSender = new WebhookSender(db, clock, { allowPrivate: config.webhookAllowPrivate });
  const users = new UserService(db, clock, audit);
  const sessions = new SessionService(db, clock);
  // In memory: right for one process. Several machines will share a Redis-backed RateLimiter.
  const signIn = new SignInService(users, sessions, memorySignInLimiters(clock), audit);
  const reading = new ReadingService(db, clock, sections, related);
  const search = new SearchService(db, clock, sections);
  const readerSessions = new ReaderSessionService(db, clock);
  const deps: Deps = {
    config,
    clock,
    database,
    db,
    events,
    audit,
    users,
    sessions,
    readerSessions,
    // In memory, like the sign-in limits: right for one process.
    readers: new ReaderService(db, clock, readerSessions, memoryReaderLimiters(clock)),
    readerResets: new ReaderPasswordResetService(db, clock, readerSessions, audit),
    moderation: new CommentModerationService(db, clock, events, audit, settings),
    signIn,
    settings,
    sections,
    sectionAdmin: new SectionService(db, clock, events, audit),
    invitations: new InvitationService(db, clock, users, audit),
    authors: new AuthorService(db, clock, events, audit),
    tags: new TagService(db, events, audit),
    reading,
    search,
    // In memory, like the sign-in limits: right for one process.
    comments: new CommentService(db, clock, events, reading, () => settings.publication, memoryCommentLimiters(clock)),
    lists,
    apiKeys: new ApiKeyService(db, clock, audit),
    contentApi: new ContentApiService(db, clock, reading, sections),
    views,
    related,
    curation,
    editing,
    revisions: new RevisionService(db, editing),
    publisher,
    sitemaps,
    webhooks: new WebhookService(db, clock, audit, webhookDispatcher, { allowPrivate: config.webhookAllowPrivate }),
    webhookSender,
    pageCache,
    assets,
    site,
    mediaDir,
    media,
    close: async () => {
      lists.stop();
      // Before the database closes: the last batch of views is written, so a graceful stop loses none.
      await views.stop();
      curation.stop();
      publisher.stop();
      sitemaps.stop();
      // Before the database closes: a send in progress still records its outcome.
      await webhookSender.stop();
      // Before the database closes: a running AVIF job still writes its row.
      await media.stop();
      await database.close();
    },
  };
  events.on('content.changed', (change) => reloadState(deps, change));
  // Deliveries are written before the change's flow returns; the sender sends them.
  events.on('content.changed', (change) => webhookDispatcher.handle(change));
  // Comment counts show on the story and in the lists: both refresh, then cached pages go.
  events.on('comments.changed', async () => {
    await lists.refresh();
    pageCache.clear();
  });
  await reloadState(deps);
  return deps;
}

/**
 * Reloads every in-memory view of the content, then drops cached pages. The order matters: clearing
 * first would let a request re-cache a page built from the old lists while they reload.
 */
async function reloadState(
  deps: Pick<Deps, 'settings' | 'sections' | 'site' | 'lists' | 'related' | 'curation' | 'pageCache' | 'views' | 'sitemaps' | 'search'>,
  change?: DomainEvents['content.changed'],
): Promise<void> {
  await Promise.all([deps.settings.load(), deps.sections.load(), deps.site.load(), deps.curation.load(), deps.views.loadCountable()]);
  await deps.lists.refresh();
  // A change naming its stories re-reads only those; anything else (a section, a tag) may touch
  // every story's words or tags, so it reloads them all.
  await (change?.articleIds ? deps.related.update(change.articleIds) : deps.related.load());
  await deps.sitemaps.refresh();
  // Named stories are re-indexed alone; at start, an index behind the stories is rebuilt.
  await deps.search.refreshIndex(change);
  deps.pageCache.clear();
}
