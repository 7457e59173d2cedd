/**
 * Storage row types, one interface per table. Only repositories import these: services and pages
 * work with the domain types each module exports.
 *
 * Portable choices, so one set of queries runs on SQLite and PostgreSQL alike:
 * - ids are application-generated text (UUIDs), never engine sequences;
 * - timestamps are ISO 8601 UTC text (`2026-11-29T05:50:00.000Z`), which sorts correctly as text;
 * - booleans are integers 0/1; structured values are JSON text.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SectionsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  in_navigation: WithDefault<number>;
  created_at: Timestamp;
  /** The edition it belongs to (migration 0027; the default edition's fixed id for earlier rows). */
  edition_id: WithDefault<string>;
}

export interface AuthorsTable {
  id: string;
  slug: string;
  name: string;
  email: string;
  job_title: string;
  bio: string;
  photo_media_id: string | null;
  created_at: Timestamp;
}

export interface TagsTable {
  id: string;
  slug: string;
  name: string;
}

export interface SeriesTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  created_at: Timestamp;
}

export interface MediaAssetsTable {
  id: string;
  mime_type: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON: MediaVariant[] */
  variants: string;
  created_at: Timestamp;
  /** 1 while the asset's AVIF variants are owed (an upload's background job has not made them yet). */
  avif_pending: Generated<number>;
}

export interface ArticlesTable {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  /** JSON: ArticleBody (structured blocks, never HTML) */
  body: string;
  section_id: string;
  series_id: string | null;
  series_part: number | null;
  hero_media_id: string | null;
  type_label: string;
  status: string;
  published_at: Timestamp | null;
  updated_at: Timestamp | null;
  embargo_until: Timestamp | null;
  seo_title: string | null;
  seo_description: string | null;
  view_count: WithDefault<number>;
  created_at: Timestamp;
  /** The staff user who created the story; contributors and reporters may edit only their own. */
  owner_user_id: WithDefault<string | null>;
  /** 1: readers may comment (unless the publication's comments are closed). */
  comments_enabled: WithDefault<number>;
  /** Published comments and replies, maintained with every comment change. */
  comment_count: WithDefault<number>;
  /** Counts every write of the content; a save names the version it started from (0017). */
  edit_version: WithDefault<number>;
  /** The editing session (one open editor) that wrote the content last, or null. */
  edit_session: WithDefault<string | null>;
  /** The edition it belongs to (migration 0027). */
  edition_id: WithDefault<string>;
  /** Shared by stories that are translations of one another (one per edition); null: none. */
  translation_group_id: WithDefault<string | null>;
  /** A translation's source story (migration 0031), or null. */
  translated_from_id: WithDefault<string | null>;
  /** The source's edit_version at the translation's last create, save or publish, or null. */
  translated_from_version: WithDefault<number | null>;
}

export interface ArticleAuthorsTable {
  article_id: string;
  author_id: string;
  position: number;
}

export interface ArticleTagsTable {
  article_id: string;
  tag_id: string;
  position: number;
}

export interface CorrectionsTable {
  id: string;
  article_id: string;
  kind: string;
  body: string;
  created_at: Timestamp;
}

export interface LiveCoverageTable {
  article_id: string;
  /** JSON: the key points, an array of strings. */
  summary: WithDefault<string>;
  last_sequence: WithDefault<number>;
  summary_sequence: WithDefault<number>;
  ended_at: Timestamp | null;
  ended_sequence: WithDefault<number>;
  created_at: Timestamp;
}

export interface LiveUpdatesTable {
  id: string;
  article_id: string;
  sequence: number;
  /** JSON: ArticleBody. */
  body: string;
  /** The Markdown as written. */
  source: string;
  author_name: string;
  author_id: string | null;
  user_id: string;
  key_event: WithDefault<number>;
  pinned: WithDefault<number>;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface PicksTable {
  id: string;
  article_id: string;
  position: number;
  expires_at: Timestamp | null;
  created_at: Timestamp;
}

export interface StaticPagesTable {
  id: string;
  slug: string;
  title: string;
  /** JSON: ArticleBody */
  body: string;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  author_id: string | null;
  active: WithDefault<number>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  /** The newsroom's language for this account (a catalogue language); NULL: the publication's. */
  language: string | null;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the cookie's token: a stolen database does not yield usable sessions. */
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  role: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object */
  details: string;
}

export interface ArticleRevisionsTable {
  id: string;
  article_id: string;
  number: number;
  author_user_id: string | null;
  created_at: Timestamp;
  /** JSON snapshot of the editable fields */
  snapshot: string;
  /** What made it: save | autosave | restore | submit | publish | schedule | unpublish. */
  kind: WithDefault<string>;
  /** The editing session whose autosaves this revision holds (kind autosave), or null. */
  editing_session: WithDefault<string | null>;
}

/** Who has a story's editor open: one row per story and user, kept fresh by a heartbeat. */
export interface StoryPresenceTable {
  article_id: string;
  user_id: string;
  editing_session: string;
  opened_at: Timestamp;
  seen_at: Timestamp;
}

/** Views of one article in one UTC hour; nothing about who read it. */
export interface ArticleViewHoursTable {
  article_id: string;
  hour_start: Timestamp;
  views: number;
  /** Of `views`, those that came from a click on Popular Now / Weekly Best. */
  via_popular_now: number;
  via_weekly_best: number;
}

export interface ReadersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  deleted_at: Timestamp | null;
  banned_at: Timestamp | null;
  /** When the reader opened the link in their sign-up mail; null: may not comment yet (migration 0021). */
  confirmed_at: Timestamp | null;
  /** 1: mail the reader when someone replies to one of their comments. */
  reply_mail: WithDefault<number>;
}

export interface ReaderSessionsTable {
  id: string;
  token_hash: string;
  reader_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ReaderPasswordResetsTable {
  id: string;
  token_hash: string;
  reader_id: string;
  created_by_user_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A reader's sign-up confirmation link; only the token's SHA-256 is stored (migration 0021). */
export interface ReaderConfirmationsTable {
  id: string;
  token_hash: string;
  reader_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A staff member's "forgot password" link, shaped like the readers' (migration 0021). */
export interface UserPasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface CommentsTable {
  id: string;
  article_id: string;
  reader_id: string;
  parent_id: string | null;
  body: string;
  /** published | pending | hidden | deleted */
  status: string;
  held_reason: string | null;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  like_count: WithDefault<number>;
  report_count: WithDefault<number>;
  /** When the parent comment's author was mailed about this reply (once only; migration 0021). */
  reply_mailed_at: Timestamp | null;
}

export interface CommentLikesTable {
  comment_id: string;
  reader_id: string;
  created_at: Timestamp;
}

export interface CommentReportsTable {
  comment_id: string;
  reader_id: string;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  created_by_user_id: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface WebhooksTable {
  id: string;
  name: string;
  url: string;
  secret: string;
  /** JSON array of event names. */
  events: string;
  active: WithDefault<number>;
  created_by_user_id: string | null;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  article_id: string | null;
  payload: string;
  /** pending | delivered | failed */
  status: string;
  attempts: WithDefault<number>;
  next_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** "You May Also Like", stored (migration 0010; modules/rankings/related-stories.repository.ts). */
export interface RelatedStateTable {
  id: number;
  method_version: number;
  story_count: number;
  built_at: Timestamp | null;
  build_heartbeat_at: Timestamp | null;
  visible_as_of: Timestamp | null;
  changes_since_build: WithDefault<number>;
}

export interface RelatedDocumentsTable {
  doc_no: number;
  article_id: string;
  series_id: string | null;
  published_at: Timestamp;
  tail_score: number;
  /** Term numbers (uint32) and weights (float64), little-endian, 12 bytes a term. */
  profile: Uint8Array;
}

export interface RelatedTermsTable {
  term_no: number;
  term: string;
  story_count: number;
}

export interface RelatedProfilesTable {
  term_no: number;
  doc_no: number;
  weight: number;
}

export interface RelatedStoriesTable {
  doc_no: number;
  position: number;
  related_no: number;
  score: number;
}

export interface RelatedPendingTable {
  article_id: string;
}

/** The ranked lists as story ids, stored so that a start loads them (migration 0011). */
export interface ListSnapshotsTable {
  name: string;
  snapshot: string;
  saved_at: Timestamp;
}

/** Every sitemap as finished XML (migration 0011; modules/sitemaps/sitemap-files.repository.ts). */
export interface SitemapFilesTable {
  name: string;
  kind: string;
  period: string | null;
  body: string;
  version: string;
  lastmod: Timestamp;
  url_count: number;
  entries: string | null;
  built_at: Timestamp;
}

/** What the archive importers took, by its id at the source (migration 0015; modules/imports). */
export interface ImportItemsTable {
  source: string;
  kind: string;
  source_id: string;
  target_id: string;
  checksum: string;
  imported_at: Timestamp;
}

/** The newsroom's import runs (migration 0016; modules/import-runs). */
export interface ImportRunsTable {
  id: string;
  /** `wordpress` | `ghost` */
  kind: string;
  file_name: string;
  /** bigint: PostgreSQL returns it as a string. */
  file_bytes: ColumnType<number | string, number, number>;
  /** `queued` | `running` | `finished` | `failed` */
  status: string;
  /** 1 while queued or running, else null: unique, so one run at a time. */
  active: number | null;
  dry_run: number;
  /** JSON: the form's options. */
  options: string;
  done: number;
  total: number;
  node_id: string;
  started_by: string;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp;
  finished_at: Timestamp | null;
  error: string | null;
  /** JSON: the importer's report, once finished. */
  report: string | null;
}

/** Old paths and where they now live (migration 0014; modules/redirects). */
export interface RedirectsTable {
  path: string;
  target: string;
  /** `import` | `newsroom` */
  origin: string;
  created_at: Timestamp;
}

/** Paths readers asked for that matched nothing, at most 1,000 (migration 0014; modules/redirects). */
export interface NotFoundPathsTable {
  path: string;
  hits: number;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

/** The mail queue (migration 0020; modules/mail). */
export interface MailMessagesTable {
  id: string;
  /** A MailKind: `reader.confirm`, `newsletter.issue`, … */
  kind: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  html: string;
  text: string;
  /** JSON object of extra headers. */
  headers: string;
  batch_id: string | null;
  /** `queued` | `sending` | `sent` | `failed` */
  status: string;
  attempts: number;
  /** When it is due; while `sending`, when its lease lapses (then it is due again). */
  next_attempt_at: Timestamp | null;
  lease_token: string | null;
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** Newsletter issues (migration 0023; modules/newsletters). */
export interface NewsletterIssuesTable {
  id: string;
  /** `briefing`, `breaking` or `weekly-<sectionId>`. */
  newsletter_key: string;
  /** What the issue is for (a local date, a story id): unique per newsletter. */
  edition: string;
  /** Given when it starts sending; unique per newsletter (the archive's address). */
  number: number | null;
  subject: string;
  intro: string;
  /** JSON array of { articleId, slug, headline, standfirst, sectionName }. */
  items: string;
  /** `draft` | `scheduled` | `sending` | `sent` */
  status: string;
  scheduled_for: Timestamp | null;
  started_at: Timestamp | null;
  sent_at: Timestamp | null;
  /** Messages enqueued so far. */
  recipient_count: number;
  /** The last subscriber id enqueued (the fan-out's resume point). */
  cursor: string | null;
  /** The mail queue's sent and failed counts, frozen before its messages are purged; null until then. */
  delivered_count: number | null;
  failed_count: number | null;
  /** When its messages left the mail queue (migration 0025); null: not yet. */
  records_purged_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Newsletter subscribers (migration 0022; modules/newsletters). `email`/`email_key` are null once erased. */
export interface NewsletterSubscribersTable {
  id: string;
  email: string | null;
  /** The address lower-cased: unique, so an address is one subscriber whatever its case. */
  email_key: string | null;
  reader_id: string | null;
  created_at: Timestamp;
  /** When the address was confirmed (double opt-in) or imported with a consent date. */
  confirmed_at: Timestamp | null;
  consent_at: Timestamp | null;
  erased_at: Timestamp | null;
  /** The edition signed up (or last confirmed) in, whose language its issues' fixed words are in; NULL = the default (0034). */
  edition_id: string | null;
}

export interface NewsletterSubscriptionsTable {
  subscriber_id: string;
  /** `briefing`, `breaking` or `weekly-<sectionId>`. */
  newsletter_key: string;
  /** subscribed | unsubscribed */
  status: string;
  created_at: Timestamp;
  unsubscribed_at: Timestamp | null;
}

export interface NewsletterConfirmationsTable {
  id: string;
  token_hash: string;
  subscriber_id: string;
  /** JSON array of the newsletter keys asked for. */
  newsletter_keys: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Per UTC day (YYYY-MM-DD) and newsletter: the growth chart's rows. */
export interface NewsletterDailyCountsTable {
  day: string;
  newsletter_key: string;
  subscribed: number;
  unsubscribed: number;
}

export interface NewsletterLinkKeysTable {
  id: string;
  secret: string;
  created_at: Timestamp;
}

/** Editions (migration 0027): the default one (empty prefix) takes name, tagline and time zone from the publication. */
export interface EditionsTable {
  id: string;
  /** BCP 47 language tag, unique. */
  code: string;
  /** `''` for the default edition at `/`; else the first path segment of its pages (`ko`). */
  path_prefix: string;
  name: string | null;
  tagline: string | null;
  time_zone: string | null;
  enabled: WithDefault<number>;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  settings: SettingsTable;
  editions: EditionsTable;
  sections: SectionsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  series: SeriesTable;
  media_assets: MediaAssetsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  corrections: CorrectionsTable;
  live_coverage: LiveCoverageTable;
  live_updates: LiveUpdatesTable;
  picks: PicksTable;
  static_pages: StaticPagesTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  article_revisions: ArticleRevisionsTable;
  story_presence: StoryPresenceTable;
  article_view_hours: ArticleViewHoursTable;
  readers: ReadersTable;
  reader_sessions: ReaderSessionsTable;
  reader_password_resets: ReaderPasswordResetsTable;
  reader_confirmations: ReaderConfirmationsTable;
  user_password_resets: UserPasswordResetsTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  comment_reports: CommentReportsTable;
  api_keys: ApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  related_state: RelatedStateTable;
  related_documents: RelatedDocumentsTable;
  related_terms: RelatedTermsTable;
  related_profiles: RelatedProfilesTable;
  related_stories: RelatedStoriesTable;
  related_pending: RelatedPendingTable;
  list_snapshots: ListSnapshotsTable;
  sitemap_files: SitemapFilesTable;
  redirects: RedirectsTable;
  not_found_paths: NotFoundPathsTable;
  import_items: ImportItemsTable;
  import_runs: ImportRunsTable;
  mail_messages: MailMessagesTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_confirmations: NewsletterConfirmationsTable;
  newsletter_daily_counts: NewsletterDailyCountsTable;
  newsletter_link_keys: NewsletterLinkKeysTable;
}
