import path from 'node:path';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle, type Db } from './db/database.js';
import type { PostgresOptions } from './db/dialects/postgres.dialect.js';
import { ArticleEditingService, StoryTranslationService, ReadingService, ScheduledPublisher, findLiveStoryState } from './modules/articles/index.js';
import { AuditService } from './modules/audit/index.js';
import { AuthorService } from './modules/authors/index.js';
import { ApiKeyService } from './modules/api-keys/index.js';
import { ContentApiService } from './modules/content-api/index.js';
import { CdnPurger, databaseStoryLookup, PurgeKeys, SURROGATE_KEYS } from './modules/cdn/index.js';
import { ViewCounter, AudienceReportService } from './modules/audience/index.js';
import { MediaLibrary, MediaUploadService, AVIF_VARIANTS_JOB } from './modules/media/index.js';
import { CurationService, RankedListsService, RelatedStoriesService, LISTS_REFRESH_JOB } from './modules/rankings/index.js';
import { RevisionService } from './modules/revisions/index.js';
import { PresenceService } from './modules/presence/index.js';
import { LiveService } from './modules/live/index.js';
import type { LiveStreamStoryFor } from './web/site/live-frames.js';
import { LiveHub } from './web/site/live-hub.js';
import { LiveFanOut } from './web/site/live-stream.fan-out.js';
import { liveFrameRenderers, liveStreamStories } from './web/site/live-stream.story.js';
import { SectionDirectory, SectionService } from './modules/sections/index.js';
import { PublicationIconService, SettingsService } from './modules/settings/index.js';
import { TagService } from './modules/tags/index.js';
import {
  InvitationService,
  SessionService,
  SignInService,
  signInLimiters,
  StaffMail,
  UserPasswordResetService,
  UserService,
} from './modules/users/index.js';
import {
  ReaderConfirmationService,
  ReaderMail,
  ReaderSessionService,
  ReaderPasswordResetService,
  ReaderService,
  readerLimiters,
} from './modules/readers/index.js';
import { CommentModerationService, CommentService, ReplyMailService, commentLimiters } from './modules/comments/index.js';
import { accountLinks } from './account-links.js';
import { WebhookDispatcher, WebhookSender, WebhookService } from './modules/webhooks/index.js';
import { MailSender, MailService } from './modules/mail/index.js';
import {
  NEWSLETTER_SEND_JOB,
  NewsletterCatalog,
  NewsletterIssueService,
  SubscriberAdminService,
  SubscriberService,
  subscribeLimiters,
} from './modules/newsletters/index.js';
import { realSleep, systemClock, type Clock, type Sleep } from './shared/clock.js';
import type { RateLimiterFactory } from './shared/rate-limiter.js';
import { createCluster, type Cluster, type ClusterMessage } from './cluster/cluster.js';
import { EventBus } from './shared/events.js';
import { JobRunner } from './shared/jobs/job-runner.js';
import { jobList } from './job-list.js';
import { SITEMAPS_REFRESH_JOB, SitemapService } from './modules/sitemaps/index.js';
import { createReactions, loadAtStart } from './reactions.js';
import { AssetRegistry, DEFAULT_ICON_ASSET } from './web/http/assets.js';
import { PAGE_MAX_AGE_MS, PageCache } from './web/http/page-cache.js';
import { SiteContextProvider } from './web/shared/site-context.provider.js';
import { SearchService } from './modules/search/index.js';
import { FeedService } from './modules/feeds/index.js';
import { LatestStoriesService } from './modules/newsroom/index.js';
import { StaticPageService } from './modules/pages/index.js';
import { SeriesService } from './modules/series/index.js';
import { NotFoundLog, RedirectService } from './modules/redirects/index.js';
import { IMPORT_RUN_JOB, ImportRunService } from './modules/import-runs/index.js';
import { importTargets } from './web/shared/import-targets.js';
import { absoluteUrls } from './web/shared/absolute-urls.js';
import { editionBase } from './web/shared/request-edition.js';
import { EditionService } from './modules/editions/index.js';

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
  /** One-time password-reset links: mailed to readers who forgot theirs, or made by admins to hand over. */
  readerResets: ReaderPasswordResetService;
  /** Sign-up confirmation links, mailed; a reader comments only once confirmed. */
  readerConfirmations: ReaderConfirmationService;
  /** Staff "forgot password" links, mailed. */
  staffResets: UserPasswordResetService;
  /** Mails a reader who asked for it when someone replies to their comment (a reaction). */
  replyMail: ReplyMailService;
  /** The newsroom's comment queue and the publication's comment settings. */
  moderation: CommentModerationService;
  signIn: SignInService;
  settings: SettingsService;
  sections: SectionDirectory;
  /** Creating, editing and ordering sections from the newsroom (`sections` is the in-memory view). */
  sectionAdmin: SectionService;
  invitations: InvitationService;
  authors: AuthorService;
  /** Series for the newsroom's story form. */
  series: SeriesService;
  tags: TagService;
  reading: ReadingService;
  /** BENCH_ROUTES only: the article page's reading without "You May Also Like" (bench/audience.bench.sh). */
  benchReading: ReadingService;
  /** RSS and Atom feeds of the site, each section, author and series. */
  feeds: FeedService;
  /** The newsroom's Audience dashboard, from the hourly view buckets. */
  audience: AudienceReportService;
  /** The newsroom home's newest stories, whatever their status. */
  latestStories: LatestStoriesService;
  /** Full-text search (SQLite FTS5 / PostgreSQL tsvector); keeps its index in step with story events (search-index.reaction.ts). */
  search: SearchService;
  /** Readers' comments, replies, likes and reports. */
  comments: CommentService;
  lists: RankedListsService;
  /** Partners' keys to the Content API: verified (cached briefly) and rate limited per key. */
  apiKeys: ApiKeyService;
  /** What the Content API (/api/v1) reads: only what readers may see. */
  contentApi: ContentApiService;
  /** Gathers readers' views; the view-flush job writes them in batches. */
  views: ViewCounter;
  /** "You May Also Like" for every visible story, recomputed when stories change. */
  related: RelatedStoriesService;
  /** Must-Reads picks, the home page's lead story and the breaking-news banner. */
  curation: CurationService;
  editing: ArticleEditingService;
  /** Translating a story into another edition, and whether a translation is outdated (docs/editions.md). */
  translations: StoryTranslationService;
  revisions: RevisionService;
  /** Who has a story's editor open (the editor's heartbeat). */
  presence: PresenceService;
  /** Live stories' updates and key points (docs/live.md). */
  live: LiveService;
  /** This node's live-update streams (SSE), per story, up to LIVE_MAX_CONNECTIONS. */
  liveHub: LiveHub;
  /** A story as its stream sees it: whether readers may follow it, and the page's renderers for its frames. */
  liveStreamStory: LiveStreamStoryFor;
  /** Sends each live change to this node's readers of the story (the live-stream reaction, and readers joining). */
  liveFanOut: LiveFanOut;
  /** Publishes scheduled stories when due (the scheduled-publish job). */
  publisher: ScheduledPublisher;
  /** Sitemaps as finished XML in memory, rebuilt on content changes and every minute (the sitemaps-refresh job). */
  sitemaps: SitemapService;
  /** Webhooks for admins: settings, test deliveries, the delivery log. */
  webhooks: WebhookService;
  /** Old links (an imported archive's) sent on to their new addresses; admins manage them. */
  redirects: RedirectService;
  /** Paths readers asked for that matched nothing, counted in memory, written by the not-found-log-flush job. */
  notFoundLog: NotFoundLog;
  /** The durable mail queue: features enqueue (in their transaction); the mail-delivery job sends. */
  mail: MailService;
  /** The newsletters readers can subscribe to: the briefing, breaking alerts, one weekly per section. */
  newsletters: NewsletterCatalog;
  /** Newsletter subscribers: double opt-in, recipients for sending, signed preferences and unsubscribe links. */
  subscribers: SubscriberService;
  /** Newsletter issues: the briefing, breaking alerts and weeklies composed, edited and fanned out (the newsletter-send job). */
  newsletterIssues: NewsletterIssueService;
  /** The newsroom's Subscribers page: counts, growth, search, CSV export and import, unsubscribe, erase. */
  subscriberAdmin: SubscriberAdminService;
  /** Sends queued mail over SMTP_URL, or into DATA_DIR/outbox/ (the mail-delivery job, every second). */
  mailSender: MailSender;
  /** Sends queued webhook deliveries (the webhook-delivery job, every 2 seconds). */
  webhookSender: WebhookSender;
  /** The newsroom's imports: uploads checked on disk, run in the background by this node's import-run job, one at a time everywhere. */
  importRuns: ImportRunService;
  pageCache: PageCache;
  /** The publication's editions (languages), default one at `/` (docs/editions.md). */
  editions: EditionService;
  purgeKeys: PurgeKeys;
  /** Tells the CDN (CDN_PURGE_URL) which surrogate keys changed; does nothing without one. */
  cdn: CdnPurger;
  assets: AssetRegistry;
  /** The site icon (/favicon.ico): the one chosen in the settings, or the default. */
  icon: PublicationIconService;
  site: SiteContextProvider;
  mediaDir: string;
  media: MediaUploadService;
  /**
   * Every periodic and queued job of this node (src/job-list.ts). main.ts starts it; tests never
   * do, and run the jobs they need by name. close() stops it before the database closes.
   */
  jobs: JobRunner;
  close(): Promise<void>;
}

export interface DepsOptions {
  clock?: Clock;
  /** How the server waits when it slows itself down (sign-in under attack); tests record instead of waiting. */
  sleep?: Sleep;
  postgres?: PostgresOptions;
}

export async function createDeps(config: Config, options: DepsOptions = {}): Promise<Deps> {
  const database = await openDatabase(config.database, options.postgres);
  const db = database.db;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const events = new EventBus();
  // Needs only the database: settings (the logo) and authors (photos) check that images exist through it.
  const mediaLibrary = new MediaLibrary(db);
  const settings = new SettingsService(db, events, mediaLibrary);
  // Alone in memory, or shared with the other nodes through Redis when REDIS_URL is set.
  const cluster = await createCluster(config, clock, () => settings.publication.timeZone).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // Services ask it for runs of their jobs (coalesced); the jobs are registered once deps exist.
  const jobs = new JobRunner({ clock, locks: cluster });
  // Every rate limit comes from the cluster, so a limit hit on one node holds on all of them.
  const limiters: RateLimiterFactory = (name, options) => cluster.rateLimiter(name, options);
  const sections = new SectionDirectory(db);
  // A handful of rows every public request will need (its edition), held in memory: loaded at start
  // and after each change on any node (editions.reaction.ts).
  const editions = new EditionService(db, clock, () => settings.publication, events);
  const audit = new AuditService(db, clock);
  const sectionAdmin = new SectionService(db, clock, events, audit);
  // Surrogate keys are sent only to a CDN that is purged by them.
  const pageCache = new PageCache(config.pageCache.enabled ? config.pageCache.maxEntries : 0, PAGE_MAX_AGE_MS, Date.now, {
    announceKeys: config.cdnPurge !== undefined,
  });
  const cdn = new CdnPurger(clock, config.cdnPurge);
  // What each event makes stale, for the page cache and the CDN alike (modules/cdn/purge-keys.ts).
  const purgeKeys = new PurgeKeys(databaseStoryLookup(db));
  // Several nodes: one list leader computes the lists and shares them in Redis; the others load them.
  // (Loaded only then: ioredis is a single node's start's largest import.)
  const listSnapshots = config.redis
    ? await (await import('./cluster/redis-list-snapshots.js')).connectListSnapshots(config.redis.url, config.redis.keyPrefix)
    : undefined;
  const lists = new RankedListsService(
    db,
    clock,
    sectionAdmin,
    () => settings.publication,
    () => {
      pageCache.purge([SURROGATE_KEYS.lists]);
      cdn.listsChanged();
    },
    listSnapshots && { cluster, snapshots: listSnapshots.store },
    () => jobs.run(LISTS_REFRESH_JOB),
    () => editions.all.map((edition) => edition.id),
  );
  cluster.onMessage((message) => (message.type === 'lists.refreshed' ? lists.refresh() : undefined));
  // Related stories show on article pages, which all carry `lists`.
  // Stored lists (migration 0010); a large archive's full build runs in a child process with its own connection.
  const related = new RelatedStoriesService(db, clock, {
    database: { target: config.database, ...(options.postgres ? { postgres: options.postgres } : {}) },
    locks: cluster,
    onChange: () => pageCache.purge([SURROGATE_KEYS.lists]),
  });
  const assets = new AssetRegistry();
  // Readers seen today: this node's memory, or Redis shared by every node (a view counts once across them).
  const views = new ViewCounter(db, clock, cluster.readerDays);
  const curation = new CurationService(db, clock, events, audit, settings);
  const pages = new StaticPageService(db);
  const mediaDir = path.join(config.dataDir, 'media');
  const defaultIcon = assets.get(DEFAULT_ICON_ASSET);
  if (!defaultIcon) throw new Error(`public/assets/${DEFAULT_ICON_ASSET} is missing`);
  const icon = await PublicationIconService.create({ settings, mediaDir }, defaultIcon.body);
  const site = new SiteContextProvider({ pages, settings, sections, assets, curation, icon, editions, siteUrl: config.siteUrl });
  const media = new MediaUploadService({ db, clock, events, mediaDir, audit, requestAvifRun: () => jobs.run(AVIF_VARIANTS_JOB) });
  const tags = new TagService(db, events, audit);
  // Restoring a revision goes through the editing service, which writes revisions through this
  // one: the editor is reached lazily, once both exist.
  const revisions: RevisionService = new RevisionService(db, {
    assertMayEdit: (actor, id) => editing.assertMayEdit(actor, id),
    update: (actor, id, input, restoredFrom) => editing.update(actor, id, input, restoredFrom),
  });
  const editing = new ArticleEditingService(db, clock, events, audit, tags, revisions);
  const translations = new StoryTranslationService(db, clock, events, revisions);
  const publisher = new ScheduledPublisher(db, clock, events, audit);
  const urls = absoluteUrls(config.siteUrl);
  const sitemaps = new SitemapService(db, clock, {
    urls,
    publication: () => settings.publication,
    editions: () => editions.all.filter((edition) => edition.enabled),
    requestRun: () => jobs.run(SITEMAPS_REFRESH_JOB),
  });
  const webhookDispatcher = new WebhookDispatcher(db, clock, (slug, editionId) => urls.article(slug, editions.pathPrefixOf(editionId)));
  const webhookSender = new WebhookSender(db, clock, { allowPrivate: config.webhookAllowPrivate });
  const users = new UserService(db, clock, audit);
  const presence = new PresenceService(db, clock, users);
  const live = new LiveService(db, clock, events, audit);
  const liveHub = new LiveHub({ maxConnections: config.liveMaxConnections });
  const liveStreamStory = liveStreamStories({
    findStory: (id) => findLiveStoryState(db, id),
    clock,
    renderers: liveFrameRenderers({
      live,
      media,
      publicationOf: (editionId) => site.current(editions.all.find((edition) => edition.id === editionId)).publication,
    }),
  });
  const sessions = new SessionService(db, clock);
  const signIn = new SignInService(users, sessions, signInLimiters(limiters), audit, sleep);
  const authors = new AuthorService(db, clock, events, audit, mediaLibrary);
  const series = new SeriesService(db);
  const directories = { authors, tags, series, pages };
  const reading = new ReadingService(db, clock, sections, related, directories);
  const search = new SearchService(db, database.fullText, clock, sections);
  const readerSessions = new ReaderSessionService(db, clock);
  const mail = new MailService(db, clock);
  const links = accountLinks(config.siteUrl);
  // Account mail (docs/account-mail.md): queued in the action's transaction, in the house layout.
  const mailParts = { queue: mail, siteUrl: config.siteUrl, publication: () => settings.publication };
  // A reader's mail is in the language and name of the edition they are using: the one the request
  // that sends it was addressed to (`/ko/account/…`), whose prefix the links carry too (paths.account);
  // outside a request, or in the default edition, the publication's.
  const readerMailPublication = () => {
    const prefix = editionBase().slice(1);
    const edition = prefix ? editions.byPrefix(prefix) : undefined;
    return edition ? { name: edition.name, language: edition.code } : settings.publication;
  };
  const readerMail = new ReaderMail({ ...mailParts, publication: readerMailPublication, links: links.reader });
  const staffMail = new StaffMail({ ...mailParts, links: links.staff });
  const readerConfirmations = new ReaderConfirmationService(db, clock, readerSessions, readerMail, limiters);
  const newsletters = new NewsletterCatalog(sections);
  const subscribers = await SubscriberService.create({
    db,
    clock,
    mail,
    catalog: newsletters,
    limiters: subscribeLimiters(limiters),
    siteUrl: config.siteUrl,
    site: () => ({ name: settings.publication.name, language: settings.publication.language }),
  });
  const newsletterIssues = new NewsletterIssueService({
    db,
    clock,
    mail,
    lists,
    sections,
    settings: () => settings.publication,
    names: newsletters,
    recipients: subscribers,
    siteUrl: config.siteUrl,
    articleUrl: urls.article,
    requestRun: () => void jobs.run(NEWSLETTER_SEND_JOB).catch(() => {}),
    events,
    editions,
  });
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
    readers: new ReaderService(db, clock, readerSessions, readerLimiters(limiters), sleep, readerConfirmations, readerMail),
    readerResets: new ReaderPasswordResetService(db, clock, readerSessions, audit, readerMail, limiters),
    readerConfirmations,
    staffResets: new UserPasswordResetService(db, clock, sessions, audit, staffMail, limiters),
    replyMail: new ReplyMailService(db, clock, readerMail),
    moderation: new CommentModerationService(db, clock, events, audit, settings),
    signIn,
    settings,
    sections,
    sectionAdmin,
    invitations: new InvitationService(db, clock, users, audit, staffMail),
    authors,
    series,
    tags,
    reading,
    // The same reading as the article page's, with no related stories to look up.
    benchReading: new ReadingService(db, clock, sections, { relatedTo: () => [], relatedToArticle: () => [] }, directories),
    feeds: new FeedService(db, clock, sections, { authors, series, tags, media: mediaLibrary }),
    audience: new AudienceReportService(db, clock, settings),
    latestStories: new LatestStoriesService(db),
    search,
    comments: new CommentService(db, clock, events, reading, () => settings.publication, commentLimiters(limiters)),
    lists,
    apiKeys: new ApiKeyService(db, clock, audit, {
      limiters,
      limits: { requestsPerMinute: config.apiRateLimit },
      onRevoked: (keyId) => cluster.broadcast({ type: 'api-key.revoked', keyId }),
    }),
    contentApi: new ContentApiService(db, clock, reading, sections, { authors, series, tags }),
    views,
    related,
    curation,
    editing,
    translations,
    revisions,
    presence,
    live,
    liveHub,
    liveStreamStory,
    liveFanOut: new LiveFanOut({ live, hub: liveHub, stories: liveStreamStory }),
    publisher,
    sitemaps,
    webhooks: new WebhookService(db, clock, audit, webhookDispatcher, { allowPrivate: config.webhookAllowPrivate }),
    webhookSender,
    mail,
    newsletters,
    subscribers,
    newsletterIssues,
    subscriberAdmin: new SubscriberAdminService(db, clock, audit, newsletters, subscribers, mail),
    mailSender: new MailSender(db, clock, { config: config.mail, siteName: () => settings.publication.name, sleep }),
    redirects: new RedirectService(db, clock, audit, { siteUrl: config.siteUrl }),
    notFoundLog: new NotFoundLog(db, clock),
    importRuns: new ImportRunService({
      db,
      clock,
      audit,
      // The running site's own services: pictures go through its media pipeline, `content.imported` to its reactions.
      importer: {
        db,
        database: { refreshStatistics: () => refreshStatisticsWithoutTimeLimit(config, database, options.postgres) },
        clock,
        events,
        media,
      },
      targets: importTargets,
      sections,
      node: cluster,
      dir: path.join(config.dataDir, 'imports'),
      maxBytes: config.importMaxBytes,
      timeZone: () => settings.publication.timeZone,
      requestRun: () => jobs.run(IMPORT_RUN_JOB),
      afterRun: () => void media.avif.queueMissing().catch(() => {}),
    }),
    pageCache,
    purgeKeys,
    editions,
    cdn,
    assets,
    icon,
    site,
    mediaDir,
    media,
    jobs,
    close: async () => {
      // Before the database closes: runs in progress finish (a webhook send records its outcome, an
      // AVIF encode writes its row) and the last batch of views is written, so a graceful stop loses none.
      await jobs.stop();
      // After the last run: its pooled SMTP connection says QUIT.
      deps.mailSender.close();
      // A full build in the child process stops; what it wrote stays, and the next start finishes it.
      await related.close();
      // Purges already queued still go out (briefly: the CDN's copies expire by themselves anyway).
      await cdn.close();
      // After the timers: no job asks for a lock any more; the locks held are released for the others.
      await cluster.close();
      await listSnapshots?.close();
      await database.close();
    },
  };
  // Before anything asks for a run: the reactions below and other nodes' messages refresh the lists.
  for (const job of jobList(deps)) jobs.register(job);
  // Side effects of events: one ordered list (src/reactions.ts), which picks what it needs from the
  // deps; what other nodes announce runs the reactions that run everywhere, and only those.
  const reactions = createReactions({ ...deps, webhookDispatcher });
  for (const reaction of reactions) events.register(reaction);
  cluster.onMessage((message) => onClusterMessage(deps, message));
  await loadAtStart(reactions);
  return deps;
}

/**
 * After an import, PostgreSQL's statistics are refreshed table by table (VACUUM ANALYZE), which on a
 * large archive takes longer than a request's statement may (DATABASE_STATEMENT_TIMEOUT_MS): on a
 * connection of its own without that limit, as the CLI's whole import runs. SQLite has nothing to do.
 */
async function refreshStatisticsWithoutTimeLimit(config: Config, database: DatabaseHandle, postgres: PostgresOptions | undefined): Promise<void> {
  if (config.database.engine !== 'postgres') return database.refreshStatistics();
  const own = await openDatabase({ ...config.database, statementTimeoutMs: 0 }, postgres);
  try {
    await own.refreshStatistics();
  } finally {
    await own.close();
  }
}

/** A message from another node (or from the cluster itself, `cluster.resynced`). */
async function onClusterMessage(deps: Pick<Deps, 'events' | 'apiKeys'>, message: ClusterMessage): Promise<void> {
  switch (message.type) {
    case 'event':
      return deps.events.receive(message.event);
    case 'api-key.revoked':
      deps.apiKeys.forget(message.keyId);
      return;
    case 'lists.refreshed':
      // Handled with the list refresh's leadership (see where lists are wired).
      return;
  }
}
