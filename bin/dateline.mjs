#!/usr/bin/env node
// `npx dateline …`: the command-line tool. Like scripts/start.mjs, compiles TypeScript to dist/ when
// the sources are newer than the build (tsc is incremental), then runs the compiled CLI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) {
  console.error('dateline: the TypeScript build failed; see the errors above.');
  process.exit(build.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist', 'cli.js')).href);
