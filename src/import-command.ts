import { createReadStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isWebAddress } from './shared/web-address.js';
import { isTimeZone } from './shared/zoned-time.js';

/** The archives `dateline import` reads. */
export type ImportKind = 'wordpress' | 'ghost';

/**
 * `dateline import wordpress|ghost <file>`: reads the options (most shared, a few each source's
 * own), wires the importer to the app's own services (so the media pipeline and the reactions are
 * the running site's), draws the progress and writes the report. Kept apart from cli.ts so the
 * other commands do not load the importer.
 */
export async function importCommand(kind: ImportKind, args: string[], usageError: (message: string) => Error): Promise<void> {
  let parsed: ReturnType<typeof parseImportArgs>;
  try {
    parsed = parseImportArgs(kind, args);
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw usageError('give exactly one export file');
  const unmapped = values.unmapped ?? 'sections';
  if (unmapped !== 'sections' && unmapped !== 'tags') throw usageError('--unmapped is "sections" or "tags"');
  const sectionMap = parseSectionMap(values['section-map'] ?? '', usageError);
  if (values['site-url'] !== undefined && !isWebAddress(values['site-url'])) throw usageError("--site-url is the old site's http(s) address");
  if (values['time-zone'] !== undefined && !isTimeZone(values['time-zone'])) throw usageError('--time-zone is an IANA time zone such as Asia/Seoul');

  const [{ loadConfig }, { createDeps }, imports, { importTargets }, { progressBar, formatDuration }, { AppError }] = await Promise.all([
    import('./config/config.js'),
    import('./deps.js'),
    import('./modules/imports/index.js'),
    import('./web/shared/import-targets.js'),
    import('./demo/archive-generator-progress.js'),
    import('./shared/errors.js'),
  ]);
  // A Ghost zip (PK…) is looked into by the importer itself.
  const refuse = kind === 'wordpress' ? imports.refuseOtherKinds : (start: string) => start.startsWith('PK') || imports.refuseNonGhost(start);
  await refuseOtherKindsOf(file, refuse, (message) => new AppError('ERR_IMPORT_FILE_REFUSED', message), imports.XmlRefusedError);
  const started = Date.now();
  const config = loadConfig();
  const database = config.database.engine === 'postgres' ? { ...config.database, statementTimeoutMs: 0 } : config.database;
  const deps = await createDeps({ ...config, database });
  try {
    const bar = progressBar(process.stderr, 'items');
    const shared = {
      targets: importTargets,
      images: { mediaDir: values['media-dir'], fetch: !values['no-fetch'] },
      dryRun: values['dry-run'] ?? false,
      sectionMap,
      unmapped,
      defaultSection: values['default-section'] ?? null,
      update: values.update ?? false,
      onProgress: (done: number, total: number) => bar.update(done, total),
    } as const;
    const running =
      kind === 'wordpress'
        ? imports.importWordPress(deps, {
            ...shared,
            open: () => createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
            timeZone: values['time-zone'] ?? deps.settings.publication.timeZone,
          })
        : imports.importGhost(deps, { ...shared, file, siteUrl: values['site-url'] ?? null });
    // A refusal found while reading (a Ghost file's broken JSON, an XML one's DOCTYPE) is the file's fault, not the program's.
    const report = await running.catch((error: unknown) => {
      if (error instanceof imports.XmlRefusedError) throw new AppError('ERR_IMPORT_FILE_REFUSED', error.message);
      throw error;
    });
    bar.finish();
    const reportFile = values.report ?? path.join(config.dataDir, 'imports', `${kind}-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(imports.summariseReport(report));
    console.log(`Finished in ${formatDuration(Date.now() - started)}. The whole report: ${reportFile}`);
  } finally {
    await deps.close();
  }
}

const IMPORT_OPTIONS = {
  'media-dir': { type: 'string' },
  'no-fetch': { type: 'boolean' },
  'section-map': { type: 'string' },
  unmapped: { type: 'string' },
  'default-section': { type: 'string' },
  report: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'time-zone': { type: 'string' },
  update: { type: 'boolean' },
  'site-url': { type: 'string' },
} as const;
/** Each source's own options; the rest both importers take. */
const ONLY_FOR: Partial<Record<keyof typeof IMPORT_OPTIONS, ImportKind>> = { 'time-zone': 'wordpress', 'site-url': 'ghost' };

function parseImportArgs(kind: ImportKind, args: string[]) {
  const parsed = parseArgs({ args, options: IMPORT_OPTIONS, strict: true, allowPositionals: true });
  for (const [name, only] of Object.entries(ONLY_FOR)) {
    if (only !== kind && parsed.values[name as keyof typeof IMPORT_OPTIONS] !== undefined)
      throw new Error(`--${name} is an option of import ${only} only`);
  }
  return parsed;
}

/** `"Politics=politics,World News=world"` → category or tag (slug or lower-cased name) → section slug. */
function parseSectionMap(raw: string, usageError: (message: string) => Error): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of raw.split(',').filter((part) => part.trim())) {
    const [from, to, ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0) throw usageError(`--section-map: "${pair}" is not old=new`);
    map.set(from.toLowerCase(), to);
  }
  return map;
}

/** Reads the first bytes, so a file of another kind (a Ghost export, a WXR, a feed) is named before any work starts. */
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
