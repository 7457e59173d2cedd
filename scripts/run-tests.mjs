// Runs the whole suite with Node's test runner: on SQLite always, then again on PostgreSQL when
// TEST_DATABASE_URL is set, then the multi-node tests (*.cluster.test.ts, several app nodes on one
// PostgreSQL and one Redis) when TEST_REDIS_URL is set as well; only that pass runs them. Node 20
// does not expand globs and silently passes with no files, so this script lists the files itself
// and fails when a pass runs no test at all.
// Time zones: the SQLite pass runs the unit and integration tests in America/New_York and the
// PostgreSQL pass in UTC, so every one of them runs in a zone with daylight saving and in UTC (a
// date taken from the server's zone instead of the publication's fails one of the two) without a
// third pass over the suite. Browser tests run in UTC, as Chromium's clock in them is UTC.
//   node scripts/run-tests.mjs            unit, integration and browser tests
//   node scripts/run-tests.mjs --unit     everything but e2e/
//   node scripts/run-tests.mjs --e2e      only e2e/ (browser tests)
//   node scripts/run-tests.mjs path ...   only the given files
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClient, isClientBuildCurrent } from './build-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith('--'));

function findTests(directory) {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

let files = only.length > 0 ? only : [];
if (files.length === 0) {
  if (!args.includes('--e2e')) files.push(...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'client')));
  if (!args.includes('--unit')) files.push(...findTests(path.join(root, 'e2e')));
}
files.sort();
// Pages link the editor's bundle by its hashed URL, so it must exist before any test starts a server.
if (!isClientBuildCurrent() && !(await buildClient({ quiet: true }))) {
  console.error('run-tests: the client bundle (client/ → public/assets/newsroom-editor.js) did not build');
  process.exit(1);
}
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}

const isClusterTest = (file) => /\.cluster\.test\.tsx?$/.test(file);
const singleNodeFiles = files.filter((file) => !isClusterTest(file));
const clusterFiles = files.filter(isClusterTest);
const { TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl } = process.env;

const NON_UTC_ZONE = 'America/New_York';
const isBrowserTest = (file) => file.startsWith('e2e/');
const passes = [
  {
    name: `SQLite (${NON_UTC_ZONE})`,
    env: { TEST_DATABASE_URL: '', TZ: NON_UTC_ZONE },
    files: singleNodeFiles.filter((file) => !isBrowserTest(file)),
  },
  { name: 'SQLite (browser tests)', env: { TEST_DATABASE_URL: '', TZ: 'UTC' }, files: singleNodeFiles.filter(isBrowserTest) },
];
if (databaseUrl) passes.push({ name: 'PostgreSQL (UTC)', env: { TEST_DATABASE_URL: databaseUrl, TZ: 'UTC' }, files: singleNodeFiles });
// One file at a time: these start several nodes each (some as real processes). --e2e has none.
if (databaseUrl && redisUrl && !args.includes('--e2e'))
  passes.push({
    name: 'PostgreSQL + Redis (multi-node)',
    env: { TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl, TZ: 'UTC' },
    files: clusterFiles,
    concurrency: 1,
  });
// A pass none of the files is for (the browser pass under --unit, say) is left out.
for (let index = passes.length - 1; index >= 0; index--) if (passes[index].files.length === 0) passes.splice(index, 1);
if (only.length > 0) {
  // Given files must be for some pass.
  if (passes.length === 0) {
    console.error('run-tests: *.cluster.test.ts files run only with TEST_DATABASE_URL and TEST_REDIS_URL set');
    process.exit(1);
  }
} else if (clusterFiles.length > 0 && !(databaseUrl && redisUrl)) {
  console.log(`run-tests: ${clusterFiles.length} multi-node files left out (set TEST_DATABASE_URL and TEST_REDIS_URL to run them)`);
}

function runPass(pass) {
  return new Promise((resolve) => {
    console.log(`\n=== Test pass on ${pass.name} (${pass.files.length} files) ===`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', `--test-concurrency=${pass.concurrency ?? 2}`, '--test-reporter=spec', ...pass.files],
      { cwd: root, env: { ...process.env, ...pass.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      // Node prints its totals before the details of failing tests, which can be long.
      tail = (tail + chunk.toString()).slice(-2_000_000);
    });
    child.on('close', (code) => {
      const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(tail)?.[1] ?? 'NaN');
      resolve({
        name: pass.name,
        code,
        tests: count('tests'),
        passed: count('pass'),
        failed: count('fail'),
        skipped: count('skipped'),
        multiNode: pass.files === clusterFiles,
      });
    });
  });
}

// This run's schemas only: another run on the same database (a second developer, an editor's test
// task) keeps its own. src/testing/test-database.ts names each schema with this prefix.
const schemaPrefix = `test_${randomBytes(4).toString('hex')}_`;
process.env.TEST_SCHEMA_PREFIX = schemaPrefix;

/** Drops the schemas this run's test databases made in PostgreSQL (see src/testing/test-database.ts). */
async function dropTestSchemas(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select nspname from pg_namespace where starts_with(nspname, $1)', [schemaPrefix]);
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}

const results = [];
for (const pass of passes) {
  if (pass.env.TEST_DATABASE_URL) await dropTestSchemas(pass.env.TEST_DATABASE_URL);
  results.push(await runPass(pass));
  if (pass.env.TEST_DATABASE_URL) await dropTestSchemas(pass.env.TEST_DATABASE_URL);
}

let ok = true;
console.log('\n=== Summary ===');
for (const result of results) {
  // The multi-node tests skip themselves without Redis: skipped ones do not count as run there.
  const ran = Number.isFinite(result.tests) && result.tests > 0 && (!result.multiNode || result.passed > 0);
  if (result.code !== 0 || !ran) ok = false;
  console.log(
    `${result.name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped` +
      (ran ? '' : ' — NO TESTS RAN') +
      (result.code !== 0 ? ` (exit ${result.code})` : ''),
  );
}
const total = (key) => results.reduce((sum, result) => sum + (Number.isFinite(result[key]) ? result[key] : 0), 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(ok ? 0 : 1);
