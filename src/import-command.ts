import { createReadStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `dateline import wordpress <file>`: reads the options, wires the importer to the app's own
 * services (so the media pipeline and the reactions are the running site's), draws the progress
 * and writes the report. Kept apart from cli.ts so the other commands do not load the importer.
 */
export async function importWordPressCommand(args: string[], usageError: (message: string) => Error): Promise<void> {
  let parsed: ReturnType<typeof parseImportArgs>;
  try {
    parsed = parseImportArgs(args);
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw usageError('give exactly one export file');
  const unmapped = values.unmapped ?? 'sections';
  if (unmapped !== 'sections' && unmapped !== 'tags') throw usageError('--unmapped is "sections" or "tags"');
  const sectionMap = parseSectionMap(values['section-map'] ?? '', usageError);

  const [{ loadConfig }, { createDeps }, imports, { paths }, { progressBar, formatDuration }, { AppError }] = await Promise.all([
    import('./config/config.js'),
    import('./deps.js'),
    import('./modules/imports/index.js'),
    import('./web/shared/paths.js'),
    import('./demo/archive-generator-progress.js'),
    import('./shared/errors.js'),
  ]);
  await refuseOtherKindsOf(file, imports.refuseOtherKinds, (message) => new AppError('ERR_IMPORT_FILE_REFUSED', message), imports.XmlRefusedError);
  const started = Date.now();
  const config = loadConfig();
  const database = config.database.engine === 'postgres' ? { ...config.database, statementTimeoutMs: 0 } : config.database;
  const deps = await createDeps({ ...config, database });
  try {
    const bar = progressBar(process.stderr, 'items');
    const report = await imports
      .importWordPress(deps, {
        open: () => createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
        timeZone: values['time-zone'] ?? deps.settings.publication.timeZone,
        targets: {
          article: paths.article,
          section: (slug) => paths.section(slug),
          tag: (slug) => paths.tag(slug),
          author: (slug) => paths.author(slug),
          staticPage: paths.staticPage,
          feed: () => paths.feeds.site('rss'),
        },
        images: { mediaDir: values['media-dir'], fetch: !values['no-fetch'] },
        dryRun: values['dry-run'] ?? false,
        sectionMap,
        unmapped,
        defaultSection: values['default-section'] ?? null,
        onProgress: (done, total) => bar.update(done, total),
      })
      .catch((error: unknown) => {
        if (error instanceof imports.XmlRefusedError) throw new AppError('ERR_IMPORT_FILE_REFUSED', error.message);
        throw error;
      });
    bar.finish();
    const reportFile =
      values.report ?? path.join(config.dataDir, 'imports', `wordpress-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(imports.summariseReport(report));
    console.log(`Finished in ${formatDuration(Date.now() - started)}. The whole report: ${reportFile}`);
  } finally {
    await deps.close();
  }
}

function parseImportArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      'media-dir': { type: 'string' },
      'no-fetch': { type: 'boolean' },
      'section-map': { type: 'string' },
      unmapped: { type: 'string' },
      'default-section': { type: 'string' },
      'time-zone': { type: 'string' },
      report: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  });
}

/** `"Politics=politics,World News=world"` → category (slug or lower-cased name) → section slug. */
function parseSectionMap(raw: string, usageError: (message: string) => Error): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of raw.split(',').filter((part) => part.trim())) {
    const [from, to, ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0) throw usageError(`--section-map: "${pair}" is not old=new`);
    map.set(from.toLowerCase(), to);
  }
  return map;
}

/** Reads the first bytes, so a Ghost export or an RSS feed is named before any work starts. */
async function refuseOtherKindsOf(
  file: string,
  refuse: (start: string) => void,
  toError: (message: string) => Error,
  refusedType: new (...args: never[]) => Error,
): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
    refuse(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch (error) {
    if (error instanceof refusedType) throw toError(error.message);
    throw error;
  } finally {
    await handle.close();
  }
}
