import { inTransaction } from '../../db/database.js';
import { slugify } from '../../shared/slug.js';
import type { ImageSourceOptions } from './image-source.js';
import { collectGarbageWhenLarge } from './import-heap.js';
import { ImportReportBuilder, type ImportReport } from './import-report.js';
import type { ImportDeps, ImportTargets } from './import.types.js';
import { StoryWriter, type StoryItem } from './story-writer.js';
import { readWordPressExport } from './wordpress-export.js';
import { scanWordPressExport, type WordPressScan } from './wordpress-scan.js';
import { planWordPressStory } from './wordpress-story.js';
import { WordPressTaxonomy, type UnmappedCategories } from './wordpress-taxonomy.js';

/**
 * Stories a transaction: a commit rewrites every index page the batch touched into SQLite's log
 * (12 % of the import's time at 100 a batch, 2026-12-03), and a batch held in memory stays small
 * (about 10 MB).
 */
const STORIES_PER_BATCH = 250;

export interface WordPressImportOptions {
  /** Opens the export afresh as decoded text: it is read twice (references first, then the stories). */
  open: () => AsyncIterable<string>;
  timeZone: string;
  targets: ImportTargets;
  images?: ImageSourceOptions;
  dryRun?: boolean;
  /** Bring posts imported by an earlier run and changed in WordPress since up to date. */
  update?: boolean;
  /** WordPress category slug (or lower-cased name) → an existing Dateline section's slug. */
  sectionMap?: ReadonlyMap<string, string>;
  unmapped?: UnmappedCategories;
  defaultSection?: string | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a WordPress export (WXR): stories with their bylines, sections, tags, pictures and
 * approved comments, and every old address as a redirect. Each story is written with everything it
 * needs in one transaction, its ledger row included, so an interrupted import resumes cleanly and a
 * second run changes nothing. The computed state (search, lists, sitemaps, related stories) is
 * rebuilt once at the end by `content.imported`.
 */
export async function importWordPress(deps: ImportDeps, options: WordPressImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const scan = await scanWordPressExport(options.open());
  const scanned = performance.now();
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
  const writer = new StoryWriter(deps, { ...options, baseUrl: scan.site.baseUrl }, source, taxonomy, report);

  let done = 0;
  let batch: StoryItem[] = [];
  const flush = async () => {
    await writer.writeBatch(batch);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, scan.items);
    collectGarbageWhenLarge();
  };
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
      done += 1;
    } else {
      batch.push({ plan: planWordPressStory(item, scan, options.timeZone), kind: item.type, sourceId: item.postId, label });
      if (batch.length >= STORIES_PER_BATCH) await flush();
    }
  }
  await flush();
  const written = performance.now();
  if (!options.dryRun) {
    await inTransaction(deps.db, (trx) => writer.keepRedirects(trx, taxonomyRedirects(scan, taxonomy, options.targets)));
    await deps.database.refreshStatistics();
    await deps.events.emit({ name: 'content.imported' });
  }
  report.timed('scanMs', scanned - started);
  report.timed('writeMs', written - scanned);
  report.timed('rebuildMs', performance.now() - written);
  return report.finish(deps.clock.now());
}

/** `/category/x/`, `/tag/x/`, `/author/login/` and the feeds of the old site, once every story is in. */
function taxonomyRedirects(scan: WordPressScan, taxonomy: WordPressTaxonomy, targets: ImportTargets): Array<{ path: string; target: string }> {
  const entries: Array<{ path: string; target: string }> = [
    { path: '/feed/', target: targets.feed() },
    { path: '/?feed=rss2', target: targets.feed() },
  ];
  for (const term of scan.categories.values()) {
    const to = taxonomy.categoryTarget(term.slug);
    entries.push({ path: `/category/${term.slug}/`, target: to.kind === 'section' ? targets.section(to.slug) : targets.tag(to.slug) });
  }
  for (const term of scan.tags.values()) entries.push({ path: `/tag/${term.slug}/`, target: targets.tag(slugify(term.name) || term.slug) });
  for (const [login, slug] of taxonomy.authorSlugs) entries.push({ path: `/author/${login}/`, target: targets.author(slug) });
  return entries;
}
