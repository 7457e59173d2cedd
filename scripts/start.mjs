// `npm start`: compile TypeScript to dist/ when the sources are newer than the build, then run it.
// Production runs plain JavaScript from dist/; tsc is incremental, so an up-to-date build costs ~1 s.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) {
  console.error('dateline: the TypeScript build failed; see the errors above.');
  process.exit(build.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist', 'main.js')).href);
