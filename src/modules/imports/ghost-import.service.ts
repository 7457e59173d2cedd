import type { Db } from '../../db/database.js';
import { listSections } from '../sections/index.js';
import { AppError } from '../../shared/errors.js';
import { slugify } from '../../shared/slug.js';
import { openGhostExport, readGhostPosts, scanGhostExport, str, type GhostScan, type GhostSource } from './ghost-export.js';
import { planGhostStory, type GhostSite } from './ghost-story.js';
import { datelineAuthorSlug, GhostTaxonomy } from './ghost-taxonomy.js';
import type { ZipLimits } from './ghost-zip.js';
import { loadImage, type ImageBytes, type ImageSourceOptions } from './image-source.js';
import { findLedgerEntries } from './import-ledger.repository.js';
import { ImportReportBuilder, type ImportReport } from './import-report.js';
import type { ImportDeps } from './import.types.js';
import type { StoryPlan } from './planned-story.js';
import { finishImport, StoryBatches, type CommonImportOptions } from './story-batches.js';
import { StoryWriter } from './story-writer.js';

export interface GhostImportOptions extends CommonImportOptions {
  /** The export: Ghost's JSON, or a zip holding it beside its `content/images/` folder. */
  file: string;
  /** The old site's address (`https://example.com`, `https://example.com/blog`): its pictures and pages are there. `images.mediaDir` is a copy of its `content/images` folder. */
  siteUrl?: string | null;
  /** Stops the import (an AbortError) between two posts, or while the file is read: what was written stays whole. */
  signal?: AbortSignal;
  zipLimits?: ZipLimits;
}

/**
 * Imports a Ghost 4 or 5 export (JSON, or a zip with its pictures): posts and pages with their
 * bylines, primary tag as section, other public tags, feature images and body pictures, and the old
 * addresses as redirects, through the same StoryWriter and ledger as a WordPress import — so a second
 * run changes nothing and an interrupted one resumes. The file is read twice as a stream (references,
 * then the posts one at a time); `content.imported` rebuilds the computed state once at the end.
 */
export async function importGhost(deps: ImportDeps, options: GhostImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const siteOption = options.siteUrl?.trim() ? siteAddress(options.siteUrl) : null;
  if (options.siteUrl?.trim() && !siteOption)
    throw new AppError('ERR_IMPORT_OPTIONS_INVALID', `--site-url "${options.siteUrl.slice(0, 200)}" is not an http(s) address`);
  const file = await openGhostExport(options.file, { zipLimits: options.zipLimits, signal: options.signal });
  try {
    const scan = await scanGhostExport(file.open());
    const scanned = performance.now();
    const siteUrl = siteOption ?? siteAddress(scan.url) ?? '';
    const site: GhostSite = { siteUrl, pathPrefix: siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '' };
    const source = `ghost:${siteUrl || scan.title.trim().slice(0, 200) || 'unknown'}`;
    const report = new ImportReportBuilder(source, options.dryRun ?? false, deps.clock.now());
    for (const { row, reason } of scan.problems) report.failed({ kind: 'file', sourceId: '', label: row.path, reason, line: row.line });
    if (!siteUrl)
      report.warned({
        kind: 'file',
        sourceId: '',
        label: 'the old site',
        reason: `its address is not known (give --site-url): pictures not in ${file.kind === 'zip' ? 'the zip' : '--media-dir'} cannot be fetched`,
      });
    const taxonomy = new GhostTaxonomy(
      source,
      scan,
      { sectionMap: options.sectionMap ?? new Map(), unmapped: options.unmapped ?? 'sections', defaultSection: options.defaultSection ?? null },
      report,
    );
    await taxonomy.prepare(deps.db);
    const images = { ...options.images, folderMarker: '/content/images/' };
    const writer = new StoryWriter(
      deps,
      {
        targets: options.targets,
        baseUrl: siteUrl,
        images,
        loadImage: (url) => loadGhostImage(file, url, images),
        dryRun: options.dryRun ?? false,
        update: options.update ?? false,
      },
      source,
      taxonomy,
      report,
    );

    const batches = new StoryBatches(writer, scan.posts, options.onProgress);
    for await (const { row, post, problem } of readGhostPosts(file.open())) {
      options.signal?.throwIfAborted();
      if (problem) {
        const id = /"id"\s*:\s*"([^"\\]{1,64})"/.exec(row.text ?? '')?.[1] ?? '';
        report.failed({ kind: 'post', sourceId: id, label: row.path, reason: problem.reason, line: problem.line });
        batches.skipped();
        continue;
      }
      const kind = str(post.type) === 'page' ? 'page' : 'post';
      const label = str(post.title).slice(0, 200) || str(post.slug).slice(0, 200) || row.path;
      let plan: StoryPlan;
      try {
        plan = planGhostStory(post, scan, site, row.text ?? undefined);
      } catch (error) {
        // A bug in reading one post (a body no converter expected) fails that post, not the import.
        report.failed({ kind, sourceId: str(post.id), label, reason: error instanceof Error ? error.message : String(error), line: row.line });
        batches.skipped();
        continue;
      }
      await batches.add({ plan, kind, sourceId: str(post.id), label });
    }
    await batches.flush();
    return await finishImport(
      deps,
      { writer, report, dryRun: options.dryRun ?? false, redirects: () => siteRedirects(deps.db, source, scan, site, taxonomy, options) },
      { started, scanned },
    );
  } finally {
    file.close();
  }
}

/** `https://example.com/blog/` → `https://example.com/blog`; null when it is not an http(s) address. */
function siteAddress(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** A picture from the zip, else the media folder (a copy of `content/images`), else the old site. */
async function loadGhostImage(file: GhostSource, url: string, images: ImageSourceOptions): Promise<ImageBytes> {
  const fromZip = await file.readImage(url);
  if (fromZip) return fromZip;
  const absolute = /^https?:\/\//i.test(url);
  if (!absolute && !images.mediaDir)
    return {
      ok: false,
      reason: `not in ${file.kind === 'zip' ? 'the zip' : 'the export'}, and the old site's address is not known (give --site-url or --media-dir)`,
    };
  // A site-relative address is looked up in the media folder only (the placeholder host is never fetched).
  return loadImage(absolute ? url : new URL(url, 'https://ghost.invalid').href, absolute ? images : { ...images, fetch: false });
}

/**
 * `/rss/`, and the pages of the tags and authors the stories carry: `/tag/x/` to the section the tag
 * named (known from the ledger, so a resumed import says the same as one run) or to its tag.
 */
async function siteRedirects(
  db: Db,
  source: string,
  scan: GhostScan,
  site: GhostSite,
  taxonomy: GhostTaxonomy,
  options: GhostImportOptions,
): Promise<Array<{ path: string; target: string }>> {
  const { targets } = options;
  const entries = [{ path: `${site.pathPrefix}/rss/`, target: targets.feed() }];
  const usedTags = new Set([...scan.postTags.values()].flat());
  const tags = [...usedTags].flatMap((id) => {
    const tag = scan.tags.get(id);
    return tag && !tag.internal && tag.slug ? [tag] : [];
  });
  const asSections = await findLedgerEntries(
    db,
    source,
    'category',
    tags.map((tag) => tag.slug),
  );
  const sectionSlugs = new Map((await listSections(db)).map((section) => [section.id, section.slug]));
  for (const tag of tags) {
    const recorded = sectionSlugs.get(asSections.get(tag.slug)?.targetId ?? '');
    const to = recorded ? { kind: 'section', slug: recorded } : taxonomy.tagTarget(tag.slug);
    const target = to.kind === 'section' ? targets.section(to.slug) : targets.tag(slugify(tag.name) || slugify(tag.slug));
    entries.push({ path: `${site.pathPrefix}/tag/${encodeURI(tag.slug)}/`, target });
  }
  const usedAuthors = new Set([...scan.postAuthors.values()].flat());
  for (const id of usedAuthors) {
    const user = scan.users.get(id);
    if (user?.slug)
      entries.push({ path: `${site.pathPrefix}/author/${encodeURI(user.slug)}/`, target: targets.author(datelineAuthorSlug(user.slug, user.name)) });
  }
  return entries;
}
