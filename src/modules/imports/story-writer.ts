import { createHash } from 'node:crypto';
import { inTransaction, type Db } from '../../db/database.js';
import { findTakenSlugs, importArticle } from '../articles/index.js';
import { importStoryComments } from '../comments/index.js';
import { importStaticPage, STATIC_PAGE_SLUGS, type StaticPageSlug } from '../pages/index.js';
import { importReader } from '../readers/index.js';
import { importRedirects } from '../redirects/index.js';
import type { Section } from '../sections/index.js';
import { importTags } from '../tags/index.js';
import { newId } from '../../shared/ids.js';
import { loadImage, type ImageBytes, type ImageSourceOptions } from './image-source.js';
import { findLedgerEntries, recordLedgerEntries } from './import-ledger.repository.js';
import type { ImportReportBuilder } from './import-report.js';
import { importLine } from './import-text.js';
import type { ImportDeps, ImportTargets } from './import.types.js';
import type { PlannedStory, StoryPlan } from './planned-story.js';
import { resolveBodyImages, type BodyImage } from './wordpress-body.js';

/** Who a story's bylines and section are, found or made by the source's own rules (wordpress-taxonomy.ts). */
export interface StoryTaxonomy {
  sectionFor(db: Db, categorySlugs: readonly string[], now: Date): Promise<{ section: Section; extraTags: string[] }>;
  authorIds(db: Db, refs: readonly string[], now: Date): Promise<string[]>;
  /** @returns what restores the taxonomy's memory when the story's transaction is rolled back */
  checkpoint(): () => void;
}

export interface StoryWriterOptions {
  targets: ImportTargets;
  /** The old site's address: pictures named by a path are on it. */
  baseUrl: string;
  images?: ImageSourceOptions;
  /** Reads a picture some other way (a Ghost zip's own images), instead of loadImage. */
  loadImage?: (url: string) => Promise<ImageBytes>;
  dryRun?: boolean;
}

const NO_PASSWORD = '!imported-reader-without-a-password';

/**
 * Writes planned stories, whatever their source: each with its bylines, section, tags, pictures,
 * comments, old addresses and ledger row in one transaction, so an interrupted import resumes
 * cleanly and a second run changes nothing.
 */
export class StoryWriter {
  constructor(
    private readonly deps: ImportDeps,
    private readonly options: StoryWriterOptions,
    private readonly source: string,
    private readonly taxonomy: StoryTaxonomy,
    private readonly report: ImportReportBuilder,
  ) {}

  /** Writes one planned story (or reports why not) with everything it needs, in one transaction. */
  async write(plan: StoryPlan, kind: string, sourceId: string, label: string): Promise<void> {
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
    await this.keepRedirects(
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
    await this.keepRedirects(
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
    const heroImage = story.hero ? { ...story.hero, url: this.absolute(story.hero.url) } : null;
    const body: Array<string | null> = [];
    for (const image of story.body.images) body.push(await this.imageId({ ...image, url: this.absolute(image.url) }, story, label));
    return { hero: heroImage ? await this.imageId(heroImage, story, label) : null, body };
  }

  /** A picture's address as the old site meant it: `/wp-content/…` is on the old site. */
  private absolute(url: string): string {
    try {
      return new URL(url, this.options.baseUrl || undefined).href;
    } catch {
      return url;
    }
  }

  private async imageId(image: BodyImage, story: PlannedStory, label: string): Promise<string | null> {
    const [known] = (await findLedgerEntries(this.deps.db, this.source, 'image', [image.url])).values();
    if (known) return known.targetId;
    const loaded = await (this.options.loadImage ?? ((url: string) => loadImage(url, this.options.images ?? {})))(image.url);
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

  /**
   * Old addresses, each kept unless a redirect has it already (the first writer wins) or it is an
   * address Dateline serves itself (`/about/` stays the About page): those are told in the report.
   */
  async keepRedirects(trx: Db, entries: Array<{ path: string; target: string }>): Promise<void> {
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
