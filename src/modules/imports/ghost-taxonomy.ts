import type { Db } from '../../db/database.js';
import { findAuthorBySlug, importAuthor } from '../authors/index.js';
import type { Section } from '../sections/index.js';
import { slugify } from '../../shared/slug.js';
import type { GhostScan } from './ghost-export.js';
import { findLedgerEntries, recordLedgerEntries } from './import-ledger.repository.js';
import type { ImportReportBuilder } from './import-report.js';
import { importLine } from './import-text.js';
import type { StoryTaxonomy } from './story-writer.js';
import type { WordPressScan } from './wordpress-scan.js';
import { WordPressTaxonomy, type UnmappedCategories } from './wordpress-taxonomy.js';

/**
 * A Ghost story's section and bylines. A primary tag names the section by the very rules a WordPress
 * category does (`--section-map`, `--unmapped`, `--default-section`, sections made on first use and
 * recorded in the ledger): those rules are WordPressTaxonomy's, used here with Ghost's tags in the
 * place of categories. Bylines are Ghost's users, found by slug or made with their name, e-mail and
 * bio, each recorded in the ledger by its Ghost slug.
 */
export class GhostTaxonomy implements StoryTaxonomy {
  private readonly sections: WordPressTaxonomy;
  private readonly authors = new Map<string, string>();
  /** Dateline author slugs by Ghost author slug, for the old `/author/slug/` addresses. */
  readonly authorSlugs = new Map<string, string>();
  private readonly usersBySlug: Map<string, { name: string; email: string; bio: string }>;

  constructor(
    private readonly source: string,
    scan: GhostScan,
    options: { sectionMap: ReadonlyMap<string, string>; unmapped: UnmappedCategories; defaultSection: string | null },
    private readonly report: ImportReportBuilder,
  ) {
    this.sections = new WordPressTaxonomy(source, tagsAsCategories(scan), options, report);
    this.usersBySlug = new Map([...scan.users.values()].filter((user) => user.slug).map((user) => [user.slug, user]));
  }

  /** Checks `--section-map` and `--default-section` against the sections that exist, before anything is written. */
  prepare(db: Db): Promise<void> {
    return this.sections.prepare(db);
  }

  checkpoint(): () => void {
    const restoreSections = this.sections.checkpoint();
    const authors = new Map(this.authors);
    return () => {
      restoreSections();
      this.authors.clear();
      for (const [key, value] of authors) this.authors.set(key, value);
    };
  }

  sectionFor(db: Db, tagSlugs: readonly string[], now: Date): Promise<{ section: Section; extraTags: string[] }> {
    return this.sections.sectionFor(db, tagSlugs, now);
  }

  /** Where a tag's old page now is: its section's page when it named one, else its tag's. */
  tagTarget(slug: string): { kind: 'section' | 'tag'; slug: string } {
    return this.sections.categoryTarget(slug);
  }

  /** Byline ids for Ghost author slugs, in order, made on first use; a story without one is by "Staff". */
  async authorIds(db: Db, slugs: readonly string[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const slug of slugs.length > 0 ? slugs : ['']) {
      const id = this.authors.get(slug) ?? (await this.findOrCreateAuthor(db, slug, now));
      this.authors.set(slug, id);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  private async findOrCreateAuthor(db: Db, ghostSlug: string, now: Date): Promise<string> {
    const user = this.usersBySlug.get(ghostSlug);
    const warn = (message: string) => this.report.warned({ kind: 'author', sourceId: ghostSlug, label: user?.name || ghostSlug, reason: message });
    const name = importLine(user?.name || ghostSlug || 'Staff', 100, 'name', warn) || 'Staff';
    const slug = datelineAuthorSlug(ghostSlug, name);
    this.authorSlugs.set(ghostSlug, slug);
    const [recorded] = (await findLedgerEntries(db, this.source, 'author', [ghostSlug])).values();
    if (recorded) return recorded.targetId;
    const existing = await findAuthorBySlug(db, slug);
    let id: string;
    if (existing) id = existing.id;
    else {
      const email = user?.email.trim() ?? '';
      id = await importAuthor(
        db,
        { slug, name, email: email.length <= 200 ? email : '', jobTitle: '', bio: importLine(user?.bio ?? '', 2000, 'bio', warn) },
        now,
      );
      this.report.imported('author');
    }
    await recordLedgerEntries(db, this.source, 'author', [{ sourceId: ghostSlug, targetId: id, checksum: '' }], now);
    return id;
  }
}

/** The author's slug here: Ghost's own, so `/author/x/` keeps its name. */
export function datelineAuthorSlug(ghostSlug: string, name: string): string {
  return slugify(ghostSlug, 120) || slugify(name) || 'staff';
}

/** Ghost's public tags in the shape WordPressTaxonomy reads categories from; nothing else of it is used. */
function tagsAsCategories(scan: GhostScan): WordPressScan {
  const categories = new Map(
    [...scan.tags.values()]
      .filter((tag) => tag.slug && !tag.internal)
      .map((tag) => [tag.slug, { termId: tag.id, slug: tag.slug, name: tag.name || tag.slug, description: tag.description, parentSlug: '' }]),
  );
  return {
    site: { title: scan.title, baseUrl: '', language: '', wxrVersion: '' },
    authors: new Map(),
    categories,
    categoryIdToSlug: new Map(),
    tags: new Map(),
    attachments: new Map(),
    items: scan.posts,
    problems: [],
  };
}
