// `npm install` / `npm ci` run this (the `prepare` script): build dist/ once, so the first
// `npm start` and every `npx dateline …` start in seconds instead of compiling first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClient, isClientBuildCurrent } from './build-client.mjs';
import { build, isBuildCurrent } from './run-built.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(path.join(root, 'node_modules', 'typescript'))) {
  // An install without devDependencies (--omit=dev) has no compiler; a shipped dist/ is used as is.
  console.error('dateline: TypeScript is not installed (--omit=dev?), so the build is skipped.');
} else if (isBuildCurrent()) {
  console.error('dateline: dist/ is up to date.');
} else if (!build()) {
  process.exit(1);
}

// The newsroom's editor bundle (public/assets/newsroom-editor.js) is generated, never committed.
if (existsSync(path.join(root, 'node_modules', 'esbuild')) && !isClientBuildCurrent() && !(await buildClient())) process.exit(1);
