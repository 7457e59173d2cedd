import { inTransaction, type Db } from '../../db/database.js';
import { findArticleSlug, findTakenSlugs, importArticles, updateImportedArticle, type ArticleBulkImport } from '../articles/index.js';
import { importStoryThreads, type StoryCommentsImport } from '../comments/index.js';
import { importStaticPage, isFixedStaticPage, takenStaticPageSlugs } from '../pages/index.js';
import { importRedirects } from '../redirects/index.js';
import type { Section } from '../sections/index.js';
import { importTags } from '../tags/index.js';
import { newId } from '../../shared/ids.js';
import type { ImageBytes, ImageSourceOptions } from './image-source.js';
import { findLedgerEntries, recordLedgerRows, type LedgerRow } from './import-ledger.repository.js';
import type { ImportReportBuilder } from './import-report.js';
import { importLine } from './import-text.js';
import type { ImportDeps, ImportTargets } from './import.types.js';
import type { PlannedStory, StoryPlan } from './planned-story.js';
import { StoryComments } from './story-comments.js';
import { StoryPictures, type StoryImageIds } from './story-pictures.js';
import { resolveBodyImages } from './wordpress-body.js';
import { slugify } from '../../shared/slug.js';

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
  /** Bring stories imported earlier and changed at the source since up to date (`--update`). */
  update?: boolean;
}

/** One item of an export, planned. */
export interface StoryItem {
  plan: StoryPlan;
  kind: string;
  sourceId: string;
  label: string;
}

/** What an imported story is stored with, but its slug (updateImportedArticle's input). */
type ImportedArticleFields = Parameters<typeof updateImportedArticle>[2];

interface Planned {
  item: StoryItem;
  story: PlannedStory;
  /** Set when an earlier run imported it and it changed since (`update`): what it became then. */
  earlier?: string;
}

interface Ready extends Planned {
  images: StoryImageIds;
}

/**
 * Writes planned stories, whatever their source: each with its bylines, section, tags, pictures,
 * comments, old addresses and ledger row, so an interrupted import resumes cleanly and a second
 * run changes nothing. Stories are written a batch to a transaction (a commit per story would be
 * most of the cost on PostgreSQL): a story is whole or absent either way, and a batch that fails
 * is written again a story at a time, so one bad story costs only itself.
 */
export class StoryWriter {
  private readonly pictures: StoryPictures;
  private readonly comments: StoryComments;
  /** Tag slug → id, for this run: an archive has thousands of tags and a story uses a few. */
  private tags = new Map<string, string>();
  /** Dateline's own pages (`about` …) an imported page replaced in this run: a second one gets a suffix. */
  private fixedPagesWritten = new Set<string>();

  constructor(
    private readonly deps: ImportDeps,
    private readonly options: StoryWriterOptions,
    private readonly source: string,
    private readonly taxonomy: StoryTaxonomy,
    private readonly report: ImportReportBuilder,
  ) {
    this.pictures = new StoryPictures(deps, source, options, report);
    this.comments = new StoryComments(source);
  }

  /** Writes one planned story (or reports why not) with everything it needs, in one transaction. */
  async write(plan: StoryPlan, kind: string, sourceId: string, label: string): Promise<void> {
    await this.writeBatch([{ plan, kind, sourceId, label }]);
  }

  /** Writes a batch of planned stories (a hundred or so), reporting each. */
  async writeBatch(items: readonly StoryItem[]): Promise<void> {
    const fresh = await this.newStories(items);
    if (this.options.dryRun) {
      for (const { story, earlier } of fresh) {
        if (earlier) this.report.updated(story.kind);
        else this.report.imported(story.kind);
      }
      return;
    }
    const ready: Ready[] = [];
    for (const one of fresh) ready.push({ ...one, images: await this.pictures.upload(one.story, one.item.label) });
    if (ready.length === 0) return;
    if ((await this.commit(ready)) || ready.length === 1) return;
    // The batch failed as a whole: each story alone, so only the bad one is reported failed.
    for (const one of ready) {
      const [again] = (await findLedgerEntries(this.deps.db, this.source, one.story.kind, [one.story.sourceId])).values();
      if (!again) await this.commit([one]);
    }
  }

  /** The items to write: those the ledger does not know, that Dateline has a place for, first of their id. */
  private async newStories(items: readonly StoryItem[]): Promise<Planned[]> {
    const planned: Planned[] = [];
    for (const item of items) {
      if ('skipped' in item.plan) this.report.skipped({ kind: item.kind, sourceId: item.sourceId, label: item.label, reason: item.plan.skipped });
      else planned.push({ item, story: item.plan.story });
    }
    const earlier = new Map<string, { targetId: string; checksum: string }>();
    for (const kind of ['post', 'page'] as const) {
      const ids = planned.filter(({ story }) => story.kind === kind).map(({ story }) => story.sourceId);
      for (const [id, entry] of await findLedgerEntries(this.deps.db, this.source, kind, ids)) earlier.set(`${kind}:${id}`, entry);
    }
    const fresh: Planned[] = [];
    const seen = new Set<string>();
    for (const entry of planned) {
      const { item, story } = entry;
      const key = `${story.kind}:${story.sourceId}`;
      const before = earlier.get(key);
      if (seen.has(key)) {
        this.report.skipped({
          kind: item.kind,
          sourceId: item.sourceId,
          label: item.label,
          reason: 'the export holds this item twice; the first is kept',
        });
      } else if (before && (!this.options.update || before.checksum === story.checksum)) {
        this.report.unchanged(story.kind);
      } else if (story.kind === 'page' && story.status !== 'published') {
        // A static page has no workflow: it is on the site as soon as it is written.
        const reason = `a ${story.status.replace('_', ' ')} page: only published pages become static pages`;
        this.report.skipped({ kind: item.kind, sourceId: item.sourceId, label: item.label, reason });
      } else {
        for (const warning of story.warnings) this.report.warned({ kind: item.kind, sourceId: item.sourceId, label: item.label, reason: warning });
        const kept = story.kind === 'page' ? this.asPage(entry) : entry;
        fresh.push(before ? { ...kept, earlier: before.targetId } : kept);
      }
      seen.add(key);
    }
    return fresh;
  }

  /** One transaction for the stories given; false when it was rolled back (reported when it held one story). */
  private async commit(ready: readonly Ready[]): Promise<boolean> {
    const restore = [this.taxonomy.checkpoint(), this.comments.checkpoint(), this.tagCheckpoint()];
    try {
      await inTransaction(this.deps.db, async (trx) => {
        const now = this.deps.clock.now();
        const ledger: LedgerRow[] = [];
        for (const one of ready.filter((one) => one.story.kind === 'page')) ledger.push(...(await this.writePage(trx, one)));
        const posts = ready.filter((one) => one.story.kind === 'post');
        ledger.push(
          ...(await this.writePosts(
            trx,
            posts.filter((one) => !one.earlier),
            now,
          )),
        );
        for (const one of posts) if (one.earlier) ledger.push(...(await this.updatePost(trx, one, one.earlier, now)));
        await recordLedgerRows(trx, this.source, ledger, now);
      });
    } catch (error) {
      for (const undo of restore) undo();
      const [only] = ready;
      if (ready.length === 1 && only) {
        this.report.failed({
          kind: only.item.kind,
          sourceId: only.item.sourceId,
          label: only.item.label,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      return false;
    }
    for (const { story, earlier } of ready) {
      if (earlier) this.report.updated(story.kind);
      else this.report.imported(story.kind);
      if (story.comments.length > 0 && !earlier) this.report.imported('comment', story.comments.length);
    }
    return true;
  }

  private tagCheckpoint(): () => void {
    const tags = new Map(this.tags);
    const fixedPages = new Set(this.fixedPagesWritten);
    return () => {
      this.tags = tags;
      this.fixedPagesWritten = fixedPages;
    };
  }

  /**
   * The batch's posts in a few multi-row statements (stories, their bylines and tags, comments,
   * redirects), after what each refers to is found or made (mostly from memory).
   * @returns their ledger rows
   */
  private async writePosts(trx: Db, posts: readonly Ready[], now: Date): Promise<LedgerRow[]> {
    if (posts.length === 0) return [];
    const taken = await findTakenSlugs(
      trx,
      posts.map((one) => one.story.slug),
    );
    const articles: ArticleBulkImport[] = [];
    const threads: StoryCommentsImport[] = [];
    const redirects: Array<{ path: string; target: string }> = [];
    const ledger: LedgerRow[] = [];
    for (const { story, images } of posts) {
      const fields = await this.articleFields(trx, story, images, now);
      const slug = await freeSlug(trx, story.slug, taken);
      const id = newId();
      articles.push({ id, createdAt: story.publishedAt ?? now, slug, ...fields });
      for (const path of story.oldPaths) redirects.push({ path, target: this.options.targets.article(slug) });
      ledger.push({ kind: 'post', sourceId: story.sourceId, targetId: id, checksum: story.checksum });
    }
    await importArticles(trx, articles);
    for (const [n, { story }] of posts.entries()) {
      if (story.comments.length === 0) continue;
      const prepared = await this.comments.prepare(trx, articles[n]?.id ?? '', story.comments, now);
      threads.push(prepared.thread);
      ledger.push(...prepared.ledger);
    }
    await importStoryThreads(trx, threads);
    await this.keepRedirects(trx, redirects);
    return ledger;
  }

  /** A planned story's fields as stored, its section, bylines and tags found or made (all but its slug). */
  private async articleFields(trx: Db, story: PlannedStory, images: StoryImageIds, now: Date): Promise<ImportedArticleFields> {
    const { section, extraTags } = await this.taxonomy.sectionFor(trx, story.categorySlugs, now);
    return {
      headline: story.headline,
      standfirst: story.standfirst,
      body: resolveBodyImages(story.body.body, (index) => images.body[index] ?? null),
      sectionId: section.id,
      authorIds: await this.taxonomy.authorIds(trx, story.authorLogins, now),
      tagIds: await this.tagIds(trx, [...story.tagNames, ...extraTags]),
      heroMediaId: images.hero,
      typeLabel: 'News',
      status: story.status,
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
    };
  }

  /**
   * A story imported earlier and changed at the source since: its fields, bylines, section and tags
   * replaced (its slug kept, so its address and old links stay), comments and old addresses it did
   * not have added.
   * @returns its ledger rows (its new checksum, its new comments)
   */
  private async updatePost(trx: Db, { story, images }: Ready, articleId: string, now: Date): Promise<LedgerRow[]> {
    const fields = await this.articleFields(trx, story, images, now);
    await updateImportedArticle(trx, articleId, { ...fields, updatedAt: story.updatedAt ?? now });
    const known = await findLedgerEntries(
      trx,
      this.source,
      'comment',
      story.comments.map((comment) => comment.sourceId),
    );
    const added = story.comments.filter((comment) => !known.has(comment.sourceId));
    const ledger: LedgerRow[] = [{ kind: 'post', sourceId: story.sourceId, targetId: articleId, checksum: story.checksum }];
    if (added.length > 0) {
      // A reply to a comment imported earlier keeps its thread.
      const prepared = await this.comments.prepare(trx, articleId, added, now, known);
      await importStoryThreads(trx, [prepared.thread]);
      ledger.push(...prepared.ledger);
      this.report.imported('comment', added.length);
    }
    const slug = (await findArticleSlug(trx, articleId)) ?? story.slug;
    await this.keepRedirects(
      trx,
      story.oldPaths.map((path) => ({ path, target: this.options.targets.article(slug) })),
    );
    return ledger;
  }

  /** A page keeps its title, body and date only: a featured image has no place on a static page. */
  private asPage(entry: Planned): Planned {
    const { item, story } = entry;
    if (!story.hero) return entry;
    this.report.warned({
      kind: item.kind,
      sourceId: item.sourceId,
      label: item.label,
      reason: 'its featured image is left out: static pages have none',
    });
    return { ...entry, story: { ...story, hero: null } };
  }

  /**
   * A page becomes a static page: one of Dateline's own (`about` …) replaces its text, any other
   * is a free-standing page at its own slug, `-2`, `-3` … when another static page has it. A page
   * imported before (`--update`) is rewritten at the slug it was given then.
   * @returns its ledger row (the static page's slug as its target)
   */
  private async writePage(trx: Db, { story, images, earlier }: Ready): Promise<LedgerRow[]> {
    const slug = earlier ?? (await this.freePageSlug(trx, story.slug));
    const body = resolveBodyImages(story.body.body, (index) => images.body[index] ?? null);
    await importStaticPage(trx, { slug, title: story.headline, body, updatedAt: story.updatedAt ?? this.deps.clock.now() });
    await this.keepRedirects(
      trx,
      story.oldPaths.map((path) => ({ path, target: this.options.targets.staticPage(slug) })),
    );
    return [{ kind: 'page', sourceId: story.sourceId, targetId: slug, checksum: story.checksum }];
  }

  /**
   * `slug` when it is free; Dateline's own pages are there to be replaced, once a run. The static
   * pages written earlier in this transaction are seen by the look-up, so a batch never doubles one.
   */
  private async freePageSlug(trx: Db, slug: string): Promise<string> {
    if (isFixedStaticPage(slug) && !this.fixedPagesWritten.has(slug)) {
      this.fixedPagesWritten.add(slug);
      return slug;
    }
    const candidates = [slug, ...Array.from({ length: 20 }, (_, n) => `${slug.slice(0, 110)}-${n + 2}`)];
    const taken = await takenStaticPageSlugs(trx, candidates);
    return candidates.find((candidate) => !taken.has(candidate) && !isFixedStaticPage(candidate)) ?? `${slug.slice(0, 100)}-${newId().slice(0, 8)}`;
  }

  /** Tag ids for names (found by slug or made), each looked up once a run. */
  private async tagIds(trx: Db, names: readonly string[]): Promise<string[]> {
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = importLine(raw, 100, 'tag', () => {});
      const slug = slugify(name);
      if (slug && !wanted.has(slug)) wanted.set(slug, name);
    }
    const missing = [...wanted].filter(([slug]) => !this.tags.has(slug));
    if (missing.length > 0) {
      const made = await importTags(
        trx,
        missing.map(([, name]) => name),
      );
      for (const [n, tag] of made.entries()) this.tags.set(missing[n]?.[0] ?? tag.slug, tag.id);
    }
    return [...new Set([...wanted.keys()].map((slug) => this.tags.get(slug) ?? ''))].filter(Boolean);
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

/** `slug`, or `slug-2`, `slug-3` … when another story has it (`taken`: those of this batch, found at once). */
async function freeSlug(db: Db, slug: string, taken: Set<string>): Promise<string> {
  if (!taken.has(slug)) {
    taken.add(slug);
    return slug;
  }
  const candidates = Array.from({ length: 20 }, (_, n) => `${slug.slice(0, 110)}-${n + 2}`);
  const stored = await findTakenSlugs(db, candidates);
  const chosen = candidates.find((candidate) => !stored.has(candidate) && !taken.has(candidate)) ?? `${slug.slice(0, 100)}-${newId().slice(0, 8)}`;
  taken.add(chosen);
  return chosen;
}
