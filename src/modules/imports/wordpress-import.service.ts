import { createHash } from 'node:crypto';
import { inTransaction, type DatabaseHandle, type Db } from '../../db/database.js';
import { findTakenSlugs, importArticle } from '../articles/index.js';
import { importStoryComments } from '../comments/index.js';
import type { MediaUploadService } from '../media/index.js';
import { importStaticPage, STATIC_PAGE_SLUGS, type StaticPageSlug } from '../pages/index.js';
import { importReader } from '../readers/index.js';
import { importRedirects } from '../redirects/index.js';
import { importTags } from '../tags/index.js';
import type { Clock } from '../../shared/clock.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { slugify } from '../../shared/slug.js';
import { loadImage, type ImageSourceOptions } from './image-source.js';
import { findLedgerEntries, recordLedgerEntries } from './import-ledger.repository.js';
import { ImportReportBuilder, type ImportReport } from './import-report.js';
import { importLine } from './import-text.js';
import { resolveBodyImages, type BodyImage } from './wordpress-body.js';
import { readWordPressExport } from './wordpress-export.js';
import { scanWordPressExport, type WordPressScan } from './wordpress-scan.js';
import { planWordPressStory, type PlannedStory } from './wordpress-story.js';
import { WordPressTaxonomy, type UnmappedCategories } from './wordpress-taxonomy.js';

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

export interface WordPressImportOptions {
  /** Opens the export afresh as decoded text: it is read twice (references first, then the stories). */
  open: () => AsyncIterable<string>;
  timeZone: string;
  targets: ImportTargets;
  images?: ImageSourceOptions;
  dryRun?: boolean;
  /** WordPress category slug (or lower-cased name) → an existing Dateline section's slug. */
  sectionMap?: ReadonlyMap<string, string>;
  unmapped?: UnmappedCategories;
  defaultSection?: string | null;
  onProgress?: (done: number, total: number) => void;
}

const NO_PASSWORD = '!imported-reader-without-a-password';

/**
 * Imports a WordPress export (WXR): stories with their bylines, sections, tags, pictures and
 * approved comments, and every old address as a redirect. Each story is written with everything it
 * needs in one transaction, its ledger row included, so an interrupted import resumes cleanly and a
 * second run changes nothing. The computed state (search, lists, sitemaps, related stories) is
 * rebuilt once at the end by `content.imported`.
 */
export async function importWordPress(deps: ImportDeps, options: WordPressImportOptions): Promise<ImportReport> {
  const scan = await scanWordPressExport(options.open());
  const source = `wordpress:${scan.site.baseUrl || scan.site.title || 'unknown'}`;
  const report = new ImportReportBuilder(source, options.dryRun ?? false, deps.clock.now());
  for (const problem of scan.problems)
    report.failed({ kind: 'file', sourceId: '', label: `line ${problem.line}`, reason: problem.message, line: problem.line });
  const taxonomy = new WordPressTaxonomy(
    source,
    scan,
    { sectionMap: options.sectionMap ?? new Map(), unmapped: options.unmapped ?? 'sections', defaultSection: options.defaultSection ?? null },
    report,
  );
  await taxonomy.prepare(deps.db);
  const writer = new StoryWriter(deps, options, scan, source, taxonomy, report);

  let done = 0;
  options.onProgress?.(0, scan.items);
  for await (const entry of readWordPressExport(options.open())) {
    if (entry.kind !== 'item' || (entry.item.type !== 'post' && entry.item.type !== 'page')) continue;
    const { item, problem } = entry;
    const label = item.title || item.link || `line ${item.line}`;
    if (problem) {
      report.failed({
        kind: item.type,
        sourceId: item.postId,
        label,
        reason: `line ${problem.line}, column ${problem.column}: ${problem.message}`,
        line: problem.line,
      });
    } else {
      await writer.write(planWordPressStory(item, scan, options.timeZone), item.type, item.postId, label);
    }
    done += 1;
    options.onProgress?.(done, scan.items);
  }
  if (!options.dryRun) {
    await writer.writeTaxonomyRedirects();
    await deps.database.refreshStatistics();
    await deps.events.emit({ name: 'content.imported' });
  }
  return report.finish(deps.clock.now());
}

class StoryWriter {
  constructor(
    private readonly deps: ImportDeps,
    private readonly options: WordPressImportOptions,
    private readonly scan: WordPressScan,
    private readonly source: string,
    private readonly taxonomy: WordPressTaxonomy,
    private readonly report: ImportReportBuilder,
  ) {}

  async write(plan: ReturnType<typeof planWordPressStory>, kind: string, sourceId: string, label: string): Promise<void> {
    if ('skipped' in plan) {
      this.report.skipped({ kind, sourceId, label, reason: plan.skipped });
      return;
    }
    const { story } = plan;
    const [earlier] = (await findLedgerEntries(this.deps.db, this.source, story.kind, [story.sourceId])).values();
    if (earlier) {
      this.report.unchanged(story.kind);
      return;
    }
    if (story.kind === 'page' && !(STATIC_PAGE_SLUGS as readonly string[]).includes(story.slug)) {
      this.report.skipped({
        kind,
        sourceId,
        label,
        reason: `Dateline's pages are ${STATIC_PAGE_SLUGS.join(', ')}; a page at /${story.slug} has no place yet`,
      });
      return;
    }
    for (const warning of story.warnings) this.report.warned({ kind, sourceId, label, reason: warning });
    if (this.options.dryRun) {
      this.report.imported(story.kind);
      return;
    }
    const images = await this.uploadImages(story, label);
    const restore = this.taxonomy.checkpoint();
    try {
      await inTransaction(this.deps.db, (trx) => (story.kind === 'page' ? this.writePage(trx, story, images) : this.writePost(trx, story, images)));
      this.report.imported(story.kind);
      if (story.kind === 'post') this.report.imported('comment', story.comments.length);
    } catch (error) {
      restore();
      this.report.failed({ kind, sourceId, label, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async writePost(trx: Db, story: PlannedStory, images: ImageIds): Promise<void> {
    const now = this.deps.clock.now();
    const { section, extraTags } = await this.taxonomy.sectionFor(trx, story.categorySlugs, now);
    const authorIds = await this.taxonomy.authorIds(trx, story.authorLogins, now);
    const tagNames = [...new Set([...story.tagNames, ...extraTags].map((name) => importLine(name, 100, 'tag', () => {})).filter(Boolean))];
    const tags = await importTags(trx, tagNames);
    const slug = await freeSlug(trx, story.slug);
    const articleId = await importArticle(
      trx,
      {
        slug,
        headline: story.headline,
        standfirst: story.standfirst,
        body: resolveBodyImages(story.body.body, (index) => images.body[index] ?? null),
        sectionId: section.id,
        authorIds,
        tagIds: [...new Set(tags.map((tag) => tag.id))],
        heroMediaId: images.hero,
        typeLabel: 'News',
        status: story.status,
        publishedAt: story.publishedAt,
        updatedAt: story.updatedAt,
      },
      story.publishedAt ?? now,
    );
    await this.writeComments(trx, articleId, story, now);
    await this.redirects(
      trx,
      story.oldPaths.map((path) => ({ path, target: this.options.targets.article(slug) })),
    );
    await recordLedgerEntries(trx, this.source, 'post', [{ sourceId: story.sourceId, targetId: articleId, checksum: story.checksum }], now);
  }

  private async writePage(trx: Db, story: PlannedStory, images: ImageIds): Promise<void> {
    const now = this.deps.clock.now();
    const slug = story.slug as StaticPageSlug;
    const body = resolveBodyImages(story.body.body, (index) => images.body[index] ?? null);
    await importStaticPage(trx, { slug, title: story.headline, body, updatedAt: story.updatedAt ?? now });
    await this.redirects(
      trx,
      story.oldPaths.map((path) => ({ path, target: this.options.targets.staticPage(slug) })),
    );
    await recordLedgerEntries(trx, this.source, 'page', [{ sourceId: story.sourceId, targetId: slug, checksum: story.checksum }], now);
  }

  /** Commenters become readers without a password or an address (only their name is kept). */
  private async writeComments(trx: Db, articleId: string, story: PlannedStory, now: Date): Promise<void> {
    if (story.comments.length === 0) return;
    const commentIds = new Map<string, string>();
    const readers = new Map<string, string>();
    const readerKeys = story.comments.map((comment) => readerKey(comment.authorName));
    const known = await findLedgerEntries(trx, this.source, 'reader', [...new Set(readerKeys)]);
    for (const [n, comment] of story.comments.entries()) {
      const key = readerKeys[n] ?? '';
      let readerId = readers.get(key) ?? known.get(key)?.targetId;
      if (!readerId) {
        readerId = newId();
        const displayName = importLine(comment.authorName, 60, 'name', () => {}) || 'Anonymous';
        await importReader(trx, { id: readerId, email: `${key}@imported-readers.invalid`, displayName, passwordHash: NO_PASSWORD }, now);
        await recordLedgerEntries(trx, this.source, 'reader', [{ sourceId: key, targetId: readerId, checksum: '' }], now);
      }
      readers.set(key, readerId);
      commentIds.set(comment.sourceId, newId());
    }
    await importStoryComments(
      trx,
      articleId,
      story.comments.map((comment, n) => ({
        id: commentIds.get(comment.sourceId) ?? '',
        readerId: readers.get(readerKeys[n] ?? '') ?? '',
        parentId: comment.parentSourceId ? (commentIds.get(comment.parentSourceId) ?? null) : null,
        body: comment.body,
        status: 'published',
        heldReason: null,
        createdAt: comment.createdAt,
        likedBy: [],
      })),
    );
    await recordLedgerEntries(
      trx,
      this.source,
      'comment',
      story.comments.map((comment) => ({ sourceId: comment.sourceId, targetId: commentIds.get(comment.sourceId) ?? '', checksum: '' })),
      now,
    );
  }

  /** The hero and the body's pictures through the media pipeline, each once per import (the ledger keys them by address). */
  private async uploadImages(story: PlannedStory, label: string): Promise<ImageIds> {
    const hero = story.heroAttachmentId ? this.scan.attachments.get(story.heroAttachmentId) : undefined;
    const heroImage: BodyImage | null = hero ? { ...hero, attachmentId: story.heroAttachmentId } : null;
    const body: Array<string | null> = [];
    for (const image of story.body.images) body.push(await this.imageId({ ...image, url: this.absolute(image.url) }, story, label));
    return { hero: heroImage ? await this.imageId(heroImage, story, label) : null, body };
  }

  /** A picture's address as the old site meant it: `/wp-content/…` is on the old site. */
  private absolute(url: string): string {
    try {
      return new URL(url, this.scan.site.baseUrl || undefined).href;
    } catch {
      return url;
    }
  }

  private async imageId(image: BodyImage, story: PlannedStory, label: string): Promise<string | null> {
    const [known] = (await findLedgerEntries(this.deps.db, this.source, 'image', [image.url])).values();
    if (known) return known.targetId;
    const loaded = await loadImage(image.url, this.options.images ?? {});
    if (!loaded.ok) {
      this.report.failed({ kind: 'image', sourceId: image.url, label: `${label}: ${image.url}`, reason: loaded.reason });
      return null;
    }
    const warn = (reason: string) => this.report.warned({ kind: 'image', sourceId: image.url, label, reason });
    const alt = importLine(image.alt || image.caption || story.headline, 300, 'alt text', warn);
    if (!image.alt) warn('the picture had no alt text: its caption or the headline stands in; check it');
    try {
      const { asset } = await this.deps.media.upload({
        bytes: loaded.bytes,
        originalName: image.url.split('/').pop() ?? 'image',
        alt,
        caption: importLine(image.caption, 1000, 'caption', warn),
        credit: importLine(image.credit, 200, 'credit', warn),
      });
      await recordLedgerEntries(
        this.deps.db,
        this.source,
        'image',
        [{ sourceId: image.url, targetId: asset.id, checksum: '' }],
        this.deps.clock.now(),
      );
      this.report.imported('image');
      return asset.id;
    } catch (error) {
      this.report.failed({ kind: 'image', sourceId: image.url, label, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** `/category/x/`, `/tag/x/`, `/author/x/` and the feeds of the old site, once every story is in. */
  async writeTaxonomyRedirects(): Promise<void> {
    const { targets } = this.options;
    const entries: Array<{ path: string; target: string }> = [
      { path: '/feed/', target: targets.feed() },
      { path: '/?feed=rss2', target: targets.feed() },
    ];
    for (const term of this.scan.categories.values()) {
      const to = this.taxonomy.categoryTarget(term.slug);
      entries.push({ path: `/category/${term.slug}/`, target: to.kind === 'section' ? targets.section(to.slug) : targets.tag(to.slug) });
    }
    for (const term of this.scan.tags.values()) entries.push({ path: `/tag/${term.slug}/`, target: targets.tag(slugify(term.name) || term.slug) });
    for (const [login, slug] of this.taxonomy.authorSlugs) entries.push({ path: `/author/${login}/`, target: targets.author(slug) });
    await inTransaction(this.deps.db, (trx) => this.redirects(trx, entries));
  }

  /**
   * Old addresses, each kept unless a redirect has it already (the first writer wins) or it is an
   * address Dateline serves itself (`/about/` stays the About page): those are told in the report.
   */
  private async redirects(trx: Db, entries: Array<{ path: string; target: string }>): Promise<void> {
    const result = await importRedirects(trx, entries, { now: this.deps.clock.now() });
    for (const refused of result.refused) {
      if (refused.code === 'ERR_REDIRECT_PATH_SERVED' || refused.code === 'ERR_REDIRECT_TO_ITSELF') continue;
      this.report.warned({ kind: 'redirect', sourceId: refused.path, label: refused.target, reason: `not kept (${refused.code})` });
    }
  }
}

interface ImageIds {
  hero: string | null;
  body: Array<string | null>;
}

/** A commenter by name: the same name is one reader across the import; the name itself is not the key, so it is not stored twice. */
function readerKey(name: string): string {
  return createHash('sha256').update(name.trim().toLowerCase()).digest('hex').slice(0, 24);
}

/** `slug`, or `slug-2`, `slug-3` … when other stories have it. */
async function freeSlug(db: Db, slug: string): Promise<string> {
  const candidates = [slug, ...Array.from({ length: 20 }, (_, n) => `${slug.slice(0, 110)}-${n + 2}`)];
  const taken = await findTakenSlugs(db, candidates);
  return candidates.find((candidate) => !taken.has(candidate)) ?? `${slug.slice(0, 100)}-${newId().slice(0, 8)}`;
}
