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
import { CdnPurger } from './modules/cdn/cdn-purger.js';
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
import { ReaderService, readerLimiters } from './modules/readers/reader.service.js';
import { CommentModerationService } from './modules/comments/comment-moderation.service.js';
import { CommentService, commentLimiters } from './modules/comments/comment.service.js';
import { SignInService, signInLimiters } from './modules/users/sign-in.service.js';
import { UserService } from './modules/users/user.service.js';
import { WebhookDispatcher } from './modules/webhooks/webhook-dispatcher.js';
import { WebhookSender } from './modules/webhooks/webhook-sender.js';
import { WebhookService } from './modules/webhooks/webhook.service.js';
import { systemClock, type Clock } from './shared/clock.js';
import type { RateLimiterFactory } from './shared/rate-limiter.js';
import { createCluster, type Cluster, type ClusterMessage } from './cluster/cluster.js';
import { connectListSnapshots } from './cluster/redis-list-snapshots.js';
import { EventBus, type DomainEvents } from './shared/events.js';
import { AssetRegistry } from './web/http/assets.js';
import { PageCache } from './web/http/page-cache.js';
import { SiteContextProvider } from './web/shared/site-context.provider.js';
import { SitemapService } from './modules/sitemaps/sitemap.service.js';
import { SearchService } from './modules/search/search.service.js';
import { absoluteUrls } from './web/shared/absolute-urls.js';

/** Everything the app needs, wired once here and passed in; no module keeps a singleton. */
export interface Deps {
  config: Config;
  clock: Clock;
  database: DatabaseHandle;
  db: Db;
  events: EventBus;
  /** The other nodes (multi-node mode, through Redis) or none: messages, shared rate limits, locks. */
  cluster: Cluster;
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
  /** Tells the CDN (CDN_PURGE_URL) which surrogate keys changed; does nothing without one. */
  cdn: CdnPurger;
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
  // Alone in memory, or shared with the other nodes through Redis when REDIS_URL is set.
  const cluster = await createCluster(config, clock, () => settings.publication.timeZone).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // Every rate limit comes from the cluster, so a limit hit on one node holds on all of them.
  const limiters: RateLimiterFactory = (name, options) => cluster.rateLimiter(name, options);
  const sections = new SectionDirectory(db);
  const pageCache = new PageCache(config.pageCache.enabled ? config.pageCache.maxEntries : 0);
  const cdn = new CdnPurger(db, clock, config.cdnPurge);
  // Several nodes: one list leader computes the lists and shares them in Redis; the others load them.
  const listSnapshots = config.redis ? await connectListSnapshots(config.redis.url, config.redis.keyPrefix) : undefined;
  const lists = new RankedListsService(
    db,
    clock,
    () => settings.publication,
    () => {
      pageCache.clear();
      cdn.listsChanged();
    },
    listSnapshots && { cluster, snapshots: listSnapshots.store },
  );
  cluster.onMessage((message) => (message.type === 'lists.refreshed' ? lists.refresh() : undefined));
  const related = new RelatedStoriesService(db, clock, () => pageCache.clear());
  const assets = new AssetRegistry();
  // Readers seen today: this node's memory, or Redis shared by every node (a view counts once across them).
  const views = new ViewCounter(db, clock, cluster.readerDays);
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
  const signIn = new SignInService(users, sessions, signInLimiters(limiters), audit);
  const reading = new ReadingService(db, clock, sections, related);
  const search = new SearchService(db, clock, sections);
  const readerSessions = new ReaderSessionService(db, clock);
  const deps: Deps = {
    config,
    clock,
    database,
    db,
    events,
    cluster,
    audit,
    users,
    sessions,
    readerSessions,
    readers: new ReaderService(db, clock, readerSessions, readerLimiters(limiters)),
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
    comments: new CommentService(db, clock, events, reading, () => settings.publication, commentLimiters(limiters)),
    lists,
    apiKeys: new ApiKeyService(db, clock, audit, { limiters, limits: { requestsPerMinute: config.apiRateLimit }, onRevoked: (keyId) => cluster.broadcast({ type: 'api-key.revoked', keyId }) }),
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
    cdn,
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
      // Purges already queued still go out (briefly: the CDN's copies expire by themselves anyway).
      await cdn.close();
      // After the timers: no job asks for a lock any more; the locks held are released for the others.
      await cluster.close();
      await listSnapshots?.close();
      await database.close();
    },
  };
  events.on('content.changed', (change) => reloadState(deps, change, 'here'));
  // Deliveries are written before the change's flow returns; the sender sends them.
  events.on('content.changed', (change) => webhookDispatcher.handle(change));
  // Local events only: in multi-node mode the node where a change happened purges the CDN, once.
  events.on('content.changed', (change) => cdn.contentChanged(change));
  events.on('comments.changed', (change) => cdn.commentsChanged(change));
  // Comment counts show on the story and in the lists: both refresh, then cached pages go.
  events.on('comments.changed', async () => {
    await lists.refresh();
    pageCache.clear();
  });
  // Last, after this node's own handlers: the other nodes repeat only the in-memory part.
  events.on('content.changed', (change) => cluster.broadcast({ type: 'content.changed', payload: change }));
  events.on('comments.changed', (change) => cluster.broadcast({ type: 'comments.changed', payload: change }));
  cluster.onMessage((message) => onClusterMessage(deps, message));
  await reloadState(deps, undefined, 'here');
  return deps;
}

/**
 * A change made on another node: this node reloads what it holds in memory and nothing else. What
 * writes to the shared database (the search index, webhook deliveries) happened on that node once.
 */
async function onClusterMessage(deps: Deps, message: ClusterMessage): Promise<void> {
  switch (message.type) {
    case 'content.changed':
      return reloadState(deps, message.payload, 'elsewhere');
    case 'comments.changed':
      await deps.lists.refresh();
      deps.pageCache.clear();
      return;
    case 'api-key.revoked':
      deps.apiKeys.forget(message.keyId);
      return;
    case 'lists.refreshed':
      // Handled with the list refresh's leadership (see where lists are wired).
      return;
  }
}

/**
 * Reloads every in-memory view of the content, then drops cached pages. The order matters: clearing
 * first would let a request re-cache a page built from the old lists while they reload.
 */
async function reloadState(
  deps: Pick<Deps, 'settings' | 'sections' | 'site' | 'lists' | 'related' | 'curation' | 'pageCache' | 'views' | 'sitemaps' | 'search'>,
  change: DomainEvents['content.changed'] | undefined,
  /** `elsewhere`: the change was made on another node, which re-indexed the shared database already. */
  origin: 'here' | 'elsewhere',
): Promise<void> {
  await Promise.all([deps.settings.load(), deps.sections.load(), deps.site.load(), deps.curation.load(), deps.views.loadCountable()]);
  await deps.lists.refresh();
  // A change naming its stories re-reads only those; anything else (a section, a tag) may touch
  // every story's words or tags, so it reloads them all.
  await (change?.articleIds ? deps.related.update(change.articleIds) : deps.related.load());
  await deps.sitemaps.refresh();
  // Named stories are re-indexed alone; at start, an index behind the stories is rebuilt.
  if (origin === 'here') await deps.search.refreshIndex(change);
  deps.pageCache.clear();
}
