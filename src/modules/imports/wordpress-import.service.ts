import { slugify } from '../../shared/slug.js';
import { ImportReportBuilder, type ImportReport } from './import-report.js';
import type { ImportDeps, ImportTargets } from './import.types.js';
import { finishImport, StoryBatches, type CommonImportOptions } from './story-batches.js';
import { StoryWriter } from './story-writer.js';
import { readWordPressExport } from './wordpress-export.js';
import { scanWordPressExport, type WordPressScan } from './wordpress-scan.js';
import { planWordPressStory } from './wordpress-story.js';
import { WordPressTaxonomy } from './wordpress-taxonomy.js';

export interface WordPressImportOptions extends CommonImportOptions {
  /** Opens the export afresh as decoded text: it is read twice (references first, then the stories). */
  open: () => AsyncIterable<string>;
  /** The zone of dates the export gives without GMT (the old site's). */
  timeZone: string;
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

  const batches = new StoryBatches(writer, scan.items, options.onProgress);
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
      batches.skipped();
    } else {
      await batches.add({ plan: planWordPressStory(item, scan, options.timeZone), kind: item.type, sourceId: item.postId, label });
    }
  }
  await batches.flush();
  return finishImport(
    deps,
    { writer, report, dryRun: options.dryRun ?? false, redirects: async () => taxonomyRedirects(scan, taxonomy, options.targets) },
    { started, scanned },
  );
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
