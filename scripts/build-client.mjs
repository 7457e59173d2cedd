// Bundles the newsroom's browser code (client/editor/) with esbuild into public/assets/newsroom-editor.js,
// which is generated (git ignores it). `npm install`/`npm ci` run it (scripts/prepare.mjs), `npm start`
// and the test runner run it when client/ is newer than the bundle, and `npm run build:client` by hand.
// It prints the bundle's size raw, gzipped and brotli-compressed: the editor must stay under 200 KB compressed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT = path.join(root, 'client');
/** Files the bundle also reads from the server's code (the body's link rules, the editor's English words). */
const SHARED_INPUTS = [
  path.join(root, 'src', 'shared', 'safe-url.ts'),
  path.join(root, 'src', 'shared', 'i18n', 'areas', 'newsroom-editor.en.ts'),
  path.join(root, 'package.json'),
];
export const BUNDLES = [{ entry: path.join(CLIENT, 'editor', 'main.ts'), out: path.join(root, 'public', 'assets', 'newsroom-editor.js') }];
const LIMIT_BYTES = 200 * 1024;

function newestInput() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(CLIENT);
  for (const file of SHARED_INPUTS) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** Whether every bundle exists and is newer than every client source. */
export function isClientBuildCurrent() {
  const newest = newestInput();
  return BUNDLES.every(({ out }) => {
    try {
      return statSync(out).mtimeMs >= newest;
    } catch {
      return false;
    }
  });
}

/** @returns whether the build succeeded */
export async function buildClient({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies (--omit=dev) ships the bundle as built.
    console.error('dateline: esbuild is not installed (--omit=dev?), so the client bundle is not built.');
    return false;
  }
  for (const { entry, out } of BUNDLES) {
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'eof',
      logLevel: 'warning',
    });
    if (result.errors.length > 0) return false;
    if (!quiet) report(out);
  }
  return true;
}

function report(file) {
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.error(`dateline: ${path.relative(root, file)}: ${kb(raw.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli`);
  if (Math.min(gzip, brotli) > LIMIT_BYTES) console.error(`dateline: WARNING: over the ${kb(LIMIT_BYTES)} compressed budget`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await buildClient())) process.exit(1);
}
