// Compiles TypeScript to dist/ (tsc is incremental: an up-to-date build costs about a second), then
// runs one compiled entry point. Production runs plain JavaScript from dist/, never TypeScript.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} entry a file under dist/, such as `main.js` */
export async function buildAndRun(entry) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) {
    console.error('dateline: the TypeScript build failed; see the errors above.');
    process.exit(build.status ?? 1);
  }
  await import(pathToFileURL(path.join(root, 'dist', entry)).href);
}
