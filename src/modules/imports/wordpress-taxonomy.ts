import type { Db } from '../../db/database.js';
import { findAuthorBySlug, importAuthor } from '../authors/index.js';
import { importSection, listSections, type Section } from '../sections/index.js';
import { DEFAULT_EDITION_ID } from '../editions/index.js';
import { AppError } from '../../shared/errors.js';
import { slugify } from '../../shared/slug.js';
import { findLedgerEntries, recordLedgerEntries } from './import-ledger.repository.js';
import type { ImportReportBuilder } from './import-report.js';
import { importLine } from './import-text.js';
import type { StoryTaxonomy } from './story-writer.js';
import type { WordPressScan } from './wordpress-scan.js';

/** How categories without a `--section-map` entry are taken. */
export type UnmappedCategories = 'sections' | 'tags';

/**
 * Who and what a story refers to (bylines, its section), found or made once per import and kept
 * in memory: a newspaper's export has hundreds of authors and categories, not hundreds of thousands.
 * Each is recorded in the ledger in the transaction of the story that first needs it.
 */
export class WordPressTaxonomy implements StoryTaxonomy {
  private readonly authors = new Map<string, string>();
  /** Author slugs by WordPress login, for the old `/author/login/` addresses. */
  readonly authorSlugs = new Map<string, string>();
  private readonly sections = new Map<string, Section>();
  private sectionsBySlug = new Map<string, Section>();

  constructor(
    private readonly source: string,
    private readonly scan: WordPressScan,
    private readonly options: { sectionMap: ReadonlyMap<string, string>; unmapped: UnmappedCategories; defaultSection: string | null },
    private readonly report: ImportReportBuilder,
  ) {}

  /**
   * What is known now, to come back to when the story's transaction that made something new is
   * rolled back: the rows it wrote are gone, so the memory of them must go too.
   * @returns the restore function
   */
  checkpoint(): () => void {
    const authors = new Map(this.authors);
    const sections = new Map(this.sections);
    const bySlug = new Map(this.sectionsBySlug);
    return () => {
      this.authors.clear();
      for (const [key, value] of authors) this.authors.set(key, value);
      this.sections.clear();
      for (const [key, value] of sections) this.sections.set(key, value);
      this.sectionsBySlug = bySlug;
    };
  }

  /** Checks `--section-map` and `--default-section` against the sections that exist, before anything is written. */
  async prepare(db: Db): Promise<void> {
    // Imported stories go to the default edition, so only its sections (a slug is unique per edition).
    const sections = (await listSections(db)).filter((section) => section.editionId === DEFAULT_EDITION_ID);
    this.sectionsBySlug = new Map(sections.map((section) => [section.slug, section]));
    for (const [from, to] of this.options.sectionMap) {
      if (!this.sectionsBySlug.has(to))
        throw new AppError('ERR_IMPORT_OPTIONS_INVALID', `--section-map names "${to}" for "${from}", and there is no section with that slug`);
    }
    if (this.options.defaultSection && !this.sectionsBySlug.has(this.options.defaultSection)) {
      throw new AppError('ERR_IMPORT_OPTIONS_INVALID', `--default-section "${this.options.defaultSection}" is not a section's slug`);
    }
  }

  /** The story's section and the categories that become tags instead (its other categories, and unmapped ones with `--unmapped tags`). */
  async sectionFor(db: Db, categorySlugs: readonly string[], now: Date): Promise<{ section: Section; extraTags: string[] }> {
    const extraTags: string[] = [];
    let section: Section | null = null;
    for (const slug of categorySlugs) {
      const name = this.scan.categories.get(slug)?.name || slug;
      const found: Section | null = section ? null : await this.sectionOfCategory(db, slug, now);
      if (found) section = found;
      else extraTags.push(name);
    }
    return { section: section ?? (await this.fallbackSection(db, now)), extraTags };
  }

  private async sectionOfCategory(db: Db, slug: string, now: Date): Promise<Section | null> {
    const name = this.scan.categories.get(slug)?.name ?? slug;
    const mapped = this.options.sectionMap.get(slug) ?? this.options.sectionMap.get(name.toLowerCase());
    if (mapped) return this.sectionsBySlug.get(mapped) ?? null;
    const known = this.sections.get(slug);
    if (known) return known;
    const [recorded] = (await findLedgerEntries(db, this.source, 'category', [slug])).values();
    const existing = [...this.sectionsBySlug.values()].find((section) => section.id === recorded?.targetId) ?? this.sectionsBySlug.get(slugify(slug));
    if (existing) {
      this.sections.set(slug, existing);
      return existing;
    }
    if (this.options.unmapped === 'tags') return null;
    return this.createSection(db, slug, name, now);
  }

  private async fallbackSection(db: Db, now: Date): Promise<Section> {
    const chosen = this.options.defaultSection ? this.sectionsBySlug.get(this.options.defaultSection) : [...this.sectionsBySlug.values()][0];
    return chosen ?? this.createSection(db, 'news', 'News', now);
  }

  private async createSection(db: Db, categorySlug: string, name: string, now: Date): Promise<Section> {
    const warn = (message: string) => this.report.warned({ kind: 'category', sourceId: categorySlug, label: name, reason: message });
    const section = await importSection(
      db,
      {
        slug: slugify(categorySlug) || 'section',
        name: importLine(name, 60, 'name', warn) || categorySlug,
        description: importLine(this.scan.categories.get(categorySlug)?.description ?? '', 300, 'description', warn),
        position: this.sectionsBySlug.size,
        // A WordPress site may have dozens of categories: editors choose which belong in the navigation.
        inNavigation: false,
      },
      now,
    );
    await recordLedgerEntries(db, this.source, 'category', [{ sourceId: categorySlug, targetId: section.id, checksum: '' }], now);
    this.sections.set(categorySlug, section);
    this.sectionsBySlug.set(section.slug, section);
    this.report.imported('section');
    return section;
  }

  /** Where a category's old page now is: its section's page, or its tag's when it became one. */
  categoryTarget(slug: string): { kind: 'section' | 'tag'; slug: string } {
    const section = this.sections.get(slug) ?? this.sectionsBySlug.get(this.options.sectionMap.get(slug) ?? '');
    return section ? { kind: 'section', slug: section.slug } : { kind: 'tag', slug: slugify(this.scan.categories.get(slug)?.name ?? slug) };
  }

  /** Byline ids for WordPress logins (or Co-Authors Plus guest authors), made on first use. */
  async authorIds(db: Db, logins: readonly string[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const login of logins.length > 0 ? logins : ['']) {
      const id = this.authors.get(login) ?? (await this.findOrCreateAuthor(db, login, now));
      this.authors.set(login, id);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  private async findOrCreateAuthor(db: Db, login: string, now: Date): Promise<string> {
    const known = this.scan.authors.get(login);
    const warn = (message: string) => this.report.warned({ kind: 'author', sourceId: login, label: login, reason: message });
    const fullName = [known?.firstName, known?.lastName].filter(Boolean).join(' ');
    const name = importLine(known?.displayName || fullName || login || 'Staff', 100, 'name', warn) || 'Staff';
    const slug = slugify(name) || slugify(login) || 'staff';
    this.authorSlugs.set(login, slug);
    const [recorded] = (await findLedgerEntries(db, this.source, 'author', [login])).values();
    if (recorded) return recorded.targetId;
    const existing = await findAuthorBySlug(db, slug);
    let id: string;
    if (existing) id = existing.id;
    else {
      id = await importAuthor(db, { slug, name, email: known?.email.slice(0, 200) ?? '', jobTitle: '', bio: '' }, now);
      this.report.imported('author');
    }
    await recordLedgerEntries(db, this.source, 'author', [{ sourceId: login, targetId: id, checksum: '' }], now);
    return id;
  }
}
